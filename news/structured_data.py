"""schema.org JSON-LD for a news item: a ``NewsArticle`` by the ACCR.

Its image is the one the page is shared with (``og:image``), at the same
absolute address; every address comes from the Site (``portal.site_urls``).
"""

from portal.images import SOCIAL_IMAGE_SPEC
from portal.site_urls import absolute_url, site_root_url
from portal.structured_data import association


def news_article(page, request=None):
    url = page.get_full_url(request)
    organisation = association(site_root_url(request, page))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": page.locale.language_code,
        "datePublished": page.date.isoformat(),
        "author": organisation,
        "publisher": organisation,
    }
    modified = page.last_published_at or page.first_published_at
    if modified:
        data["dateModified"] = modified.isoformat()
    if page.image is not None:
        rendition = page.image.get_rendition(SOCIAL_IMAGE_SPEC)
        data["image"] = [absolute_url(rendition.url, request, page)]
    if page.localized_category is not None:
        data["articleSection"] = page.localized_category.name
    return data
