"""The site's navigation data: main menu, footer, home link and language switcher.

Menus and footers are snippets translated per language. Each shows the
one of the active language, else the default language's, else nothing.
Links to pages are localised in bulk: a menu or a footer costs two queries
(the snippet, then its items with their pages), one more when some linked
pages are not in the visitor's language; locales come from the request's
cache (``portal.i18n``). The menu and the footer are then kept per site and
language until the next publication (``_cached``): most pages build neither.
The templates reach these through the thin tags of
``home/templatetags/navigation_tags.py``.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import Footer, FooterLink, NavigationItem, NavigationMenu
from portal.i18n import active_locale, default_locale, locale_by_id, localized_page, localized_pages
from portal.page_cache import current_generation, page_cache
from portal.site_urls import absolute_url


def _active_locale():
    try:
        return active_locale()
    except Locale.DoesNotExist:
        return None


def _for_locale(queryset):
    """The first object of the active locale, falling back to the default locale.

    One query: both locales are asked for at once, the active one's object wins.
    """
    locale_ids = []
    for find in (_active_locale, default_locale):
        try:
            locale = find()
        except Locale.DoesNotExist:
            continue
        if locale is not None and locale.pk not in locale_ids:
            locale_ids.append(locale.pk)
    if not locale_ids:
        return None
    found = {}
    for obj in queryset.filter(locale_id__in=locale_ids).order_by("-pk"):
        found[obj.locale_id] = obj  # ordered newest first, so the oldest (as .first()) stays
    return next((found[pk] for pk in locale_ids if pk in found), None)


def _links_prefetch(relation, item_model):
    """Prefetch a snippet's link rows with their pages in one query."""
    return Prefetch(relation, queryset=item_model.objects.select_related("link_page"))


def _localized_pages(pages):
    """Map each page's id to its live translation in the active locale, or to None.

    A page not translated into the visitor's language is left out of that
    language's menus rather than mixing languages (docs/decisions.md).
    """
    pages = [page for page in pages if page is not None]
    if _active_locale() is None:  # no locale at all yet: an empty site
        return {page.pk: page for page in pages}
    localized = localized_pages(pages, keep_untranslated=False)
    return {page.pk: target for page, target in zip(pages, localized, strict=True)}


def _links(items, request):
    """Turn ``LinkFields`` rows into link dicts (``label``, ``url``, ``is_external``, ``target``).

    ``target`` is the linked page's ``(pk, path, depth)``, or None for an
    outside address: what ``_against`` needs to mark the current page, kept as
    plain data so that the links can be cached.
    """
    items = list(items)
    localized = _localized_pages(item.link_page for item in items if item.link_page_id)
    links = []
    for item in items:
        target = localized.get(item.link_page_id) if item.link_page_id else None
        if item.link_page_id and target is None:
            continue
        if target is not None:
            if not target.live:
                continue
            url = target.get_url(request)
        else:
            url = item.link_url
        if not url:
            continue
        links.append(_link(item.label, url, target))
    return links


def _link(label, url, target=None):
    return {
        "label": label,
        "url": url,
        "is_external": target is None,
        "target": (target.pk, target.path, target.depth) if target is not None else None,
    }


def _against(links, current_page):
    """The links with their state against the page being shown.

    ``is_current``: the link is that page; ``in_section``: the page is below
    the link's (the home page, depth 2, is no section).
    """
    marked = []
    for link in links:
        target = link["target"]
        is_current = bool(current_page is not None and target and target[0] == current_page.pk)
        in_section = bool(
            current_page is not None
            and target is not None
            and not is_current
            and target[2] > 2
            and current_page.path.startswith(target[1])
        )
        marked.append({**link, "is_current": is_current, "in_section": in_section})
    return marked


def _cached(request, name, build):
    """``build()``, kept per site and language until anything is published or saved.

    The menu and the footer are the same on every page of a language: they are
    built once and kept in the page cache's store under its generation token,
    which every publication, move, deletion and snippet save replaces
    (``portal/page_cache.py``), so a change shows on the next request, in every
    worker. They are kept whether or not whole pages are cached, for
    ``NAVIGATION_CACHE_SECONDS`` (0: built on every request, as the test
    settings do so that a test changing a menu needs no commit).
    """
    seconds = settings.NAVIGATION_CACHE_SECONDS
    if request is None or not seconds:
        return build()
    site = Site.find_for_request(request)
    key = ":".join(
        (
            NAVIGATION_CACHE_PREFIX,
            _generation(request),
            str(site.pk if site else ""),
            request.get_host(),
            translation.get_language() or "",
            name,
        )
    )
    store = page_cache()
    value = store.get(key)
    if value is None:
        value = build()
        store.set(key, value, seconds)
    return value


NAVIGATION_CACHE_PREFIX = "navigation"


def _generation(request):
    """The page cache's generation, read once for the menu and the footer of a request."""
    if not hasattr(request, "_portal_cache_generation"):
        request._portal_cache_generation = current_generation()
    return request._portal_cache_generation


def home_page(request):
    """The home page of the active language for this site (the site's root page if untranslated)."""
    if request is None:
        return None
    cached = getattr(request, "_portal_home_page", None)
    if cached is not None:
        return cached
    # The language switcher, rendered before the header, has read every language's home.
    home = getattr(request, "_portal_homes_by_language", {}).get(translation.get_language())
    if home is None:
        site = Site.find_for_request(request)
        if site is None:
            return None
        home = localized_page(site.root_page)
    request._portal_home_page = home
    return home


def main_menu(request, current_page):
    """The main menu of the active language, else the default language's.

    Without any menu, the home page's children marked "show in menus" stand
    in. Returns ``links`` and ``fallback_lang`` (see ``_fallback_language``).
    """
    menu = _cached(request, "menu", lambda: _menu(request))
    return {**menu, "links": _against(menu["links"], current_page)}


def _menu(request):
    menu = _for_locale(
        NavigationMenu.objects.prefetch_related(_links_prefetch("items", NavigationItem))
    )
    if menu is not None:
        return {
            "links": _links(menu.items.all(), request),
            "fallback_lang": _fallback_language(menu),
        }
    home = home_page(request)
    links = []
    if home is not None:
        # public(): a page behind a login or password is not offered to everyone.
        for child in home.get_children().live().public().in_menu():
            links.append(_link(child.title, child.get_url(request), child))
    return {"links": links, "fallback_lang": None}


def site_footer(request, current_page):
    """The footer of the active language, else the default language's, else nothing.

    Returns ``footer`` (the snippet or None), its ``links`` and ``fallback_lang``.
    """
    footer = _cached(request, "footer", lambda: _footer(request))
    return {**footer, "links": _against(footer["links"], current_page)}


def _footer(request):
    footer = _for_locale(Footer.objects.prefetch_related(_links_prefetch("links", FooterLink)))
    if footer is None:
        return {"footer": None, "links": [], "fallback_lang": None}
    links = _links(footer.links.all(), request)
    # Kept without its prefetched rows: the template reads the snippet's own fields.
    footer._prefetched_objects_cache = {}
    return {"footer": footer, "links": links, "fallback_lang": _fallback_language(footer)}


def _fallback_language(snippet):
    """The snippet's language code when it is not the visitor's (a fallback), else None.

    Templates set it as ``lang`` so that screen readers pronounce the labels correctly.
    """
    code = locale_by_id(snippet.locale_id).language_code
    return code if code != translation.get_language() else None


def language_links(request, page=None):
    """One entry per language the visitor can switch to, for the switcher and hreflang links.

    On a page: its live translation where there is one; otherwise that
    language's home page, flagged ``is_translation=False`` so that the
    switcher says so and hreflang leaves it out (an untranslated page is
    absent from its language's tree, see docs/decisions.md). Elsewhere
    (search, errors): the same view in each language. Each entry: ``code``,
    ``name`` (in its own language), ``bidi``, ``url``, ``full_url``,
    ``is_current``, ``is_translation``, ``is_default``.
    """
    if request is None:
        return []
    current_code = translation.get_language()
    languages = dict(settings.LANGUAGES)
    page = page if isinstance(page, Page) else None
    homes, translations = _homes_and_translations(request, page)
    entries = {}
    if page is not None:
        for translated in translations:
            code = translated.locale.language_code
            if translated.pk == page.pk:
                current_code = code
            url = translated.get_url(request) if code in languages else None
            if url:
                entries[code] = (url, translated.get_full_url(request), True)
        for code, home in homes.items():
            if code not in entries:
                url = home.get_url(request) + "?" + UNTRANSLATED_PARAM + "=1"
                entries[code] = (url, absolute_url(url, request), False)
    else:
        entries = _view_in_each_language(request, languages, current_code, homes)
    links = []
    for code in languages:
        if code not in entries:
            continue
        url, full_url, is_translation = entries[code]
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "full_url": full_url,
                "is_current": code == current_code,
                "is_translation": is_translation,
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    return links if len(links) > 1 else []


UNTRANSLATED_PARAM = "untranslated"


def arrived_from_untranslated_page(request):
    """True when the switcher sent the visitor here because the page had no translation."""
    return bool(request is not None and request.GET.get(UNTRANSLATED_PARAM))


def _homes_and_translations(request, page):
    """The site's live home page per language code, and ``page``'s live translations.

    One query for both: the home pages and the translations are the live
    pages sharing the root's or the page's ``translation_key``.
    """
    site = Site.find_for_request(request)
    keys = set()
    if site is not None:
        keys.add(site.root_page.translation_key)
    if page is not None:
        keys.add(page.translation_key)
    if not keys:
        return {}, []
    pages = list(
        Page.objects.live().filter(translation_key__in=keys).select_related("locale").order_by("pk")
    )
    homes = {}
    if site is not None:
        homes = {
            other.locale.language_code: other
            for other in pages
            if other.translation_key == site.root_page.translation_key
        }
    request._portal_homes_by_language = homes
    translations = [
        other
        for other in pages
        if page is not None and other.translation_key == page.translation_key
    ]
    return homes, translations


def _view_in_each_language(request, languages, current_code, homes):
    """``(url, full_url, True)`` of a non-page view (e.g. search) in each language with a home."""
    homes = {code: home.get_url(request) for code, home in homes.items()}
    path = request.get_full_path()
    try:
        translatable = resolve(request.path_info).url_name != "wagtail_serve"
    except Resolver404:
        translatable = False
    entries = {}
    for code in languages:
        if code not in homes:
            continue
        translated = translate_url(path, code) if translatable else None
        url = translated if translated and translated != path else homes[code]
        entries[code] = (url, absolute_url(url, request), True)
    if current_code in entries and translatable:
        entries[current_code] = (path, absolute_url(path, request), True)
    return entries
