"""Site search: ranked full-text hits, facets with counts, highlighted snippets.

Full-text ranking comes from Wagtail's search backend; facets are counted with
ordinary queries over the ranked hits, so they work the same on every backend.
"""

import dataclasses
import html
import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from home.models import StandardPage
from network.models import CentrePage
from news.models import AdvocacyPositionPage, NewsCategory, NewsPage
from portal.descriptions import description_text
from portal.facets import count_facets
from portal.i18n import active_locale, prime_locale
from programmes.models import CallPage, ProgrammePage
from search.backends import backend_for_all_languages, backend_for_language, has_words
from search.backends.ranking import ranked_page_ids, ranks_from_index
from search.models import ZeroResultQuery

MAX_QUERY_LENGTH = 200
MAX_HITS = 500
SNIPPET_LENGTH = 240

# The content-type facet: a stable key in the URL for each kind of result.
TYPES = {
    "centre": (CentrePage, _("Centres")),
    "call": (CallPage, _("Calls for applications")),
    "programme": (ProgrammePage, _("Programmes")),
    "news": (NewsPage, _("News")),
    "advocacy": (AdvocacyPositionPage, _("Advocacy")),
    "page": (StandardPage, _("Pages")),
}
# The terms of a query and of a text, for highlighting and suggestions.
TERM = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The query as searched: trimmed, bounded, and empty when it holds no word at all."""
    query = " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
    return query if has_words(query) else ""


def fold(text):
    """Lower-case and strip accents, for matching terms against text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def highlight(text, query, length=SNIPPET_LENGTH):
    """A snippet of ``text`` around the first matched term, matched terms in <mark>."""
    text = " ".join(html.unescape(text or "").split())
    terms = {fold(term) for term in TERM.findall(query) if len(term) > 1}
    if not text:
        return ""
    words = list(TERM.finditer(text))
    matches = [w for w in words if any(fold(w.group()).startswith(term) for term in terms)]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    excerpt = text[start:]
    excerpt = Truncator(excerpt).chars(length)
    parts, position = [], 0
    for word in TERM.finditer(excerpt):
        if any(fold(word.group()).startswith(term) for term in terms):
            parts.append(escape(excerpt[position : word.start()]))
            parts.append(f"<mark>{escape(word.group())}</mark>")
            position = word.end()
    parts.append(escape(excerpt[position:]))
    prefix = "… " if start else ""
    return mark_safe(prefix + "".join(parts))  # noqa: S308 - every part is escaped above


class SiteSearch:
    """One search request: ``SiteSearch(query, filters, locale).run()``."""

    # The facets, in the order the page shows them, with their headings.
    FILTERS = {
        "type": _("Type"),
        "country": _("Country"),
        "programme": _("Programme"),
        "status": _("Call status"),
        "category": _("News category"),
    }

    def __init__(self, query, filters=None, locale=None, all_languages=False):
        self.query = clean_query(query)
        self.locale = locale or active_locale()
        self.all_languages = all_languages
        requested = filters or {}
        self.filters = {name: requested.get(name, "") for name in self.FILTERS}

    # --- Hits and their attributes --------------------------------------------------

    @cached_property
    def ranked_ids(self):
        return self.titles_first(self._hit_ids)

    @cached_property
    def _hit_ids(self):
        """The backend's hits, best first."""
        if not self.query:
            return []
        pages = Page.objects.live().public()
        if self.all_languages:
            backend = backend_for_all_languages()
        else:
            pages = pages.filter(locale=self.locale)
            backend = backend_for_language(self.locale.language_code)
        # Fewer words in common is better than nothing.
        return self._search_ids(backend, pages, "and") or self._search_ids(backend, pages, "or")

    def _search_ids(self, backend, pages, operator):
        if ranks_from_index(backend):
            return ranked_page_ids(backend, self.query, pages, operator, MAX_HITS)
        hits = backend.search(self.query, pages, operator=operator)[:MAX_HITS]
        # A page written to two indexes (before the language filter covered
        # every write) would come back twice from a search of every language.
        return list(dict.fromkeys(page.pk for page in hits))

    def titles_first(self, ids):
        """Move the hits whose title holds every word of the query to the top, in order.

        The backends weigh a title match only a little more than a body match;
        a visitor who types a page's name expects that page first.
        """
        terms = [fold(term) for term in TERM.findall(self.query)]
        rows = self._hit_rows

        def title_matches(page_id):
            title, _content_type_id, _path = rows.get(page_id, ("", None, ""))
            words = [fold(word) for word in TERM.findall(title)]
            return all(any(word.startswith(term) for word in words) for term in terms)

        matching = [page_id for page_id in ids if title_matches(page_id)]
        return matching + [page_id for page_id in ids if page_id not in set(matching)]

    @cached_property
    def _hit_rows(self):
        """``{page_id: (title, content_type_id, path)}`` of the hits, read once.

        Each hit's type decides which facet queries it needs: a search that
        finds only news reads no centre or call rows.
        """
        return {
            pk: (title, content_type_id, path)
            for pk, title, content_type_id, path in Page.objects.filter(
                pk__in=self._hit_ids
            ).values_list("pk", "title", "content_type_id", "path")
        }

    @cached_property
    def attributes(self):
        """Per hit: its type key and the values of every facet it can take."""
        rows = self._hit_rows
        type_of_content_type = {
            ContentType.objects.get_for_model(model).pk: key
            for key, (model, _label) in TYPES.items()
        }
        attributes = {}
        ids_of_type = {key: [] for key in TYPES}
        for page_id, (_title, content_type_id, _path) in rows.items():
            key = type_of_content_type.get(content_type_id, "")
            attributes[page_id] = {"type": key}
            if key:
                ids_of_type[key].append(page_id)
        if ids_of_type["centre"]:
            for page_id, country in CentrePage.objects.filter(
                pk__in=ids_of_type["centre"]
            ).values_list("pk", "country"):
                attributes[page_id]["country"] = country
        if ids_of_type["call"]:
            self._add_call_attributes(attributes, rows, ids_of_type["call"])
        if ids_of_type["news"]:
            for page_id, slug in NewsPage.objects.filter(pk__in=ids_of_type["news"]).values_list(
                "pk", "category__slug"
            ):
                attributes[page_id]["category"] = slug or ""
        return attributes

    @staticmethod
    def _add_call_attributes(attributes, rows, call_ids):
        """A call's status, and its programme: the parent page's slug."""
        calls = CallPage.objects.filter(pk__in=call_ids).with_status()
        for page_id, status in calls.values_list("pk", "computed_status"):
            attributes[page_id]["status"] = status
        parent_paths = {page_id: rows[page_id][2][: -Page.steplen] for page_id in call_ids}
        programmes = dict(
            ProgrammePage.objects.filter(path__in=set(parent_paths.values())).values_list(
                "path", "slug"
            )
        )
        for page_id, parent_path in parent_paths.items():
            attributes[page_id]["programme"] = programmes.get(parent_path, "")

    # --- Facets: ``portal.facets``, as on the listings ------------------------------

    def _value_labels(self):
        """``{facet_name: {value: label}}`` in the visitor's language."""
        programme_titles = dict(
            ProgrammePage.objects.filter(locale=self.locale).values_list("slug", "title")
        )
        category_names = {}
        for slug, name, locale_id in NewsCategory.objects.values_list("slug", "name", "locale_id"):
            if locale_id == self.locale.pk or slug not in category_names:
                category_names[slug] = name
        return {
            "type": {key: label for key, (_m, label) in TYPES.items()},
            "country": dict(countries),
            "programme": programme_titles,
            "status": dict(CallPage.Status.choices),
            "category": category_names,
        }

    @cached_property
    def _facet_filters(self):
        """The hits' facets counted by ``portal.facets.count_facets``; a facet's
        options are the values some hit has (unknown values are ignored)."""
        items = {
            page_id: {name: {attrs[name]} if attrs.get(name) else set() for name in self.FILTERS}
            for page_id, attrs in self.attributes.items()
        }
        present = {name: set() for name in self.FILTERS}
        for values in items.values():
            for name, found in values.items():
                present[name] |= found
        # Without hits there are no options, and no labels to read.
        value_labels = self._value_labels() if items else dict.fromkeys(self.FILTERS, {})
        options = {
            name: [(value, value_labels[name].get(value, value)) for value in sorted(present[name])]
            for name in self.FILTERS
        }
        labels = {name: (heading, "") for name, heading in self.FILTERS.items()}
        return count_facets(items, options, labels, self.filters)

    @property
    def active_filters(self):
        """The requested filters that some hit can satisfy, as ``{name: value}``."""
        return self._facet_filters.selected

    @cached_property
    def filtered_ids(self):
        matching = self._facet_filters.matching_ids
        if matching is None:
            return list(self.ranked_ids)
        return [page_id for page_id in self.ranked_ids if page_id in matching]

    @cached_property
    def facets(self):
        """The facets that have hits, their options most frequent first."""
        facets = []
        for facet in self._facet_filters.facets:
            options = [option for option in facet.options if option.count]
            if options:
                options.sort(key=lambda option: (-option.count, str(option.label)))
                facets.append(dataclasses.replace(facet, options=options))
        return facets

    # --- Results ------------------------------------------------------------------------

    def results(self, page_ids):
        """The specific pages for ``page_ids``, in ranked order, each with display extras."""
        # ``.specific()`` reads each type's rows again, without the locale: take it
        # from the request's cache rather than one query per result.
        pages = {
            page.pk: prime_locale(page) for page in Page.objects.filter(pk__in=page_ids).specific()
        }
        ordered = [pages[page_id] for page_id in page_ids if page_id in pages]
        for page in ordered:
            page.search_snippet = highlight(description_text(page), self.query)
            page.search_type = self.attributes.get(page.pk, {}).get("type", "")
        return ordered

    @cached_property
    def promotions(self):
        """Editors' picks for this query, in the visitor's language."""
        if not self.query:
            return []
        picks = SearchPromotion.objects.filter(
            query__query_string=self.query.lower(), page__live=True, page__locale=self.locale
        ).select_related("page")
        return [pick.page.specific for pick in picks.order_by("sort_order")]

    def record(self):
        """Count the query for the team's reports (most frequent, and without results)."""
        if not self.query:
            return
        Query.get(self.query).add_hit()
        if not self.ranked_ids:
            ZeroResultQuery.record(self.query, self.locale)
