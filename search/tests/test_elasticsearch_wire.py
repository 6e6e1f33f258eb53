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
from wagtail.models import Page

from search.backend_settings import elasticsearch_index_settings, search_backends
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
