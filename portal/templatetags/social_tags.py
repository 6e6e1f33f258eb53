"""Open Graph and Twitter card meta tags, and share links that load nothing from third parties.

Conventions pages may follow (none is required):

- ``get_social_image()`` returns the image shown when the page is shared
  (a news item's image, a centre's main image); without it, no image.
- ``og_type = "article"`` marks dated content; its ``date`` (else its first
  publication) becomes ``article:published_time``.
"""

from urllib.parse import quote, urlencode

from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.images import SOCIAL_IMAGE_SPEC
from portal.site_urls import absolute_url
from portal.templatetags.portal_tags import alt_text, page_description, site_name

register = template.Library()


# Open Graph wants language_TERRITORY; these are the territories Facebook knows for each language.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "ar": "ar_AR"}


def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))


def _title(page):
    return page.seo_title or page.title


@register.simple_tag(takes_context=True)
def social_meta(context, page):
    """``<meta property="og:…">`` and ``<meta name="twitter:…">`` tags describing ``page``."""
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    properties = [
        ("og:type", getattr(page, "og_type", "website")),
        ("og:title", _title(page)),
    ]
    description = page_description(page)
    if description:
        properties.append(("og:description", description))
    full_url = page.get_full_url(request)
    if full_url:
        properties.append(("og:url", full_url))
    name = site_name(context)
    if name:
        properties.append(("og:site_name", name))
    properties.append(("og:locale", og_locale(page.locale.language_code)))
    translations = page.get_translations().live().public().select_related("locale")
    properties.extend(
        ("og:locale:alternate", og_locale(code))
        for code in sorted({translated.locale.language_code for translated in translations})
    )

    image = page.get_social_image() if hasattr(page, "get_social_image") else None
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        properties += [
            ("og:image", absolute_url(rendition.url, request, page)),
            ("og:image:width", str(rendition.width)),
            ("og:image:height", str(rendition.height)),
        ]
        image_alt = alt_text(image)
        if image_alt:
            properties.append(("og:image:alt", image_alt))

    if properties[0][1] == "article":
        published = getattr(page, "date", None) or page.first_published_at
        if published:
            properties.append(("article:published_time", published.isoformat()))
        if page.last_published_at:
            properties.append(("article:modified_time", page.last_published_at.isoformat()))

    names = [("twitter:card", "summary_large_image" if image is not None else "summary")]
    return format_html_join(
        "\n    ", '<meta property="{}" content="{}">', properties
    ) + format_html_join("", '\n    <meta name="{}" content="{}">', names)


def share_targets(title, url):
    """Where a page can be shared: plain links to each service's own share form.

    Each entry: ``name`` (shown), ``label`` (the accessible name), ``url`` and
    ``new_tab``. Nothing is loaded from the services until the visitor follows
    a link.
    """
    return [
        {
            "name": _("E-mail"),
            "label": _("Share by e-mail"),
            "url": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
            "new_tab": False,
        },
        {
            "name": "LinkedIn",
            "label": _("Share on LinkedIn (opens in a new tab)"),
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
            "new_tab": True,
        },
        {
            "name": "Facebook",
            "label": _("Share on Facebook (opens in a new tab)"),
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            "new_tab": True,
        },
        {
            "name": "X",
            "label": _("Share on X (opens in a new tab)"),
            "url": "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title}),
            "new_tab": True,
        },
        {
            "name": "Bluesky",
            "label": _("Share on Bluesky (opens in a new tab)"),
            "url": "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"}),
            "new_tab": True,
        },
    ]


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, page):
    """``{% share_links page %}``: links to share ``page`` by e-mail and on social networks."""
    request = context.get("request")
    url = page.get_full_url(request) if isinstance(page, Page) else ""
    return {"targets": share_targets(_title(page), url) if url else []}
