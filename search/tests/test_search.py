"""Search on a known corpus: results, facets, bad input, suggestions, picks, reports."""

import json

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.tests.factories import StandardPageFactory
from network.tests.factories import CentrePageFactory
from search.models import ZeroResultQuery
from search.services import clean_query, highlight

pytestmark = pytest.mark.django_db
SEARCH = "/fr/search/"


@pytest.fixture
def corpus(site_tree):
    CentrePageFactory(
        parent=site_tree.network,
        title="Neimënster",
        slug="neimenster",
        country="LU",
        town="Luxembourg",
        membership="international",
        summary="Une ancienne abbaye au cœur de Luxembourg, ouverte aux résidences.",
    )
    return site_tree


def html_of(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_town_finds_its_centre_with_type_and_highlighted_snippet(client, corpus):
    response = client.get(SEARCH, {"q": "Luxembourg"})
    results = list(response.context["search_results"])
    assert results[0].title == "Neimënster"
    html = response.content.decode()
    assert "<mark>Luxembourg</mark>" in html
    assert "Centre" in html


def test_accents_and_case_do_not_matter_for_highlighting():
    snippet = highlight("Des résidences à Noirlac.", "RESIDENCES noirlac")
    assert str(snippet) == "Des <mark>résidences</mark> à <mark>Noirlac</mark>."
    assert "<script>" not in str(highlight("<script>alert(1)</script> abbaye", "abbaye"))


def test_facets_count_and_combine_and_the_url_holds_the_state(client, corpus):
    response = client.get(SEARCH, {"q": "abbaye"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    countries = {value.value: value.count for value in facets["country"].options}
    assert countries == {"FR": 1, "LU": 1}
    response = client.get(SEARCH, {"q": "abbaye", "country": "LU"})
    assert [r.title for r in response.context["search_results"]] == ["Neimënster"]
    html = response.content.decode()
    # The selected value links to the same search without it.
    assert 'href="?q=abbaye" aria-current="true"' in html


def test_call_facets_show_status(client, corpus):
    response = client.get(SEARCH, {"q": "appel", "type": "call"})
    results = list(response.context["search_results"])
    assert [r.title for r in results] == ["Appel Odyssée"]
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [v.value for v in facets["status"].options] == ["open"]
    assert "Ouvert" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "abbaye", "country": "ZZ"},
        {"q": "abbaye", "type": "<script>"},
        {"q": "abbaye", "page": "abc"},
        {"q": "abbaye", "page": "999"},
        {"q": "abbaye", "page": "-3"},
    ],
)
def test_bad_facet_values_and_pages_are_ignored(client, corpus, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert response.context["search_results"].paginator.count == 2


def test_empty_query_helps_with_open_calls_and_the_directory(client, corpus):
    html = html_of(client, q="")
    assert corpus.call.title in html
    assert f'href="{corpus.network.url}"' in html


def test_punctuation_only_and_very_long_queries_get_a_helpful_page(client, corpus):
    assert "ne contient aucun mot" in html_of(client, q="?!…—")
    assert html_of(client, q="abbaye " * 1000)
    assert clean_query("x" * 5000) == "x" * 200


def test_no_results_suggests_open_calls_and_is_recorded(client, corpus):
    html = html_of(client, q="xylophone")
    assert "Aucune page ne correspond" in html
    assert corpus.call.title in html
    entry = ZeroResultQuery.objects.get(query_string="xylophone")
    assert entry.hits == 1 and entry.locale.language_code == "fr"
    html_of(client, q="xylophone")
    entry.refresh_from_db()
    assert entry.hits == 2
    assert Query.get("xylophone").hits == 2


def test_results_come_from_the_visitors_language_unless_all_are_asked(client, multilingual_tree):
    english = {"q": "Annual meeting"}
    assert client.get(SEARCH, english).context["search_results"].paginator.count == 0
    english["languages"] = "all"
    results = list(client.get(SEARCH, english).context["search_results"])
    assert [r.title for r in results] == ["Annual meeting"]
    assert (
        client.get("/en/search/", {"q": "Annual meeting"}).context["search_results"].paginator.count
        == 1
    )


def test_suggestions_as_json_for_the_search_box(client, corpus):
    data = json.loads(client.get(reverse("search_suggest"), {"q": "Neim"}).content)
    assert data["suggestions"][0]["title"] == "Neimënster"
    assert data["suggestions"][0]["url"] == corpus.network.url + "neimenster/"
    assert (
        json.loads(client.get(reverse("search_suggest"), {"q": "N"}).content)["suggestions"] == []
    )
    assert (
        json.loads(client.get(reverse("search_suggest"), {"q": "!!"}).content)["suggestions"] == []
    )


def test_editors_picks_show_in_their_language_only(client, multilingual_tree):
    query = Query.get("rencontre")
    SearchPromotion.objects.create(query=query, page=multilingual_tree.label, sort_order=0)
    SearchPromotion.objects.create(query=query, page=multilingual_tree.en_news, sort_order=1)
    picks = client.get(SEARCH, {"q": "rencontre"}).context["promotions"]
    assert [page.pk for page in picks] == [multilingual_tree.label.pk]


def test_search_box_is_on_every_page_and_works_without_javascript(client, corpus):
    html = client.get(corpus.centre.url).content.decode()
    assert '<form class="header-search" role="search" method="get" action="/fr/search/">' in html
    assert 'data-suggest-url="/fr/search/suggest/"' in html


def test_the_team_sees_searches_without_results(client, admin_client, corpus):
    for _ in range(3):
        client.get(SEARCH, {"q": "xylophone"})
    client.get(SEARCH, {"q": "abbaye"})
    response = admin_client.get(reverse("search_zero_result_queries"))
    assert response.status_code == 200
    rows = list(response.context["rows"])
    assert [(row["query_string"], row["total"]) for row in rows] == [("xylophone", 3)]


def titles_found(client, query):
    return [page.title for page in client.get(SEARCH, {"q": query}).context["search_results"]]


def test_unpublished_deleted_and_moved_pages_leave_or_follow_the_results(client, corpus):
    assert titles_found(client, "Luxembourg") == ["Neimënster"]
    centre = corpus.network.get_children().get(slug="neimenster").specific
    centre.unpublish()
    assert titles_found(client, "Luxembourg") == []
    centre.save_revision().publish()
    assert titles_found(client, "Luxembourg") == ["Neimënster"]
    centre.delete()
    assert titles_found(client, "Luxembourg") == []

    about = StandardPageFactory(parent=corpus.home, title="À propos", slug="a-propos")
    corpus.standard.move(about, pos="last-child")
    results = list(client.get(SEARCH, {"q": "missions"}).context["search_results"])
    assert [page.url for page in results] == ["/fr/a-propos/missions/"]
