"""Search backends that index each language separately.

Wagtail's search has one analyser per backend and no per-language index
(wagtail#1177, django-modelsearch#61). The portal configures one backend per
language (``lang_fr``, ``lang_en``…, each with its own PostgreSQL text search
configuration) plus the ``default`` backend, and every backend indexes only
its share of the objects:

- a language backend (``LANGUAGES: ["fr"]``) indexes pages and snippets of
  that language only;
- the default backend (``EXCLUDE_LANGUAGES: [...]``) indexes everything else:
  images, documents, and translatable objects of any language without a
  backend of its own.

All database backends write the same index table, one row per object, so two
backends indexing the same page would overwrite each other's analysis
(wagtail#9253); with each object indexed by exactly one backend, auto-update
on publish, unpublish, move and delete, and ``update_index`` rebuilding every
backend, stay correct. Searching a language goes through its own backend
(``backend_for_language``), so queries are analysed like the pages were.

On Elasticsearch every backend writes indexes of its own (its
``INDEX_PREFIX``), with its language's analyzer: the language filter must
hold on every write, or a page lands in every language's index; and
searching all languages (``backend_for_all_languages``) reads every backend's
indexes, where on the database the default backend's search reads the shared
table.
"""

import re
import unicodedata

from django.conf import settings
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import Fuzzy, Phrase, PlainText
from wagtail.models import Locale, TranslatableMixin
from wagtail.search.backends import get_search_backend

LANGUAGE_BACKEND = "lang_{code}"


def backend_for_language(code):
    """The search backend of a language, or the default one if it has none."""
    name = LANGUAGE_BACKEND.format(code=code)
    return get_search_backend(name if name in settings.WAGTAILSEARCH_BACKENDS else "default")


def backend_for_all_languages():
    """The search backend that searches every language's pages at once.

    The database backends share one index table: the default backend's
    search reads every row, whichever backend wrote it. Elasticsearch backends
    each write their own indexes, and the default backend's hold no page of a
    language with a backend of its own: such a backend gives the one that
    searches every backend's indexes in one request
    (``search.backends.elasticsearch.EveryIndexSearchBackend``).
    """
    backend = get_search_backend("default")
    every_language_backend = getattr(backend, "every_language_backend", None)
    return every_language_backend() if every_language_backend else backend


class LanguageFilter:
    """Decides which objects a backend indexes, from its LANGUAGES / EXCLUDE_LANGUAGES."""

    def __init__(self, params):
        self.languages = set(params.get("LANGUAGES") or ())
        self.excluded = set(params.get("EXCLUDE_LANGUAGES") or ())

    def select(self, objs):
        """The objects of ``objs`` this backend indexes (one query for their locales)."""
        objs = list(objs)
        if not objs:
            return objs
        codes = None
        selected = []
        for obj in objs:
            if isinstance(obj, TranslatableMixin) and obj.locale_id:
                if codes is None:
                    codes = dict(Locale.objects.values_list("pk", "language_code"))
                code = codes.get(obj.locale_id)
            else:
                code = None
            if self.accepts(code):
                selected.append(obj)
        return selected

    def accepts_object(self, obj):
        """Whether this backend indexes ``obj``.

        Reads the object's own locale: auto-update hands the same instance to
        every backend in turn, so its locale is read once for all of them.
        """
        if isinstance(obj, TranslatableMixin) and obj.locale_id:
            return self.accepts(obj.locale.language_code)
        return self.accepts(None)

    def accepts(self, code):
        if self.languages:
            return code in self.languages
        return code is None or code not in self.excluded


_filtered_index_classes = {}


def with_language_filter(backend, params):
    """Make ``backend`` index only the objects its parameters give it.

    The filter sits on every path a write can take, for every backend class
    the settings select: the backend's ``add`` (auto-update on publish,
    unpublish, move) and ``add_bulk``, and its index's ``add_item`` and
    ``add_items`` (``update_index`` writes through the index it rebuilds).
    The backends do not all route one through the other: the database index's
    ``add_item`` calls ``add_items``, but Elasticsearch's ``add_item`` sends
    the document itself, which put every published page into every
    language's index.

    Deletion is not filtered: deleting an object a backend does not hold is
    harmless (the database backends share one row per object, and
    modelsearch ignores Elasticsearch's 404 on a missing document), and a
    deleted object leaves no copy behind in an index an earlier version
    wrongly wrote it to.
    """
    language_filter = LanguageFilter(params)
    base = backend.index_class
    key = (base, frozenset(language_filter.languages), frozenset(language_filter.excluded))
    if key not in _filtered_index_classes:

        class LanguageFilteredIndex(base):
            def add_item(self, item):
                if language_filter.accepts_object(item):
                    super().add_item(item)

            def add_items(self, model, objs):
                objs = language_filter.select(objs)
                if objs:
                    super().add_items(model, objs)

        LanguageFilteredIndex.__name__ = f"LanguageFiltered{base.__name__}"
        _filtered_index_classes[key] = LanguageFilteredIndex
    backend.index_class = _filtered_index_classes[key]
    backend.language_filter = language_filter

    add, add_bulk = backend.add, backend.add_bulk

    def filtered_add(obj):
        if language_filter.accepts_object(obj):
            add(obj)

    def filtered_add_bulk(model, obj_list):
        obj_list = language_filter.select(obj_list)
        if obj_list:
            add_bulk(model, obj_list)

    backend.add, backend.add_bulk = filtered_add, filtered_add_bulk
    return backend


# Characters no search needs: control characters (NUL among them, which
# PostgreSQL cannot compare and SQLite reads as the end of the string) and
# unpaired surrogates; and the double quote, which modelsearch's SQLite backend
# writes unescaped inside FTS5's own quotes ('l"abbaye' was a syntax error).
_UNSEARCHABLE_CATEGORIES = {"Cc", "Cs"}
_SEARCHED_AS_SPACE = {'"'}
WORD = re.compile(r"\w", re.UNICODE)


def searchable_text(text):
    """``text`` without the characters that no backend can search for."""
    return "".join(
        " "
        if char in _SEARCHED_AS_SPACE or unicodedata.category(char) in _UNSEARCHABLE_CATEGORIES
        else char
        for char in text
    )


def searchable_query(query):
    """A query string or query object whose texts hold only searchable characters."""
    if isinstance(query, str):
        return searchable_text(query)
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        query.query_string = searchable_text(query.query_string)
    return query


_safe_compiler_classes = {}


def _safe_compiler_class(base):
    if base not in _safe_compiler_classes:

        class SafeQueryCompiler(base):
            def __init__(self, queryset, query, *args, **kwargs):
                super().__init__(queryset, searchable_query(query), *args, **kwargs)

        SafeQueryCompiler.__name__ = f"Safe{base.__name__}"
        _safe_compiler_classes[base] = SafeQueryCompiler
    return _safe_compiler_classes[base]


def has_words(query):
    """False for a query whose text holds no letter or digit: there is nothing to look for."""
    text = query if isinstance(query, str) else getattr(query, "query_string", None)
    return text is None or WORD.search(text) is not None


def with_searchable_queries(backend):
    """Make every query through ``backend`` safe to send, whoever builds it.

    The query compilers are where every path meets: the site search and its
    suggestions, the ranked SQLite look-up, the API's ``?search=`` and the
    admin's searches all build one. A query left without any word (``"``, or
    only punctuation) finds nothing: modelsearch's own guard catches only the
    empty string, and its SQLite compiler fails on the others.
    """
    search = backend._search

    def _search(query_compiler_class, query, model_or_queryset, **kwargs):
        query = searchable_query(query)
        if not has_words(query):
            return EmptySearchResults()
        return search(query_compiler_class, query, model_or_queryset, **kwargs)

    backend._search = _search
    backend.query_compiler_class = _safe_compiler_class(backend.query_compiler_class)
    if backend.autocomplete_query_compiler_class is not None:
        backend.autocomplete_query_compiler_class = _safe_compiler_class(
            backend.autocomplete_query_compiler_class
        )
    return backend
