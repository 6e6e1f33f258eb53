"""The home page fills itself from live content, and editors' picks win."""

import datetime as dt

import pytest
from django.utils import timezone

from news.tests.factories import NewsPageFactory
from programmes.tests.factories import CallPageFactory

pytestmark = pytest.mark.django_db


def context_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.context


def test_key_figures_are_counted_from_live_content(client, site_tree):
    figures = context_of(client, site_tree.home)["key_figures"]
    values = [figure["value"] for figure in figures]
    # One labelled centre, none abroad, one programme, one open call.
    assert values == [1, 0, 1, 1]


def test_editors_key_figures_replace_the_counted_ones(client, site_tree):
    home = site_tree.home
    home.key_figures = [
        {"type": "figure", "value": {"value": "800", "label": "résidents", "as_of": "2024"}}
    ]
    home.save_revision().publish()
    html = client.get(home.url).content.decode()
    assert "800" in html and "résidents" in html and "2024" in html


def test_latest_news_by_default_and_picked_news_when_set(client, site_tree):
    older = NewsPageFactory(
        parent=site_tree.news_index, title="Ancienne brève", date=dt.date(2020, 1, 1)
    )
    for day in range(1, 4):
        NewsPageFactory(
            parent=site_tree.news_index, title=f"Récente {day}", date=dt.date(2099, 1, day)
        )
    news = context_of(client, site_tree.home)["news_items"]
    assert [item.title for item in news] == ["Récente 3", "Récente 2", "Récente 1"]

    home = site_tree.home
    home.featured_news = [{"type": "news", "value": older.pk}]
    home.save_revision().publish()
    news = context_of(client, home)["news_items"]
    assert [item.title for item in news] == ["Ancienne brève"]


def test_open_calls_closing_soonest_first_and_no_closed_call(client, site_tree):
    now = timezone.now()
    CallPageFactory(
        parent=site_tree.programme,
        title="Appel urgent",
        opens_at=now - dt.timedelta(days=3),
        closes_at=now + dt.timedelta(days=1),
    )
    CallPageFactory(
        parent=site_tree.programme,
        title="Appel clos",
        opens_at=now - dt.timedelta(days=30),
        closes_at=now - dt.timedelta(days=1),
    )
    calls = context_of(client, site_tree.home)["calls"]
    assert [call.title for call in calls] == ["Appel urgent", "Appel Odyssée"]


def test_unpublished_pick_is_skipped_and_the_query_takes_over(client, site_tree):
    now = timezone.now()
    other = CallPageFactory(
        parent=site_tree.programme,
        title="Autre appel",
        opens_at=now - dt.timedelta(days=3),
        closes_at=now + dt.timedelta(days=90),
    )
    home = site_tree.home
    home.featured_calls = [{"type": "call", "value": site_tree.call.pk}]
    home.save_revision().publish()
    assert [call.title for call in context_of(client, home)["calls"]] == ["Appel Odyssée"]
    site_tree.call.unpublish()
    assert [call.pk for call in context_of(client, home)["calls"]] == [other.pk]
