"""The Elasticsearch configuration, mappings and queries, checked as data.

No Elasticsearch server runs here: these tests build the backends offline and
inspect what they would send (test_elasticsearch_wire.py reads what they do
send). ``test_against_a_real_server`` runs only when ``ELASTICSEARCH_URL``
points at an Elasticsearch 8 server.
"""

import os
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home.tests.factories import StandardPageFactory
from network.models import CentrePage
from news.tests.factories import NewsPageFactory
from search.backend_settings import search_backends
from search.backends.elasticsearch import SearchBackend
from search.services import SiteSearch

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


REAL_SERVER = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.mark.django_db
@pytest.mark.skipif(
    not REAL_SERVER,
    reason="no Elasticsearch server: set ELASTICSEARCH_URL to an Elasticsearch 8 server to run",
)
def test_against_a_real_server(multilingual_tree):
    """Publish, unpublish, move and delete in every language, then search all languages.

    The same cases as test_elasticsearch_wire.py, on a server: every backend
    in indexes of its own (a random prefix, deleted at the end).
    """
    prefix = f"ccr_test_{uuid.uuid4().hex[:8]}_"
    configs = search_backends(LANGUAGES, elasticsearch_url=REAL_SERVER, index_prefix=prefix)
    homes = {
        "fr": multilingual_tree.home,
        "en": multilingual_tree.en_home,
        "es": multilingual_tree.es_home,
        "ar": multilingual_tree.ar_home,
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=configs):
        es = get_search_backend("default").es
        try:
            call_command("update_index", stdout=StringIO(), stderr=StringIO())

            def found(query, code=None):
                for name in configs:
                    get_search_backend(name).refresh_indexes()
                locale = Locale.objects.get(language_code=code or "fr")
                return set(SiteSearch(query, locale=locale, all_languages=code is None).ranked_ids)

            def indexes_holding(page):
                return {
                    code
                    for code in [*LANGUAGES, "default"]
                    if es.exists(index=f"{prefix}{code}_wagtailcore_page", id=str(page.pk))
                }

            pages = {}
            for code, home in homes.items():
                page = StandardPageFactory(parent=home, title="Quetzalcoatl", slug="quetzalcoatl")
                page.save_revision().publish()
                pages[code] = page.specific_class.objects.get(pk=page.pk)
            for code, page in pages.items():
                assert indexes_holding(page) == {code}
                assert found("quetzalcoatl", code) == {page.pk}
            assert found("quetzalcoatl") == {page.pk for page in pages.values()}

            for code, page in pages.items():
                page.unpublish()
                assert indexes_holding(page) == {code}
                assert found("quetzalcoatl", code) == set()
                page.save_revision().publish()
                target = StandardPageFactory(parent=homes[code], title="Autre", slug="autre")
                Page.objects.get(pk=page.pk).move(target, pos="last-child")
                assert indexes_holding(page) == {code}
                source = es.get(index=f"{prefix}{code}_wagtailcore_page", id=str(page.pk))
                assert source["_source"]["path_filter"].startswith(target.path)
                assert found("quetzalcoatl", code) == {page.pk}
                Page.objects.get(pk=page.pk).delete()
                assert indexes_holding(page) == set()
                assert found("quetzalcoatl", code) == set()

            # French analysis: case, accents and plural meet the page's words.
            page = NewsPageFactory(parent=multilingual_tree.news_index, title="Une résidence")
            page.save_revision().publish()
            assert page.pk in found("Residences", "fr")
        finally:
            names = list(es.indices.get(index=f"{prefix}*"))
            if names:
                es.indices.delete(index=",".join(names))
