"""Views for search engines: the multilingual sitemap and robots.txt."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.shortcuts import render
from django.urls import reverse

from portal.sitemaps import TranslatedPagesSitemap


def sitemap(request):
    """Every language's live public pages, with their translations as hreflang alternates."""
    return django_sitemap(
        request,
        sitemaps={"pages": TranslatedPagesSitemap(request)},
        template_name="sitemap.xml",
    )


def robots_txt(request):
    """Keeps crawlers out of the admin and search results, and points them to the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
