"""What the portal's Elasticsearch backends send, read on the wire.

The real ``elasticsearch`` client, through modelsearch and the portal's
backends (``search_backends(..., elasticsearch_url=...)``, auto-update on),
talks to a recording stand-in of the Elasticsearch 8 API
(``search/tests/elasticsearch_server.py``): each language's writes must reach
its own indexes only, and a search of every language must reach all of them.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home.tests.factories import StandardPageFactory
from news.models import NewsPage
from news.tests.factories import NewsPageFactory
from search.backend_settings import elasticsearch_index_settings, search_backends
from search.backends import backend_for_all_languages
from search.backends.elasticsearch import EveryIndexSearchBackend
from search.services import SiteSearch
from search.tests.elasticsearch_server import ElasticsearchRecorder

pytestmark = pytest.mark.django_db
LANGUAGES = ["fr", "en", "es", "ar"]
PAGES = "wagtailcore_page"
PAGE_INDEXES = {code: f"ccr_{code}_{PAGES}" for code in [*LANGUAGES, "default"]}


@pytest.fixture
def es(multilingual_tree):
    """The recorder, with every backend on it, after a first ``update_index``.

    The tree is built before, on the database backends: ``update_index``
    creates the indexes and writes what each backend holds, as on a new server.
    """
    with (
        ElasticsearchRecorder() as recorder,
        override_settings(
            WAGTAILSEARCH_BACKENDS=search_backends(LANGUAGES, elasticsearch_url=recorder.url)
        ),
    ):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        recorder.tree = multilingual_tree
        yield recorder


def language_of_page(page_id):
    return Page.objects.get(pk=page_id).locale.language_code


def page_ids(es, code):
    return {int(doc_id) for doc_id in es.docs(PAGE_INDEXES[code])}


def home_in(tree, code):
    return {"fr": tree.home, "en": tree.en_home, "es": tree.es_home, "ar": tree.ar_home}[code]


def snapshot_of_other_indexes(es, code):
    return {name: dict(es.docs(name)) for name in es.indices if not name.startswith(f"ccr_{code}_")}


# --- Index creation and update_index --------------------------------------------------


def test_update_index_creates_every_index_with_its_languages_analyzer(es):
    created = {
        r.target[0]: r.body for r in es.requests if r.action == "index" and r.method == "PUT"
    }
    for code in [*LANGUAGES, "default"]:
        # The atomic rebuild creates a new index and points the index's name at it.
        (name,) = [name for name in created if name.startswith(f"{PAGE_INDEXES[code]}_")]
        assert es.aliases[PAGE_INDEXES[code]] == name
        expected = elasticsearch_index_settings(None if code == "default" else code)["settings"]
        analysis = created[name]["settings"]["analysis"]
        assert analysis["analyzer"]["default"] == expected["analysis"]["analyzer"]["default"]
        assert expected["analysis"]["filter"].items() <= analysis["filter"].items()
        assert es.indices[name].mappings, "no mapping was put"
    assert not [name for name, index in es.indices.items() if index.created_by_a_write]


def test_update_index_writes_each_languages_pages_to_its_own_index(es):
    for code in LANGUAGES:
        in_language = set(
            Page.objects.filter(locale__language_code=code).values_list("pk", flat=True)
        )
        assert in_language, code
        assert page_ids(es, code) == in_language
    assert page_ids(es, "default") == set()
    # A centre's country is sent as its code (a ``Country`` failed the whole document).
    centre = es.docs(PAGE_INDEXES["fr"])[str(es.tree.centre.pk)]
    assert centre["network_centrepage__country_filter"] == "FR"


def test_add_bulk_splits_a_mixed_batch_by_language(es):
    es.forget()
    news = list(NewsPage.objects.all())
    assert {page.locale.language_code for page in news} == {"fr", "en", "ar"}
    for name in ["default", *(f"lang_{code}" for code in LANGUAGES)]:
        get_search_backend(name).add_bulk(NewsPage, news)
    bulks = [r for r in es.requests if r.action == "_bulk"]
    assert {r.target[0] for r in bulks} == {PAGE_INDEXES[code] for code in ("fr", "en", "ar")}
    for index, doc_id in es.writes():
        assert index == PAGE_INDEXES[language_of_page(doc_id)]


# --- Auto-update: publish, unpublish, move, delete -------------------------------------


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_publishing_a_page_writes_to_its_languages_index_only(es, code):
    tree = es.tree
    parent = tree.news_index.get_translation(Locale.objects.get(language_code=code))
    es.forget()
    page = NewsPageFactory(parent=parent, title="Festival d’automne", live=False)
    page.save_revision().publish()
    assert es.writes(), "nothing was written"
    assert {index for index, _id in es.writes()} == {PAGE_INDEXES[code]}
    assert es.docs(PAGE_INDEXES[code])[str(page.pk)]["live_filter"] is True
    for other in [*LANGUAGES, "default"]:
        if other != code:
            assert page.pk not in page_ids(es, other)


@pytest.mark.parametrize("code", LANGUAGES)
def test_unpublishing_moving_and_deleting_stay_in_the_languages_index(es, code):
    home = home_in(es.tree, code)
    page = StandardPageFactory(parent=home, title="Résidences", slug="residences")
    page.save_revision().publish()
    page = page.specific_class.objects.get(pk=page.pk)
    target = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
    index, doc_id = PAGE_INDEXES[code], str(page.pk)
    others = snapshot_of_other_indexes(es, code)

    es.forget()
    page.unpublish()
    assert {name for name, _id in es.writes()} == {index}
    assert es.docs(index)[doc_id]["live_filter"] is False

    es.forget()
    page.move(target, pos="last-child")
    assert {name for name, _id in es.writes()} == {index}
    assert es.docs(index)[doc_id]["path_filter"].startswith(target.path)

    # Every backend is asked to delete it (a missing document is answered 404,
    # which modelsearch ignores): only the language's index held it.
    es.forget()
    Page.objects.get(pk=page.pk).delete()
    assert es.writes() == []
    deletions = [
        (name, found) for name, deleted_id, found in es.deletions() if deleted_id == doc_id
    ]
    assert {name for name, found in deletions if found} == {index}
    assert doc_id not in es.docs(index)
    assert snapshot_of_other_indexes(es, code) == others


# --- Searching ---------------------------------------------------------------------------


def test_a_language_is_searched_in_its_own_index(es):
    es.forget()
    ids = SiteSearch("annual", locale=es.tree.en_home.locale).ranked_ids
    assert ids == [es.tree.en_news.pk]
    assert {name for r in es.searches() for name in r.target} == {PAGE_INDEXES["en"]}


def test_all_languages_search_every_languages_index_at_once(es):
    es.forget()
    tree = es.tree
    ids = SiteSearch("annual الاجتماع", locale=tree.home.locale, all_languages=True).ranked_ids
    assert set(ids) == {tree.en_news.pk, tree.ar_news.pk}
    assert es.searches()
    for request in es.searches():
        assert sorted(request.target) == sorted(PAGE_INDEXES.values())


def test_all_languages_counts_and_slices_across_the_indexes(es):
    tree = es.tree
    results = backend_for_all_languages().search("annual الاجتماع", Page.objects.live())
    es.forget()
    assert results.count() == 2
    assert [page.pk for page in results[1:2]] == [tree.ar_news.pk]
    count, search = es.searches()
    assert count.action == "_count" and sorted(count.target) == sorted(PAGE_INDEXES.values())
    assert (search.body["from"], search.body["size"]) == (1, 1)


def test_the_every_index_backend_refuses_writes(es):
    backend = backend_for_all_languages()
    assert isinstance(backend, EveryIndexSearchBackend)
    with pytest.raises(TypeError):
        backend.add(es.tree.news)


def test_on_the_database_all_languages_search_the_shared_table(multilingual_tree):
    backend = backend_for_all_languages()
    assert backend.language_filter.excluded == set(LANGUAGES)  # the default backend
    ids = SiteSearch("annual", locale=multilingual_tree.home.locale, all_languages=True).ranked_ids
    assert ids == [multilingual_tree.en_news.pk]
