"""News filtered by category and tag, positions by theme with their papers downloadable."""

import datetime as dt

import wagtail_factories
from django.core.files.base import ContentFile

from news.tests.factories import (
    AdvocacyPositionPageFactory,
    NewsCategoryFactory,
    NewsPageFactory,
)
from portal.tests.factories import ThemeFactory
from portal.tests.translation import translate


def _tagged(parent, title, *tags, **kwargs):
    page = NewsPageFactory(parent=parent, title=title, **kwargs)
    page.tags.add(*tags)
    page.save()
    return page


def test_news_index_offers_the_tags_of_its_items(client, site_tree):
    _tagged(site_tree.news_index, "Festival d’été", "Musique ancienne", "Jeunesse")
    html = client.get(site_tree.news_index.url).content.decode()
    assert '<select id="filter-tag" name="tag">' in html
    # Counted like the directory's facets: each option says how many items it gives.
    assert '<option value="musique-ancienne">Musique ancienne (1)</option>' in html
    assert '<option value="jeunesse">Jeunesse (1)</option>' in html


def test_news_tag_filter_shows_and_removes_the_active_tag(client, site_tree):
    _tagged(site_tree.news_index, "Festival d’été", "Jeunesse")
    response = client.get(site_tree.news_index.url, {"tag": "jeunesse"})
    html = response.content.decode()
    assert "Festival d’été" in html
    assert site_tree.news.title not in html
    assert '<option value="jeunesse" selected>' in html
    # The active filter is shown with a link that removes it.
    assert f'href="{site_tree.news_index.url}?category=' not in html
    assert f'href="{site_tree.news_index.url}#results">Mot-clé : Jeunesse' in html


def test_news_unknown_tag_is_ignored(client, site_tree):
    _tagged(site_tree.news_index, "Festival d’été", "Jeunesse")
    html = client.get(site_tree.news_index.url, {"tag": "inconnu"}).content.decode()
    assert "Festival d’été" in html and site_tree.news.title in html


def test_news_pagination_keeps_the_filters(client, site_tree):
    for day in range(1, 15):
        _tagged(site_tree.news_index, f"Brève {day:02d}", "Jeunesse", date=dt.date(2025, 1, day))
    html = client.get(site_tree.news_index.url, {"tag": "jeunesse"}).content.decode()
    assert "?tag=jeunesse&amp;page=2#results" in html
    second = client.get(site_tree.news_index.url, {"tag": "jeunesse", "page": 2}).content.decode()
    assert "Brève 01" in second
    assert site_tree.news.title not in second


def test_advocacy_filter_by_theme(client, site_tree):
    heritage = ThemeFactory(name="Patrimoine", slug="patrimoine")
    tagged = AdvocacyPositionPageFactory(
        parent=site_tree.advocacy_index, title="Pour les monuments"
    )
    tagged.themes.set([heritage])
    tagged.save_revision().publish()
    index_url = site_tree.advocacy_index.url
    html = client.get(index_url).content.decode()
    assert '<option value="patrimoine">Patrimoine (1)</option>' in html
    assert site_tree.position.title in html

    html = client.get(index_url, {"theme": "patrimoine"}).content.decode()
    assert "Pour les monuments" in html
    assert site_tree.position.title not in html
    assert '<option value="patrimoine" selected>' in html

    html = client.get(index_url, {"theme": "inconnu"}).content.decode()
    assert "Pour les monuments" in html and site_tree.position.title in html


def test_advocacy_themes_shown_in_the_visitors_language(client, multilingual_tree):
    tree = multilingual_tree
    heritage = ThemeFactory(name="Patrimoine", slug="patrimoine")
    translate(heritage, "en", {"Patrimoine": "Heritage"})
    tree.position.themes.set([heritage])
    tree.position.save_revision().publish()
    translate(tree.advocacy_index, "en", {"Plaidoyer": "Advocacy", "plaidoyer": "advocacy"})
    en_position = translate(tree.position, "en", {"Pour le patrimoine": "For heritage"})
    html = client.get(en_position.get_parent().url).content.decode()
    assert '<option value="patrimoine">Heritage (1)</option>' in html
    assert "For heritage" in html
    assert "Pour le patrimoine" not in html


def test_advocacy_cards_link_straight_to_their_position_papers(client, site_tree):
    document = wagtail_factories.DocumentFactory(
        title="Note de position", file=ContentFile(b"%PDF-1.4 " + b"x" * 2038, name="note.pdf")
    )
    position = site_tree.position
    position.position_papers = [
        {"type": "documents", "value": {"heading": "", "documents": [{"document": document.pk}]}}
    ]
    position.save_revision().publish()
    html = client.get(site_tree.advocacy_index.url).content.decode()
    assert f'href="{document.url}" download' in html
    assert "Note de position" in html
    assert "PDF" in html
    assert "2,0" in html or "2.0" in html  # 2 kB, in the language's number format


def test_advocacy_positions_newest_first(client, site_tree):
    AdvocacyPositionPageFactory(
        parent=site_tree.advocacy_index, title="Position récente", date=dt.date(2026, 6, 1)
    )
    html = client.get(site_tree.advocacy_index.url).content.decode()
    assert html.index("Position récente") < html.index(site_tree.position.title)


def test_news_filters_are_counted_with_the_other_filter_kept(client, site_tree):
    """Each option counts the news it would show with the other filter kept, as the directory's."""
    residencies = NewsCategoryFactory(name="Résidences", slug="residences")
    _tagged(site_tree.news_index, "Résidents d’été", "Jeunesse", category=residencies)
    _tagged(site_tree.news_index, "Résidents d’hiver", "Musique", category=residencies)
    _tagged(site_tree.news_index, "Fête des jeunes", "Jeunesse")
    index_url = site_tree.news_index.url

    html = client.get(index_url).content.decode()
    assert '<option value="residences">Résidences (2)</option>' in html
    assert '<option value="jeunesse">Jeunesse (2)</option>' in html

    html = client.get(index_url, {"category": "residences"}).content.decode()
    assert '<option value="residences" selected>Résidences (2)</option>' in html
    # With the category kept, "Jeunesse" gives one item and "Musique" one.
    assert '<option value="jeunesse">Jeunesse (1)</option>' in html
    assert '<option value="musique">Musique (1)</option>' in html
    assert "Résidents d’été" in html and "Fête des jeunes" not in html

    html = client.get(index_url, {"category": "residences", "tag": "jeunesse"}).content.decode()
    assert "Résidents d’été" in html
    assert "Résidents d’hiver" not in html and "Fête des jeunes" not in html
    # Each active filter has its own removal link, which keeps the other one.
    assert f'href="{index_url}?tag=jeunesse#results">Catégorie : Résidences' in html
    assert f'href="{index_url}?category=residences#results">Mot-clé : Jeunesse' in html


def test_an_empty_combination_says_so_and_offers_every_item(client, site_tree):
    residencies = NewsCategoryFactory(name="Résidences", slug="residences")
    _tagged(site_tree.news_index, "Résidents d’été", "Musique", category=residencies)
    _tagged(site_tree.news_index, "Fête des jeunes", "Jeunesse")
    index_url = site_tree.news_index.url
    html = client.get(index_url, {"category": "residences", "tag": "jeunesse"}).content.decode()
    assert "Aucune actualité ne correspond à ces filtres." in html
    assert '<option value="jeunesse" selected>Jeunesse (0)</option>' in html
