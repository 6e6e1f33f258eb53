"""Elasticsearch 8, indexing only its share of the languages (see search.backends)."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from search.backends import with_language_filter, with_searchable_queries


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    language_params = {
        "LANGUAGES": params.pop("LANGUAGES", None),
        "EXCLUDE_LANGUAGES": params.pop("EXCLUDE_LANGUAGES", None),
    }
    backend = with_language_filter(Elasticsearch8SearchBackend(params), language_params)
    return with_searchable_queries(backend)
