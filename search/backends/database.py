"""Wagtail's database search backend, indexing only its share of the languages."""

from modelsearch.backends.database import SearchBackend as database_backend

from search.backends import with_language_filter, with_searchable_queries


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    return with_searchable_queries(with_language_filter(database_backend(params), params))
