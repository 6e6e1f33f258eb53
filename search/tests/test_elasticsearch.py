"""The Elasticsearch configuration, mappings and queries, checked as data.

No Elasticsearch server runs here: these tests build the backends offline and
inspect what they would send. ``test_against_a_real_server`` runs only when
``ELASTICSEARCH_URL`` points at an Elasticsearch 8 server.
"""

import os
import uuid

import pytest
from wagtail.models import Page

from network.models import CentrePage
from news.tests.factories import NewsPageFactory
from search.backend_settings import search_backends
from search.backends.elasticsearch import SearchBackend

LANGUAGES = ["fr", "en", "es", "ar"]
URL = "http://127.0.0.1:9200"


def backend(name, prefix="ccr_", url=URL):
    params = dict(search_backends(LANGUAGES, elasticsearch_url=url, index_prefix=prefix)[name])
    params.pop("BACKEND")
    return SearchBackend(params)


def default_analyzer(search_backend):
    return search_backend.settings["settings"]["analysis"]["analyzer"]["default"]


def test_every_language_gets_its_indexes_and_analyzer():
    config = search_backends(LANGUAGES, elasticsearch_url=URL)
    assert set(config) == {"default", "lang_fr", "lang_en", "lang_es", "lang_ar"}
    prefixes = {name: params["INDEX_PREFIX"] for name, params in config.items()}
    assert len(set(prefixes.values())) == 5
    assert config["default"]["EXCLUDE_LANGUAGES"] == LANGUAGES
    assert config["lang_ar"]["LANGUAGES"] == ["ar"]
    assert all(params["BACKEND"] == "search.backends.elasticsearch" for params in config.values())


def test_french_folds_accents_then_stems_lightly():
    filters = default_analyzer(backend("lang_fr"))["filter"]
    assert filters.index("asciifolding") < filters.index("french_stemmer")
    assert filters.index("french_stop") < filters.index("asciifolding")
    definitions = backend("lang_fr").settings["settings"]["analysis"]["filter"]
    assert definitions["french_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert "l" in definitions["french_elision"]["articles"]


@pytest.mark.parametrize(
    ("name", "stemmer"),
    [("lang_en", "english_stemmer"), ("lang_es", "spanish_stemmer"), ("lang_ar", "arabic_stemmer")],
)
def test_other_languages_have_their_own_stemmer(name, stemmer):
    assert stemmer in default_analyzer(backend(name))["filter"]


def test_arabic_text_is_normalised():
    assert "arabic_normalization" in default_analyzer(backend("lang_ar"))["filter"]


def test_the_default_backend_has_no_language():
    assert default_analyzer(backend("default"))["filter"] == ["lowercase", "asciifolding"]


def test_index_names_carry_the_language():
    assert backend("lang_fr").get_index_for_model(CentrePage).name == "ccr_fr_wagtailcore_page"
    assert backend("lang_ar").get_index_for_model(CentrePage).name == "ccr_ar_wagtailcore_page"


def test_centre_mapping_has_the_searchable_and_filterable_fields():
    search_backend = backend("lang_fr")
    properties = search_backend.mapping_class(CentrePage).get_mapping()["properties"]
    town = properties["network_centrepage__town"]
    assert town["type"] == "text" and "_all_text_boost_2_0" in town["copy_to"]  # boost 2
    assert properties["network_centrepage__country_filter"]["type"] == "keyword"
    assert properties["network_centrepage__heritage_site_edgengrams"]["analyzer"] == (
        "edgengram_analyzer"
    )
    assert properties["title"]["type"] == "text"  # analysed by the index's default analyzer
    assert "analyzer" not in properties["title"]


@pytest.mark.django_db
def test_a_query_is_built_for_the_languages_own_indexes(site_tree):
    search_backend = backend("lang_fr")
    pages = Page.objects.live().filter(locale=site_tree.home.locale)
    results = search_backend.search("résidences", pages, operator="and")
    query = results.query_compiler.get_query()
    text = str(query)
    assert "résidences" in text
    assert "'operator': 'and'" in text
    assert "locale_id_filter" in text
    assert results.backend.index_prefix == "ccr_fr_"


@pytest.mark.django_db
@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="no Elasticsearch server: set ELASTICSEARCH_URL to an Elasticsearch 8 server to run",
)
def test_against_a_real_server(site_tree):
    prefix = f"ccr_test_{uuid.uuid4().hex[:8]}_"
    french = backend("lang_fr", prefix=prefix, url=os.environ["ELASTICSEARCH_URL"])
    page = NewsPageFactory(parent=site_tree.news_index, title="Une résidence au printemps")
    index = french.get_index_for_model(Page)
    try:
        index.reset()
        index.add_model(type(page))
        french.add(page)
        index.refresh()
        found = french.search("residences", Page.objects.live())
        assert page.pk in [hit.pk for hit in found]
        french.delete(page)
        index.refresh()
        assert page.pk not in [hit.pk for hit in french.search("residences", Page.objects.live())]
    finally:
        index.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)
