"""Every page type renders for visitors, with its own fields visible."""

import re

import pytest

from enquiries.tests.factories import build_enquiry_form

H1 = re.compile(r"<h1[\s>]")


def get_page(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    assert len(H1.findall(html)) == 1, f"{page.url} must have exactly one <h1>"
    assert '<html lang="fr"' in html
    assert 'href="#main"' in html, "skip link"
    assert '<main id="main"' in html
    return html


@pytest.mark.django_db
class TestEveryPageTypeRenders:
    def test_home(self, client, site_tree):
        html = get_page(client, site_tree.home)
        assert site_tree.home.hero_title in html
        # Filled from live content: the open call and the latest news item.
        assert site_tree.call.title in html
        assert site_tree.news.title in html
        assert site_tree.centre.title in html

    def test_standard_page(self, client, site_tree):
        html = get_page(client, site_tree.standard)
        assert "Le contenu de la page." in html
        assert "aria-label" in html and site_tree.home.title in html  # breadcrumb

    def test_network_index_lists_centres(self, client, site_tree):
        html = get_page(client, site_tree.network)
        assert site_tree.centre.title in html

    def test_centre_page(self, client, site_tree):
        html = get_page(client, site_tree.centre)
        centre = site_tree.centre
        for text in (centre.heritage_site, centre.town, centre.region, "Musique"):
            assert text in html
        assert site_tree.call.title in html  # calls it hosts

    def test_label_page(self, client, site_tree):
        html = get_page(client, site_tree.label)
        assert "Un site patrimonial, un projet culturel." in html

    def test_programme_index_lists_programmes_and_calls(self, client, site_tree):
        html = get_page(client, site_tree.programmes)
        assert site_tree.programme.title in html
        assert site_tree.call.title in html

    def test_programme_page(self, client, site_tree):
        html = get_page(client, site_tree.programme)
        assert "Accueillir des résidents." in html
        assert site_tree.call.title in html

    def test_call_page(self, client, site_tree):
        html = get_page(client, site_tree.call)
        for text in ("Vivre hors de France.", "Un CV et un projet.", "Par le formulaire en ligne."):
            assert text in html
        assert site_tree.centre.title in html
        assert 'datetime="' in html

    def test_calls_page_lists_every_call(self, client, site_tree):
        html = get_page(client, site_tree.call_index)
        assert site_tree.call.title in html

    def test_enquiry_form_and_its_landing_page(self, client, site_tree):
        page = build_enquiry_form(site_tree.label)
        html = get_page(client, page)
        assert "Présentez votre site et votre projet." in html
        assert 'name="nom_complet"' in html

    def test_news_index_and_item(self, client, site_tree):
        html = get_page(client, site_tree.news_index)
        assert site_tree.news.title in html
        html = get_page(client, site_tree.news)
        assert "Le texte de l’actualité." in html
        assert "Vie du réseau" in html

    def test_advocacy_index_and_position(self, client, site_tree):
        html = get_page(client, site_tree.advocacy_index)
        assert site_tree.position.title in html
        html = get_page(client, site_tree.position)
        assert "Notre position." in html
