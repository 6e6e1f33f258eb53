"""A standard page with sub-pages leads to them, and each of them to the others."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def section_links(client, page):
    """The section navigation as a visitor reads it: (text, is current) per link."""
    response = client.get(page.url)
    assert response.status_code == 200
    nav = BeautifulSoup(response.content, "html.parser").select_one("main nav.section-nav")
    if nav is None:
        return None
    assert nav.get_text(" ", strip=True).startswith("Dans cette rubrique")
    return [(a.get_text(strip=True), a.get("aria-current") == "page") for a in nav.select("a")]


@pytest.fixture
def association(site_tree):
    missions = site_tree.standard
    governance = StandardPageFactory(parent=missions, title="Gouvernance", slug="gouvernance")
    team = StandardPageFactory(parent=missions, title="Équipe", slug="equipe")
    return missions, governance, team


def test_the_section_page_lists_its_sub_pages(client, association):
    missions, _governance, _team = association
    assert section_links(client, missions) == [
        ("Les missions", True),
        ("Gouvernance", False),
        ("Équipe", False),
    ]


def test_each_sub_page_leads_to_the_section_and_the_others(client, association):
    missions, governance, team = association
    assert section_links(client, team) == [
        ("Les missions", False),
        ("Gouvernance", False),
        ("Équipe", True),
    ]
    deeper = StandardPageFactory(parent=governance, title="Statuts", slug="statuts")
    links = section_links(client, deeper)
    assert [text for text, _current in links] == ["Les missions", "Gouvernance", "Équipe"]


def test_drafts_and_private_pages_are_not_listed(client, association):
    missions, governance, team = association
    team.unpublish()
    PageViewRestriction.objects.create(page=governance, restriction_type="login")
    # Nothing left to lead to: no section navigation at all.
    assert section_links(client, missions) is None


def test_a_page_alone_has_no_section_navigation(client, site_tree):
    assert section_links(client, site_tree.standard) is None
