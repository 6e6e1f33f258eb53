"""One search backend per language: each indexes its own pages, with its own analysis."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from news.tests.factories import NewsPageFactory
from portal.tests.translation import translate
from search.backends import LanguageFilter, backend_for_language
from search.services import SiteSearch

pytestmark = pytest.mark.django_db


def entries_for(page):
    return IndexEntry.objects.filter(object_id=str(page.pk))


def test_settings_give_every_language_its_backend_and_a_default_for_the_rest():
    names = set(settings.WAGTAILSEARCH_BACKENDS)
    assert names == {"default"} | {f"lang_{code}" for code, _ in settings.LANGUAGES}
    default = LanguageFilter(settings.WAGTAILSEARCH_BACKENDS["default"])
    assert default.accepts(None) and not default.accepts("fr") and not default.accepts("ar")
    french = LanguageFilter(settings.WAGTAILSEARCH_BACKENDS["lang_fr"])
    assert french.accepts("fr") and not french.accepts("en") and not french.accepts(None)


def test_a_page_is_indexed_by_its_languages_backend_only(multilingual_tree):
    news, en_news = multilingual_tree.news, multilingual_tree.en_news
    entries_for(news).delete()
    for name in ("default", "lang_en", "lang_es", "lang_ar"):
        get_search_backend(name).add(news)
    assert not entries_for(news).exists()
    get_search_backend("lang_fr").add(news)
    assert entries_for(news).count() == 1
    assert entries_for(en_news).count() == 1


def test_each_language_is_searched_through_its_backend(multilingual_tree):
    assert backend_for_language("en").language_filter.languages == {"en"}
    hits = backend_for_language("en").search("annual", multilingual_tree.en_news.__class__)
    assert [page.pk for page in hits] == [multilingual_tree.en_news.pk]


def test_update_index_rebuilds_every_backend_without_losing_a_language(multilingual_tree):
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert entries_for(multilingual_tree.news).count() == 1
    assert entries_for(multilingual_tree.en_news).count() == 1
    assert SiteSearch("annuelle", locale=multilingual_tree.home.locale).ranked_ids == [
        multilingual_tree.news.pk
    ]
    english = SiteSearch("annual", locale=multilingual_tree.en_home.locale)
    assert english.ranked_ids == [multilingual_tree.en_news.pk]


@pytest.mark.postgres
def test_stemming_follows_each_pages_language(site_tree):
    french = NewsPageFactory(
        parent=site_tree.news_index, title="Une résidence au printemps", slug="residence"
    )
    english = translate(
        french, "en", {french.title: "A residency in spring", "residence": "residency"}
    )
    # The French configuration stems "résidences" like "résidence" (and "résidents").
    assert french.pk in SiteSearch("résidences", locale=french.locale).ranked_ids
    assert SiteSearch("residencies", locale=english.locale).ranked_ids == [english.pk]
    # English pages are analysed in English: a French inflection does not reach them.
    assert english.pk not in SiteSearch("résidences", locale=english.locale).ranked_ids


def test_every_write_path_of_a_backend_is_filtered(multilingual_tree):
    news = multilingual_tree.news
    entries_for(news).delete()
    english = get_search_backend("lang_en")
    index = english.get_index_for_model(type(news))
    english.add(news)
    english.add_bulk(type(news), [news])
    index.add_item(news)
    index.add_items(type(news), [news])
    assert not entries_for(news).exists()
    english.add_bulk(type(news), [news, multilingual_tree.en_news])
    assert entries_for(multilingual_tree.en_news).count() == 1
