"""Absolute URLs of the public site, from one source: the Wagtail Site's root URL.

Page URLs (``page.get_full_url()``), the sitemap and the feeds are built by
Wagtail from the Site (*Settings → Sites*: host name and port). Everything
else that needs an absolute address (the sharing image, JSON-LD, the
``Sitemap:`` line of robots.txt, the hreflang links of views that are not
pages) goes through ``absolute_url``, so that what the site says about itself
never depends on the Host header a request came with (docs/decisions.md).
"""

from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Page, Site


def site_root_url(request=None, page=None):
    """``https://www.example.org``: the root URL of ``page``'s Site, else of the request's.

    The request only chooses among the Sites (several sites on one install):
    one that matches no Site gets the default one, as Wagtail serves it.
    """
    if isinstance(page, Page):
        url_parts = page.get_url_parts(request)
        if url_parts and url_parts[1]:
            return url_parts[1]
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url, request=None, page=None):
    """``url`` (a path, or an address already absolute such as a bucket's) made absolute."""
    return urljoin(site_root_url(request, page) + "/", url)
