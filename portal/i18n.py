"""Locales and translations, looked up in bulk and at most once per request.

Wagtail's ``Locale.get_active()`` and ``Locale.get_default()`` query the
database on every call, and ``page.localized`` calls one of them for every
page it is used on: a page with a menu, a footer and a few lists asked for
the same locale row ten times or more. ``portal.middleware.LocaleCacheMiddleware``
opens a cache for the duration of each request; the helpers here read every
locale in one query the first time one is needed and answer from memory
afterwards. Outside a request (commands, tests calling models directly) there
is no cache and each helper queries, so nothing is ever stale.

Pages refer to taxonomy snippets (themes, categories) in the source language:
wagtail-localize synchronises many-to-many fields rather than translating them,
so every locale's page points at the same French records.
``localized_snippets`` shows the visitor the record of their own language,
falling back to French; ``localized_pages`` does the same for pages.

Listings of centres and calls show every public item in every language:
``with_source_fallback`` gives a listing's pages in its language plus the
French pages not translated into it (live and public), and
``fallback_language`` tells a card, a marker or a feed item that it shows
such a French page (docs/decisions.md). Pages themselves never mix languages.
"""

from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext
from django_countries import countries
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

SOURCE_LOCALE_ONLY = Q(locale__language_code=settings.LANGUAGE_CODE)

# ``None`` outside a request; inside one, ``{language_code: Locale}`` once filled.
_request_locales = ContextVar("portal_request_locales", default=None)


@contextmanager
def request_locale_cache():
    """Memoise locale look-ups until the block ends (the middleware wraps each request in it)."""
    token = _request_locales.set({})
    try:
        yield
    finally:
        _request_locales.reset(token)


def _cached_locales():
    """Every locale by language code for the current request, or None outside a request."""
    cache = _request_locales.get()
    if cache is None:
        return None
    if not cache:
        # A handful of rows: reading them all costs what reading one does.
        cache.update({locale.language_code: locale for locale in Locale.objects.all()})
    return cache


def locale_for_language(language_code):
    """``Locale.objects.get_for_language(language_code)``, memoised for the current request.

    Raises ``LookupError`` for a language that is not a content language and
    ``Locale.DoesNotExist`` when its locale has not been created, as Wagtail does.
    """
    code = get_supported_content_language_variant(language_code)
    locales = _cached_locales()
    if locales is None:
        return Locale.objects.get(language_code=code)
    try:
        return locales[code]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for {code!r}") from None


def default_locale():
    """The locale of ``LANGUAGE_CODE`` (French, the source language): ``Locale.get_default()``."""
    return locale_for_language(settings.LANGUAGE_CODE)


def active_locale():
    """The locale of the active language, else the default one: ``Locale.get_active()``."""
    try:
        return locale_for_language(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def locale_by_id(locale_id):
    """The locale with primary key ``locale_id``, from the request's cache when there is one."""
    locales = _cached_locales()
    if locales is not None:
        for locale in locales.values():
            if locale.pk == locale_id:
                return locale
    return Locale.objects.get(pk=locale_id)


def prime_locale(obj):
    """Fill ``obj.locale`` from the request's cache, so that reading it costs no query."""
    field = type(obj)._meta.get_field("locale")
    if not field.is_cached(obj) and _request_locales.get() is not None:
        with suppress(Locale.DoesNotExist):
            field.set_cached_value(obj, locale_by_id(obj.locale_id))
    return obj


def localized_snippets(objects):
    """Return ``objects`` in the active locale, in one query, keeping their order."""
    objects = list(objects)
    if not objects:
        return objects
    active = active_locale()
    if all(obj.locale_id == active.pk for obj in objects):
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[o.translation_key for o in objects], locale=active
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def localized_pages(pages, keep_untranslated=True):
    """``[page.localized for page in pages]`` in one query per page class, keeping the order.

    Each page is replaced by its live translation in the active language;
    a page without one stays as it is, like Wagtail's ``Page.localized``, or
    becomes None with ``keep_untranslated=False`` (the menus leave it out).
    """
    pages = list(pages)
    if not pages or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return pages
    active = active_locale()
    foreign = [page for page in pages if page.locale_id != active.pk]
    translations = {}
    for model in {type(page) for page in foreign}:
        keys = {page.translation_key for page in foreign if type(page) is model}
        translations.update(
            ((model, translated.translation_key), translated)
            for translated in model.objects.live().filter(translation_key__in=keys, locale=active)
        )
    return [
        translations.get((type(page), page.translation_key), page if keep_untranslated else None)
        if page.locale_id != active.pk
        else page
        for page in pages
    ]


def localized_page(page):
    """``page.localized``: its live translation in the active language, else itself."""
    return localized_pages([page])[0] if page is not None else None


def source_page(page):
    """The French page that ``page`` translates (itself when French), or None.

    Memoised on ``page``: a listing asks for it for each of its queries.
    """
    source = default_locale()
    if page.locale_id == source.pk:
        return page
    if "_source_page" not in page.__dict__:
        page.__dict__["_source_page"] = page.get_translation_or_none(source)
    return page.__dict__["_source_page"]


def with_source_fallback(pages, locale=None, under=None):
    """The pages of ``pages`` in ``locale``, plus the French pages not translated into it.

    ``pages`` is a queryset of one page model spanning languages, already
    narrowed to what the listing shows (``live().public()``, a type, a
    status…): a French page comes in when no page of ``pages`` in ``locale``
    translates it, so a translation that is a draft, private or filtered out
    leaves the French page listed, and an unpublished or private French page
    never comes in. ``under`` (a listing page of ``locale``: the directory, a
    programme) keeps the pages below it, and the French ones below its French
    source. ``locale`` defaults to ``under``'s, else the active one. One
    queryset, so counting, filtering, ordering and paginating work as before;
    the French pages keep their French title, text and URL.
    """
    if locale is None:
        locale = locale_by_id(under.locale_id) if under is not None else active_locale()
    own = Q(locale=locale)
    if under is not None:
        own &= pages.descendant_of_q(under)
    source = default_locale()
    if locale.pk == source.pk:
        return pages.filter(own)
    fallback = Q(locale=source)
    if under is not None:
        source_under = source_page(under)
        if source_under is None:
            return pages.filter(own)
        fallback &= pages.descendant_of_q(source_under)
    translated = pages.filter(own).order_by().values("translation_key")
    return pages.filter(own | (fallback & ~Q(translation_key__in=translated)))


def in_source_order(pages):
    """``pages`` in the French tree's order (the editors' order), each translation at its
    source's place, so that a listing mixing languages keeps one order."""
    source_path = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=default_locale()
    ).values("path")[:1]
    return pages.annotate(source_path=Coalesce(Subquery(source_path), F("path"))).order_by(
        "source_path"
    )


@dataclass(frozen=True)
class FallbackLanguage:
    """The language of a page listed in a listing of another language, and how to say so."""

    code: str

    @property
    def direction(self):
        return "rtl" if get_language_info(self.code)["bidi"] else "ltr"

    @property
    def label(self):
        """The visible label, in the visitor's language: "In French", « En français »…"""
        if self.code == "fr":
            return gettext("In French")
        return get_language_info(self.code)["name_translated"]

    @property
    def attributes(self):
        """`` lang="fr" dir="ltr"``, for the elements that hold the page's own text."""
        return format_html(' lang="{}" dir="{}"', self.code, self.direction)


def fallback_language(page, locale=None):
    """A ``FallbackLanguage`` when ``page`` is listed in another language's listing, else None.

    A French centre in the Arabic directory gives French: its card says so
    and marks its text ``lang="fr"``. ``locale`` is the listing's, by default
    the active one. No query inside a request (locales are cached).
    """
    if page is None:
        return None
    locale = locale or active_locale()
    if page.locale_id == locale.pk:
        return None
    return FallbackLanguage(locale_by_id(page.locale_id).language_code)


def country_code(value):
    """The ISO 3166 alpha-2 code that ``value`` writes (``FR``, ``FRA`` or ``250``), or "".

    django-countries converts a numeric value to an integer first: thousands of
    digits from a URL raised Python's integer-length limit. No code is longer
    than three characters.
    """
    value = (value or "").strip()
    return countries.alpha2(value) if 0 < len(value) <= 3 else ""
