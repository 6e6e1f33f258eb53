"""Views for search engines and browsers: the multilingual sitemap, robots.txt, the icon."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse

from portal.site_urls import absolute_url
from seo.sitemaps import TranslatedPagesSitemap


def sitemap(request):
    """Every language's live public pages, with their translations as hreflang alternates."""
    return django_sitemap(
        request,
        sitemaps={"pages": TranslatedPagesSitemap(request)},
        template_name="seo/sitemap.xml",
    )


def robots_txt(request):
    """Keeps crawlers out of the admin and search results, and points them to the sitemap."""
    return render(
        request,
        "seo/robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"), request)},
        content_type="text/plain; charset=utf-8",
    )


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the pages link to.

    Not a permanent redirect: the target's name carries a hash of its content in
    production, and changes with it.
    """
    return redirect(static("img/favicon.svg"))
