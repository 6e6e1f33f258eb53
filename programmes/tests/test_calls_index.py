"""The calls page: order around deadlines, filters counted like facets, the archive."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.tests.factories import CentrePageFactory
from portal.tests.factories import ThemeFactory
from programmes.eligibility import Residence
from programmes.models import CallIndexPage
from programmes.tests.factories import (
    CallPageFactory,
    ProgrammePageFactory,
    calls_index_under,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(site_tree):
    """Calls in two programmes, around now; the site tree's own call closes in 20 days."""
    now = timezone.now()
    tree = site_tree
    tree.calls_index = calls_index_under(tree.home)
    tree.nora = ProgrammePageFactory(parent=tree.programmes, title="NORA", slug="nora")
    theatre = ThemeFactory(name="Théâtre", slug="theatre")
    italy = CentrePageFactory(parent=tree.network, title="Certosa", slug="certosa", country="IT")

    tree.closing_soon = CallPageFactory(
        parent=tree.nora,
        title="Appel bientôt clos",
        opens_at=now - dt.timedelta(days=5),
        closes_at=now + dt.timedelta(days=2),
        residence_rule=Residence.IN_FRANCE,
        refugee_status_required=True,
    )
    tree.closing_soon.themes.set([theatre])
    tree.closing_soon.host_centres.set([italy])
    tree.closing_soon.save_revision().publish()
    tree.upcoming = CallPageFactory(
        parent=tree.nora,
        title="Appel à venir",
        opens_at=now + dt.timedelta(days=30),
        closes_at=now + dt.timedelta(days=60),
    )
    tree.closed_recently = CallPageFactory(
        parent=tree.programme,
        title="Appel clos récemment",
        opens_at=now - dt.timedelta(days=60),
        closes_at=now - dt.timedelta(days=3),
    )
    tree.closed_long_ago = CallPageFactory(
        parent=tree.programme,
        title="Appel clos il y a longtemps",
        opens_at=now - dt.timedelta(days=400),
        closes_at=now - dt.timedelta(days=300),
    )
    tree.call.themes.set([tree.theme])
    tree.call.save_revision().publish()
    return tree


def get(client, page, params=None):
    response = client.get(page.url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def positions(html, *titles):
    return [html.index(title) for title in titles]


def option_label(html, name, value):
    """The visible text of ``<option value=value>`` in the ``name`` select."""
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', html, re.S)
    match = re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', select[1])
    return match[1].strip() if match else None


def test_open_by_nearest_deadline_then_upcoming_then_archive(client, calls):
    html = get(client, calls.calls_index)
    order = positions(
        html,
        "Appel bientôt clos",
        "Appel Odyssée",
        "Appel à venir",
        "Appel clos récemment",
        "Appel clos il y a longtemps",
    )
    assert order == sorted(order)
    assert html.index('id="open-heading"') < html.index("Appel bientôt clos")
    assert html.index('id="archive-heading"') < html.index("Appel clos récemment")
    assert "5 appels à candidatures" in html


def test_cards_show_status_days_left_deadline_and_who_can_apply(client, calls):
    html = get(client, calls.calls_index)
    card = html[html.index("Appel bientôt clos") : html.index("Appel Odyssée")]
    assert "Ouvert" in card
    assert re.search(r"\d jours? restants?", card)
    assert "(heure de Paris)" in card
    # No one-line summary: the line is derived from the eligibility rules.
    assert "Personnes résidant en France" in card
    assert "Théâtre" in card  # disciplines


def test_filter_by_programme_discipline_country_and_status(client, calls):
    page = calls.calls_index
    html = get(client, page, {"programme": "nora"})
    assert "Appel bientôt clos" in html and "Appel à venir" in html
    assert "Appel Odyssée" not in html and "Appel clos récemment" not in html

    html = get(client, page, {"discipline": "musique"})
    assert "Appel Odyssée" in html and "Appel bientôt clos" not in html

    html = get(client, page, {"country": "it"})  # case does not matter
    assert "Appel bientôt clos" in html and "Appel Odyssée" not in html

    html = get(client, page, {"status": "closed"})
    assert "Appel clos récemment" in html and "Appel Odyssée" not in html
    assert "Appel à venir" not in html

    html = get(client, page, {"programme": "nora", "status": "closed"})
    assert "Aucun appel" in html or "No call for applications matches" in html


def test_unknown_filter_values_are_ignored(client, calls):
    html = get(
        client,
        calls.calls_index,
        {"programme": "nope", "discipline": "x", "country": "ZZ", "status": "nonsense"},
    )
    for title in ("Appel bientôt clos", "Appel Odyssée", "Appel à venir", "Appel clos récemment"):
        assert title in html


def test_options_are_counted_like_facets(client, calls):
    html = get(client, calls.calls_index)
    assert option_label(html, "programme", "nora") == "NORA (2)"
    assert option_label(html, "programme", "odyssee") == "Odyssée (3)"
    assert option_label(html, "status", "closed").endswith("(2)")
    assert option_label(html, "country", "IT").endswith("(1)")
    assert option_label(html, "country", "FR").endswith("(1)")  # the site tree's centre

    # Each filter's counts keep the other filters but not its own.
    html = get(client, calls.calls_index, {"programme": "nora"})
    assert option_label(html, "programme", "odyssee") == "Odyssée (3)"
    assert option_label(html, "status", "closed").endswith("(0)")
    assert option_label(html, "status", "open").endswith("(1)")
    assert 'value="nora" selected' in html


def test_archive_is_paginated_and_keeps_filters(client, calls):
    now = timezone.now()
    for day in range(CallIndexPage.archive_page_size):
        CallPageFactory(
            parent=calls.programme,
            title=f"Archive {day:02d}",
            opens_at=now - dt.timedelta(days=200 + day),
            closes_at=now - dt.timedelta(days=100 + day),
        )
    html = get(client, calls.calls_index, {"programme": "odyssee"})
    assert "Archive 00" in html and "Appel clos il y a longtemps" not in html
    assert "?programme=odyssee&amp;page=2#archive" in html
    second = get(client, calls.calls_index, {"programme": "odyssee", "page": 2})
    assert "Appel clos il y a longtemps" in second and "Archive 00" not in second
    # Open calls stay listed above the archive on every page.
    assert "Appel Odyssée" in second


def test_query_count_does_not_grow_with_the_number_of_calls(client, calls):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            get(client, calls.calls_index)
        return len(queries)

    count_queries()  # warm the per-process caches (site root paths, locales)
    before = count_queries()
    now = timezone.now()
    theme = ThemeFactory(name="Danse", slug="danse")
    for number in range(6):
        call = CallPageFactory(
            parent=calls.nora,
            title=f"Appel en plus {number}",
            opens_at=now - dt.timedelta(days=1),
            closes_at=now + dt.timedelta(days=10 + number),
        )
        call.themes.set([theme, calls.theme])
        call.host_centres.set([calls.centre])
        call.save_revision().publish()
    assert count_queries() == before


def test_subscribe_links_and_feed_announcements(client, calls):
    html = get(client, calls.calls_index)
    base = calls.calls_index.url
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="{base}rss/"' in html
    assert f'href="{base}atom/"' in html
    assert f'href="{base}deadlines/"' in html
    filtered = get(client, calls.calls_index, {"programme": "nora"})
    assert f'href="{base}rss/?programme=nora"' in filtered


def test_programme_pages_link_to_the_calls_page(client, calls):
    html = get(client, calls.programmes)
    assert f'href="{calls.calls_index.url}"' in html
    assert "Appel bientôt clos" in html and "Appel Odyssée" in html  # open calls
    assert "Appel clos récemment" not in html and "Appel à venir" not in html
    assert f'href="{calls.calls_index.url}rss/"' in html

    html = get(client, calls.nora)
    assert f'href="{calls.calls_index.url}rss/?programme=nora"' in html
    assert f'href="{calls.calls_index.url}?programme=nora#results"' in html
