"""Elasticsearch 8, indexing only its share of the languages (see search.backends)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django_countries.fields import Country
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
)

from search.backends import with_language_filter, with_searchable_queries

BACKEND = "search.backends.elasticsearch"  # this module, as WAGTAILSEARCH_BACKENDS names it
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

    def every_language_backend(self):
        """The backend searching every language (``search.backends.backend_for_all_languages``)."""
        return every_index_backend(settings.WAGTAILSEARCH_BACKENDS)


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    language_params = {name: params.pop(name, None) for name in LANGUAGE_PARAMS}
    backend = with_language_filter(PortalElasticsearchBackend(params), language_params)
    return with_searchable_queries(backend)


class EveryIndexSearchBackend(PortalElasticsearchBackend):
    """Searches a model's indexes of several backends at once, and writes nothing.

    modelsearch names the index it searches, counts and facets from
    ``get_index_for_model``: here that name is the comma-separated list of
    every backend's index for the model (``ccr_fr_wagtailcore_page,
    ccr_en_wagtailcore_page,…``), which Elasticsearch searches as one, each
    index analysing the query with its own language's analyzer. Slicing,
    scrolling and counts are modelsearch's own. The name is no index to write
    to: writes raise.
    """

    def __init__(self, params, index_prefixes):
        # The parent names the indexes without a prefix; each backend's prefix is added here.
        super().__init__({**params, "INDEX_PREFIX": ""})
        self.index_prefixes = list(index_prefixes)

    def get_index_for_model(self, model):
        name = super().get_index_for_model(model).name
        return self.index_class(self, ",".join(prefix + name for prefix in self.index_prefixes))

    def _read_only(self, *args, **kwargs):
        raise TypeError("EveryIndexSearchBackend only searches: write through each backend")

    add = add_bulk = delete = _read_only


def every_index_backend(configs):
    """A backend searching the indexes of every Elasticsearch backend of ``configs``.

    ``configs`` is ``WAGTAILSEARCH_BACKENDS``: the default backend's
    parameters (its server, timeout, query settings) serve the search.
    """
    backends = [conf for conf in configs.values() if conf["BACKEND"] == BACKEND]
    if len({tuple(conf.get("URLS") or ()) for conf in backends}) > 1:
        raise ImproperlyConfigured("Searching every language needs every backend on one server.")
    params = {
        key: value
        for key, value in configs["default"].items()
        if key not in ("BACKEND", "INDEX_PREFIX", *LANGUAGE_PARAMS)
    }
    backend = EveryIndexSearchBackend(params, [conf["INDEX_PREFIX"] for conf in backends])
    return with_searchable_queries(backend)
