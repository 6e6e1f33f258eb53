"""Index pages filter by query string, ignore bad values and paginate."""

import datetime as dt

import pytest
from django.utils import timezone

from network.tests.factories import CentrePageFactory
from news.tests.factories import NewsCategoryFactory, NewsPageFactory
from programmes.tests.factories import CallPageFactory


@pytest.fixture
def directory(site_tree):
    CentrePageFactory(
        parent=site_tree.network,
        title="Neimënster",
        slug="neimenster",
        country="LU",
        town="Luxembourg",
        membership="international",
    )
    return site_tree


def test_centres_filter_by_country(client, directory):
    html = client.get(directory.network.url, {"country": "LU"}).content.decode()
    assert "Neimënster" in html
    assert "Abbaye de Noirlac" not in html


def test_centres_filter_by_membership(client, directory):
    html = client.get(directory.network.url, {"membership": "label"}).content.decode()
    assert "Abbaye de Noirlac" in html
    assert "Neimënster" not in html


@pytest.mark.parametrize(
    "params", [{"country": "ZZ"}, {"membership": "<script>"}, {"page": "abc"}, {"page": "999"}]
)
def test_bad_filter_values_are_ignored(client, directory, params):
    response = client.get(directory.network.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Neimënster" in html and "Abbaye de Noirlac" in html


def test_news_filter_by_category(client, site_tree):
    other = NewsCategoryFactory(name="Résidences", slug="residences")
    NewsPageFactory(parent=site_tree.news_index, title="Résidents accueillis", category=other)
    html = client.get(site_tree.news_index.url, {"category": "residences"}).content.decode()
    assert "Résidents accueillis" in html
    assert site_tree.news.title not in html
    html = client.get(site_tree.news_index.url, {"category": "inconnue"}).content.decode()
    assert "Résidents accueillis" in html and site_tree.news.title in html


def test_news_is_paginated_newest_first(client, site_tree):
    for day in range(1, 15):
        NewsPageFactory(
            parent=site_tree.news_index, title=f"Brève {day:02d}", date=dt.date(2025, 1, day)
        )
    first = client.get(site_tree.news_index.url).content.decode()
    second = client.get(site_tree.news_index.url, {"page": 2}).content.decode()
    assert "Brève 14" in first and "Brève 01" not in first
    assert "Brève 01" in second
    assert first.index("Brève 14") < first.index("Brève 13")


def test_calls_filter_by_status_and_order(client, site_tree):
    now = timezone.now()
    programme = site_tree.programme
    CallPageFactory(
        parent=programme,
        title="Appel à venir",
        opens_at=now + dt.timedelta(days=30),
        closes_at=now + dt.timedelta(days=60),
    )
    CallPageFactory(
        parent=programme,
        title="Appel clos",
        opens_at=now - dt.timedelta(days=60),
        closes_at=now - dt.timedelta(days=30),
    )
    CallPageFactory(
        parent=programme,
        title="Appel bientôt clos",
        opens_at=now - dt.timedelta(days=5),
        closes_at=now + dt.timedelta(days=2),
    )
    url = site_tree.call_index.url
    html = client.get(url).content.decode()
    order = [
        html.index(t)
        for t in ("Appel bientôt clos", "Appel Odyssée", "Appel à venir", "Appel clos")
    ]
    assert order == sorted(order), "open by nearest deadline, then upcoming, then closed"

    html = client.get(url, {"status": "closed"}).content.decode()
    assert "Appel clos" in html and "Appel à venir" not in html and "Appel Odyssée" not in html
    html = client.get(url, {"status": "nonsense"}).content.decode()
    assert "Appel clos" in html and "Appel à venir" in html
