"""RSS and Atom feeds of news and advocacy positions, per language."""

import datetime as dt

import feedparser
import pytest

from news.tests.factories import AdvocacyPositionPageFactory, NewsPageFactory
from portal.tests.translation import translate

FEEDS = [("rss/", "rss20", "application/rss+xml"), ("atom/", "atom10", "application/atom+xml")]


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize(("route", "version", "content_type"), FEEDS)
def test_news_feed_is_valid_and_lists_items_newest_first(
    client, site_tree, route, version, content_type
):
    older = NewsPageFactory(parent=site_tree.news_index, title="Ancienne", date=dt.date(2025, 1, 5))
    older.tags.add("Jeunesse")
    older.save()
    draft = NewsPageFactory(parent=site_tree.news_index, title="Brouillon")
    draft.unpublish()

    response, feed = _parse(client, site_tree.news_index.url + route)
    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert feed.feed.language == "fr"
    titles = [entry.title for entry in feed.entries]
    assert titles == [site_tree.news.title, "Ancienne"]
    first, second = feed.entries
    assert first.link == site_tree.news.full_url
    assert first.summary == site_tree.news.lead
    assert [tag.term for tag in first.tags] == ["Vie du réseau"]
    assert [tag.term for tag in second.tags] == ["Jeunesse"]
    published = dt.datetime(*second.published_parsed[:6], tzinfo=dt.UTC)
    assert published == dt.datetime(2025, 1, 4, 23, 0, tzinfo=dt.UTC)  # midnight in Paris


def test_feed_is_limited_to_twenty_items(client, site_tree):
    for day in range(1, 25):
        NewsPageFactory(parent=site_tree.news_index, date=dt.date(2024, 1, day))
    _, feed = _parse(client, site_tree.news_index.url + "rss/")
    assert len(feed.entries) == 20


def test_feeds_list_only_their_language(client, multilingual_tree):
    tree = multilingual_tree
    NewsPageFactory(parent=tree.news_index, title="Seulement en français")
    en_index = tree.en_news.get_parent()
    for route, _version, _type in FEEDS:
        _, feed = _parse(client, en_index.url + route)
        assert [entry.title for entry in feed.entries] == ["Annual meeting"]
        assert feed.entries[0].link == tree.en_news.full_url
    _, feed = _parse(client, en_index.url + "rss/")
    assert feed.feed.language == "en"
    _, feed = _parse(client, tree.news_index.url + "rss/")
    assert {entry.title for entry in feed.entries} == {
        "Rencontre annuelle",
        "Seulement en français",
    }


@pytest.mark.parametrize(("route", "version", "content_type"), FEEDS)
def test_advocacy_feed(client, site_tree, route, version, content_type):
    site_tree.position.themes.set([site_tree.theme])
    site_tree.position.save_revision().publish()
    AdvocacyPositionPageFactory(
        parent=site_tree.advocacy_index, title="Position récente", date=dt.date(2026, 6, 1)
    )
    response, feed = _parse(client, site_tree.advocacy_index.url + route)
    assert response["Content-Type"].startswith(content_type)
    assert [entry.title for entry in feed.entries] == ["Position récente", site_tree.position.title]
    assert feed.entries[1].summary == site_tree.position.summary
    assert [tag.term for tag in feed.entries[1].tags] == ["Musique"]


def test_feeds_are_announced_and_linked(client, site_tree):
    index_url = site_tree.news_index.url
    for url in (index_url, site_tree.news.url):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert f'href="{index_url}rss/"' in html
        assert f'href="{index_url}atom/"' in html
    html = client.get(site_tree.position.url).content.decode()
    assert f'href="{site_tree.advocacy_index.url}rss/"' in html
    # Visible subscribe links on the indexes.
    html = client.get(site_tree.advocacy_index.url).content.decode()
    assert f'<a class="feed-links__link" href="{site_tree.advocacy_index.url}atom/"' in html


def test_translated_index_feed_titles_are_translated(client, multilingual_tree):
    tree = multilingual_tree
    en_advocacy = translate(
        tree.advocacy_index, "en", {"Plaidoyer": "Advocacy", "plaidoyer": "advocacy"}
    )
    _, feed = _parse(client, en_advocacy.url + "atom/")
    assert feed.feed.title.startswith("Advocacy")
    assert feed.entries == []
