"""One sitemap for every language, each URL listing its translations as hreflang alternates.

Wagtail's contrib sitemap lists only the tree of the request's site and no
alternates (wagtail#12420). Django's ``i18n`` sitemaps assume one object
served under several language prefixes, whereas wagtail-localize makes each
translation its own page. So this sitemap lists the live public pages under
every site's root and under each of its translations, and groups them by
``translation_key``: the alternates of a page are the other pages of the list
with the same key, found without any further query.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.models import Locale, Page, Site


class TranslatedPagesSitemap(Sitemap):
    def __init__(self, request=None):
        self.request = request

    def get_roots(self):
        """The root page of every site, and every translation of it."""
        root_ids = Site.objects.values_list("root_page_id", flat=True)
        root_keys = Page.objects.filter(pk__in=root_ids).values("translation_key")
        return list(Page.objects.filter(translation_key__in=root_keys).only("path", "depth"))

    def items(self):
        roots = self.get_roots()
        if not roots:
            return []
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return list(
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _translations_by_key(self):
        """Every listed page's full URL and language, grouped by translation key."""
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for page in self.paginator.object_list:
            full_url = page.get_full_url(self.request)
            if full_url:
                groups.setdefault(page.translation_key, []).append(
                    (language_codes[page.locale_id], full_url)
                )
        return groups

    def _alternates(self, translations):
        """hreflang entries for a group of translations, plus x-default (the source language)."""
        if len(translations) < 2:
            return []
        alternates = [
            {"lang_code": code, "location": location} for code, location in sorted(translations)
        ]
        for code, location in translations:
            if code == settings.LANGUAGE_CODE:
                alternates.append({"lang_code": "x-default", "location": location})
        return alternates

    def get_urls(self, page=1, site=None, protocol=None):
        translations = self._translations_by_key()
        urls = []
        lastmods = []
        for item in self.paginator.page(page).object_list:
            full_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                url_info = dict(url_info)
                if url_info.get("location") == full_url:
                    url_info["alternates"] = self._alternates(
                        translations.get(item.translation_key, [])
                    )
                urls.append(url_info)
                lastmods.append(url_info.get("lastmod"))
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
