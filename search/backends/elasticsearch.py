"""Elasticsearch 8, indexing only its share of the languages (see search.backends)."""

from django_countries.fields import Country
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
)

from search.backends import with_language_filter, with_searchable_queries

LANGUAGE_PARAMS = ("LANGUAGES", "EXCLUDE_LANGUAGES")


class PortalMapping(Elasticsearch8Mapping):
    def _clean_value(self, value):
        # A centre's country (``FilterField("country")``) is a django-countries
        # ``Country``, which the client cannot serialise: the whole document
        # failed, so update_index stopped at the first centre and auto-update
        # logged the error and left the centre out of the index.
        if isinstance(value, Country):
            return value.code
        return super()._clean_value(value)


class PortalElasticsearchBackend(Elasticsearch8SearchBackend):
    mapping_class = PortalMapping


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    language_params = {name: params.pop(name, None) for name in LANGUAGE_PARAMS}
    backend = with_language_filter(PortalElasticsearchBackend(params), language_params)
    return with_searchable_queries(backend)
