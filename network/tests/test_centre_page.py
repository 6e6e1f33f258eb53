"""A centre's page: practical information, small map, latest news, schema.org JSON-LD."""

import datetime as dt
import json
import re

import pytest

from network.tests.factories import CentrePageFactory
from news.tests.factories import NewsPageFactory
from portal.tests.translation import translate

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
MAP_DATA = re.compile(r'<script id="centre-map-data" type="application/json">(.*?)</script>', re.S)
NEWS_SECTION = re.compile(r'<section[^>]*aria-labelledby="news-heading">(.*?)</section>', re.S)
CARD_TITLES = re.compile(r'<h3 class="card__title"><a class="card__link" href="[^"]+">([^<]+)</a>')


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    blocks = JSON_LD.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def centre(site_tree):
    page = site_tree.centre
    page.contact_email = "contact@noirlac.fr"
    page.contact_phone = "+33 2 48 62 01 01"
    page.website = "https://www.abbayedenoirlac.fr"
    page.address = "Abbaye de Noirlac\n18200 Bruère-Allichamps"
    page.languages_spoken = "Français, anglais"
    page.accessibility = "<p>Le cloître est accessible de plain-pied.</p>"
    page.getting_there = "<p>Gare de Saint-Amand-Montrond, à 4 km.</p>"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class TestPracticalInformation:
    def test_every_part_is_shown(self, client, centre):
        html = get_html(client, centre)
        assert 'id="practical-heading"' in html
        for text in (
            "Français, anglais",
            "Le cloître est accessible de plain-pied.",
            "Gare de Saint-Amand-Montrond, à 4 km.",
        ):
            assert text in html
        assert html.count("<h3>", html.index('id="practical-heading"')) >= 3

    def test_empty_parts_are_omitted(self, client, centre):
        centre.languages_spoken = ""
        centre.accessibility = ""
        centre.save_revision().publish()
        html = get_html(client, centre)
        assert "Gare de Saint-Amand-Montrond" in html
        section = html[html.index('id="practical-heading"') :].split("</section>")[0]
        assert section.count("<h3>") == 1

    def test_section_is_absent_without_any_information(self, client, site_tree):
        html = get_html(client, site_tree.centre)
        assert 'id="practical-heading"' not in html


class TestContactAndMap:
    def test_contact_block(self, client, centre):
        html = get_html(client, centre)
        assert 'href="mailto:contact@noirlac.fr"' in html
        assert 'href="tel:+33248620101"' in html
        assert 'href="https://www.abbayedenoirlac.fr"' in html
        assert "Abbaye de Noirlac<br>18200 Bruère-Allichamps" in html

    def test_small_map_with_a_fallback_link(self, client, centre):
        html = get_html(client, centre)
        markers = json.loads(MAP_DATA.search(html).group(1))
        assert [(m["id"], m["latitude"], m["longitude"]) for m in markers] == [
            (centre.pk, 46.773, 2.464)
        ]
        container = re.search(r"<div class=\"centre-map[^>]*>", html).group(0)
        assert 'data-map-mode="single"' in container and " hidden" in container
        # Without JavaScript: the coordinates and a link to OpenStreetMap.
        assert "https://www.openstreetmap.org/?mlat=46.773000&amp;mlon=2.464000" in html
        assert "/static/network/directory-map.js" in html

    def test_no_map_without_coordinates(self, client, site_tree):
        centre = CentrePageFactory(
            parent=site_tree.network, slug="sans-coordonnees", latitude=None, longitude=None
        )
        html = get_html(client, centre)
        assert "data-centre-map" not in html and "openstreetmap.org" not in html
        assert "leaflet.js" not in html


class TestLatestNews:
    def test_newest_three_items_that_mention_the_centre(self, client, site_tree):
        centre = site_tree.centre
        for day in range(1, 6):
            item = NewsPageFactory(
                parent=site_tree.news_index, title=f"Brève {day}", date=dt.date(2026, 2, day)
            )
            item.related_centres.set([centre])
            item.save_revision().publish()
        other = NewsPageFactory(parent=site_tree.news_index, title="Sans rapport")
        other.related_centres.set([])
        other.save_revision().publish()
        draft = NewsPageFactory(
            parent=site_tree.news_index, title="Brouillon", date=dt.date(2026, 3, 1)
        )
        draft.related_centres.set([centre])
        draft.save_revision()  # never published
        section = NEWS_SECTION.search(get_html(client, centre)).group(1)
        assert CARD_TITLES.findall(section) == ["Brève 5", "Brève 4", "Brève 3"]

    def test_no_section_without_news(self, client, site_tree):
        assert 'id="news-heading"' not in get_html(client, site_tree.centre)

    def test_a_translated_centre_shows_news_of_its_own_language(self, client, multilingual_tree):
        tree = multilingual_tree
        translate(tree.network, "en", {"Le réseau": "The network"})
        item = NewsPageFactory(parent=tree.news_index, title="Résidence d’été")
        item.related_centres.set([tree.centre])
        item.save_revision().publish()
        # The translation keeps pointing at the French centre (synchronised field).
        translate(item, "en", {"Résidence d’été": "Summer residency"})
        en_centre = translate(tree.centre, "en")
        section = NEWS_SECTION.search(get_html(client, en_centre)).group(1)
        assert CARD_TITLES.findall(section) == ["Summer residency"]
        section = NEWS_SECTION.search(get_html(client, tree.centre)).group(1)
        assert CARD_TITLES.findall(section) == ["Résidence d’été"]


class TestStructuredData:
    def test_organization_located_at_its_heritage_place(self, client, centre):
        data = json_ld(get_html(client, centre))
        assert data["@context"] == "https://schema.org"
        organization, place = data["@graph"]
        assert organization["@type"] == "Organization"
        assert organization["name"] == "Abbaye de Noirlac"
        assert organization["url"] == centre.full_url
        assert organization["email"] == "contact@noirlac.fr"
        assert organization["telephone"] == "+33 2 48 62 01 01"
        assert organization["sameAs"] == ["https://www.abbayedenoirlac.fr"]
        assert organization["location"] == {"@id": place["@id"]}
        assert organization["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Bruère-Allichamps",
            "addressRegion": "Cher",
            "addressCountry": "FR",
            "streetAddress": "Abbaye de Noirlac, 18200 Bruère-Allichamps",
        }
        assert place["@type"] == "Place"
        assert place["name"] == centre.heritage_site
        assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 46.773, "longitude": 2.464}

    def test_optional_properties_are_left_out(self, client, site_tree):
        centre = CentrePageFactory(
            parent=site_tree.network, slug="minimal", region="", latitude=None, longitude=None
        )
        organization, place = json_ld(get_html(client, centre))["@graph"]
        for key in ("email", "telephone", "sameAs"):
            assert key not in organization
        assert "geo" not in place
        assert "addressRegion" not in organization["address"]
        assert "streetAddress" not in organization["address"]

    def test_markup_in_text_cannot_close_the_script(self, client, site_tree):
        centre = CentrePageFactory(
            parent=site_tree.network,
            slug="piege",
            title="Centre </script><script>alert(1)</script> & co",
        )
        html = get_html(client, centre)
        raw = JSON_LD.search(html).group(1)
        assert "</script>" not in raw and "<" not in raw and "&" not in raw
        assert json_ld(html)["@graph"][0]["name"] == centre.title
