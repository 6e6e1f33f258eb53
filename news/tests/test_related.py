"""Related content at the bottom of a news item."""

import datetime as dt

import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.tests.factories import NewsCategoryFactory, NewsPageFactory


def _news(parent, title, date, tags=(), **kwargs):
    page = NewsPageFactory(parent=parent, title=title, date=date, **kwargs)
    if tags:
        page.tags.add(*tags)
        page.save()
    return page


def test_related_items_ranked_by_overlap_then_date(site_tree):
    index = site_tree.news_index
    other_category = NewsCategoryFactory(name="Résidences", slug="residences")
    item = _news(index, "Sujet", dt.date(2026, 5, 1), ["jeunesse", "musique"])
    item.category = site_tree.category
    item.related_centres.set([site_tree.centre])
    item.save()
    most = _news(index, "Même catégorie, tags et centre", dt.date(2025, 1, 1), ["jeunesse"])
    most.category = site_tree.category
    most.related_centres.set([site_tree.centre])
    most.save()
    two_tags = _news(
        index, "Deux tags", dt.date(2025, 2, 1), ["jeunesse", "musique"], category=other_category
    )
    _news(index, "Sans lien récent", dt.date(2026, 4, 1), category=other_category)
    _news(index, "Sans lien ancien", dt.date(2020, 1, 1), category=other_category)

    titles = [page.title for page in item.get_related_items()]
    # 3 points (category, tag, centre), 2 points (two tags), then the fixture item
    # (same category, 1 point) before the items sharing nothing.
    assert titles == [most.title, two_tags.title, site_tree.news.title]


def test_related_items_fall_back_to_the_latest(site_tree):
    index = site_tree.news_index
    item = _news(index, "Sujet isolé", dt.date(2026, 5, 1))
    for day in (1, 2, 3):
        _news(index, f"Brève {day}", dt.date(2030, 4, day))
    titles = [page.title for page in item.get_related_items()]
    assert titles == ["Brève 3", "Brève 2", "Brève 1"]


def test_related_items_exclude_drafts_other_languages_and_itself(multilingual_tree):
    tree = multilingual_tree
    draft = NewsPageFactory(parent=tree.news_index, title="Brouillon", category=tree.category)
    draft.unpublish()
    NewsPageFactory(parent=tree.news_index, title="Voisine publiée")
    assert [page.title for page in tree.news.get_related_items()] == ["Voisine publiée"]
    # The English item has no English neighbour: French items are never offered.
    assert tree.en_news.get_related_items() == []


def test_news_page_shows_related_items_without_a_query_per_item(client, site_tree):
    index = site_tree.news_index

    def render():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(site_tree.news.url)
        return response.content.decode(), len(queries)

    _news(
        index,
        "Première voisine",
        dt.date(2026, 2, 1),
        image=wagtail_factories.ImageFactory(),
        category=site_tree.category,
    )
    render()  # renditions are created on the first rendering
    html, one_item_queries = render()
    assert 'id="related-news-heading"' in html and "Première voisine" in html

    for day in (2, 3):
        _news(
            index,
            f"Voisine {day}",
            dt.date(2026, 2, day),
            ["jeunesse"],
            image=wagtail_factories.ImageFactory(),
            category=site_tree.category,
        )
    render()
    html, three_items_queries = render()
    assert "Voisine 2" in html and "Voisine 3" in html
    assert three_items_queries == one_item_queries
