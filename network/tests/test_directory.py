"""The directory of centres: faceted filters with counts, a map that matches the list."""

import json
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from network.models import NetworkIndexPage
from network.tests.factories import CentrePageFactory
from portal.tests.factories import ThemeFactory
from portal.tests.translation import translate

MAP_DATA = re.compile(
    r'<script id="directory-map-data" type="application/json">(.*?)</script>', re.S
)
CARD_TITLES = re.compile(r'<h3 class="card__title"><a class="card__link" href="[^"]+">([^<]+)</a>')
SCRIPT_TAGS = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def publish_with_themes(centre, themes):
    centre.themes.set(themes)
    centre.save_revision().publish()
    return centre


@pytest.fixture
def directory(site_tree):
    """Noirlac (France, Cher, label, music) and four more centres, one unpublished.

    | centre      | country | region   | membership    | disciplines   | coordinates |
    | Noirlac     | FR      | Cher     | label         | musique       | yes         |
    | Royaumont   | FR      | Val-d'Oise | label       | danse         | yes         |
    | Neimënster  | LU      |          | international | musique       | yes         |
    | Seeon       | DE      | Bavière  | international | musique, danse| no          |
    | Brouillon   | FR      | Cher     | label         | danse         | unpublished |
    """
    tree = site_tree
    tree.dance = ThemeFactory(name="Danse", slug="danse")
    tree.royaumont = publish_with_themes(
        CentrePageFactory(
            parent=tree.network,
            title="Abbaye de Royaumont",
            slug="royaumont",
            town="Asnières-sur-Oise",
            region="Val-d'Oise",
            latitude="49.1420",
            longitude="2.3810",
        ),
        [tree.dance],
    )
    tree.neimenster = publish_with_themes(
        CentrePageFactory(
            parent=tree.network,
            title="Neimënster",
            slug="neimenster",
            town="Luxembourg",
            region="",
            country="LU",
            membership="international",
            latitude="49.6100",
            longitude="6.1370",
        ),
        [tree.theme],
    )
    tree.seeon = publish_with_themes(
        CentrePageFactory(
            parent=tree.network,
            title="Kloster Seeon",
            slug="seeon",
            town="Seeon",
            region="Bavière",
            country="DE",
            membership="international",
            latitude=None,
            longitude=None,
        ),
        [tree.theme, tree.dance],
    )
    draft = CentrePageFactory(
        parent=tree.network, title="Centre en brouillon", slug="brouillon", live=False
    )
    draft.themes.set([tree.dance])
    draft.save()
    return tree


def get_filters(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.context["filters"]


def counts(filters, name):
    """``{value: count}`` of a facet's options, plus its "all" option under ``""``."""
    facet = filters.facet(name)
    return {"": facet.total} | {option.value: option.count for option in facet.options}


def listed_titles(html):
    return [unescape(title) for title in CARD_TITLES.findall(html)]


def map_markers(html):
    match = MAP_DATA.search(html)
    return json.loads(match.group(1)) if match else []


class TestFacetCounts:
    def test_without_filters_every_facet_counts_the_live_centres(self, client, directory):
        filters = get_filters(client, directory.network)
        assert not filters.is_active
        assert counts(filters, "country") == {"": 4, "DE": 1, "FR": 2, "LU": 1}
        assert counts(filters, "region") == {"": 4, "Bavière": 1, "Cher": 1, "Val-d'Oise": 1}
        assert counts(filters, "discipline") == {"": 4, "danse": 2, "musique": 3}
        assert counts(filters, "membership") == {"": 4, "label": 2, "international": 2}

    def test_each_facet_is_counted_over_the_other_filters(self, client, directory):
        filters = get_filters(client, directory.network, country="FR")
        # Its own facet ignores the country filter: the visitor sees what another country gives.
        assert counts(filters, "country") == {"": 4, "DE": 1, "FR": 2, "LU": 1}
        assert counts(filters, "discipline") == {"": 2, "danse": 1, "musique": 1}
        assert counts(filters, "membership") == {"": 2, "label": 2, "international": 0}

        filters = get_filters(
            client, directory.network, discipline="musique", membership="international"
        )
        assert counts(filters, "country") == {"": 2, "DE": 1, "FR": 0, "LU": 1}
        assert counts(filters, "discipline") == {"": 2, "danse": 1, "musique": 2}
        assert counts(filters, "membership") == {"": 3, "label": 1, "international": 2}
        assert [facet.name for facet in filters.active_facets] == ["discipline", "membership"]

    def test_the_list_shows_exactly_the_centres_counted(self, client, directory):
        html = client.get(directory.network.url, {"discipline": "danse"}).content.decode()
        assert sorted(listed_titles(html)) == ["Abbaye de Royaumont", "Kloster Seeon"]
        html = client.get(
            directory.network.url, {"region": "Cher", "discipline": "musique"}
        ).content.decode()
        assert listed_titles(html) == ["Abbaye de Noirlac"]

    def test_options_show_their_counts_and_the_selection(self, client, directory):
        html = client.get(directory.network.url, {"country": "fr"}).content.decode()
        assert '<option value="FR" selected>France (2)</option>' in html
        assert '<option value="LU">Luxembourg (1)</option>' in html
        assert (
            '<option value="label">' in html and '<option value="danse">Danse (1)</option>' in html
        )
        assert '<label for="filter-discipline">' in html and 'name="discipline"' in html
        assert re.search(r'<h2 class="results__heading" id="results-heading">2 ', html)
        assert "filters__reset" in html  # "clear filters" link

    @pytest.mark.parametrize(
        "params",
        [
            {"country": "ZZ"},
            {"region": "Nulle part"},
            {"discipline": "<script>"},
            {"membership": "honoraire"},
            {"page": "abc"},
        ],
    )
    def test_unknown_values_are_ignored(self, client, directory, params):
        response = client.get(directory.network.url, params)
        assert response.status_code == 200
        filters = response.context["filters"]
        assert not filters.is_active
        assert len(listed_titles(response.content.decode())) == 4
        assert "filters__reset" not in response.content.decode()

    def test_disciplines_are_named_in_the_visitors_language(self, client, multilingual_tree):
        tree = multilingual_tree
        translate(tree.theme, "en", {"Musique": "Music"})
        en_network = translate(tree.network, "en", {"Le réseau": "The network"})
        translate(tree.centre, "en")
        filters = get_filters(client, en_network)
        discipline = filters.facet("discipline")
        assert [(o.value, o.label, o.count) for o in discipline.options] == [
            ("musique", "Music", 1)
        ]
        html = client.get(en_network.url, {"discipline": "musique"}).content.decode()
        assert '<option value="musique" selected>Music (1)</option>' in html


class TestPagination:
    def test_pagination_links_keep_the_filters(self, client, directory, monkeypatch):
        monkeypatch.setattr(NetworkIndexPage, "page_size", 1)
        html = client.get(directory.network.url, {"membership": "international"}).content.decode()
        assert listed_titles(html) == ["Kloster Seeon"]
        assert 'href="?membership=international&amp;page=2#results"' in html
        second = client.get(
            directory.network.url, {"membership": "international", "page": 2}
        ).content.decode()
        assert listed_titles(second) == ["Neimënster"]


class TestMap:
    def test_map_data_matches_the_filtered_list_across_pages(self, client, directory, monkeypatch):
        monkeypatch.setattr(NetworkIndexPage, "page_size", 1)
        params = {"discipline": "musique"}
        first = client.get(directory.network.url, params).content.decode()
        listed = []
        for number in (1, 2, 3):
            page = client.get(directory.network.url, params | {"page": number}).content.decode()
            listed += listed_titles(page)
        assert sorted(listed) == ["Abbaye de Noirlac", "Kloster Seeon", "Neimënster"]

        markers = map_markers(first)
        # Every listed centre that has coordinates, on every page of the list, and no other.
        assert [marker["title"] for marker in markers] == ["Abbaye de Noirlac", "Neimënster"]
        noirlac = markers[0]
        assert noirlac["id"] == directory.centre.pk
        assert noirlac["url"] == directory.centre.url
        assert noirlac["town"] == "Bruère-Allichamps"
        assert noirlac["country"] == "France"
        assert noirlac["membership"] == "label"
        assert noirlac["summary"] == directory.centre.summary
        assert (noirlac["latitude"], noirlac["longitude"]) == (46.773, 2.464)

    def test_map_data_method_matches_the_context_list(self, rf, directory):
        network = directory.network
        centres = network.get_centres().filter(membership="label")
        request = rf.get(network.url)
        ids = [marker["id"] for marker in network.map_data(centres, request)]
        expected = [c.pk for c in centres if c.latitude is not None and c.longitude is not None]
        assert ids == expected == [directory.centre.pk, directory.royaumont.pk]

    def test_map_is_an_enhancement_hidden_until_drawn(self, client, directory):
        html = client.get(directory.network.url).content.decode()
        container = re.search(r"<div class=\"centre-map[^>]*>", html).group(0)
        assert "hidden" in container and 'data-map-source="directory-map-data"' in container
        assert 'href="#results"' in html  # skip the map
        assert 'aria-label="' in html.split("data-map-canvas")[1][:80]
        # The map comes before the list, and the list is always rendered.
        assert html.index("data-centre-map") < html.index('id="results"')
        assert "/static/leaflet/leaflet.js" in html and "/static/leaflet/leaflet.css" in html
        assert "/static/leaflet/images/marker-icon.png" in html

    def test_no_inline_code(self, client, directory):
        html = client.get(directory.network.url).content.decode()
        for attributes, _body in SCRIPT_TAGS.findall(html):
            assert "src=" in attributes or 'type="application/json"' in attributes, attributes
        assert not re.search(r"\son[a-z]+=", html)

    def test_no_map_when_no_centre_has_coordinates(self, client, directory):
        html = client.get(directory.network.url, {"country": "DE"}).content.decode()
        assert listed_titles(html) == ["Kloster Seeon"]
        assert "data-centre-map" not in html and "leaflet.js" not in html

    @override_settings(MAP_TILES_URL="https://tiles.example.org/{z}/{x}/{y}.png")
    def test_tile_server_is_a_setting(self, client, directory):
        html = client.get(directory.network.url).content.decode()
        assert 'data-tiles-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html

    @override_settings(MAP_TILES_URL="")
    def test_without_a_tile_server_markers_are_still_drawn(self, client, directory):
        html = client.get(directory.network.url).content.decode()
        assert 'data-tiles-url=""' in html
        assert len(map_markers(html)) == 3


class TestQueries:
    def count_queries(self, client, page):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200
        return len(queries)

    def test_the_directory_costs_no_query_per_centre(self, client, directory):
        client.get(directory.network.url)  # warm the site and locale caches
        few = self.count_queries(client, directory.network)
        for number in range(6):
            publish_with_themes(
                CentrePageFactory(
                    parent=directory.network, title=f"Centre supplémentaire {number}"
                ),
                [directory.theme, directory.dance],
            )
        many = self.count_queries(client, directory.network)
        assert many == few
