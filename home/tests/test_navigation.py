"""The menu and the footer are built once per language and kept until something changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Footer, NavigationItem, NavigationMenu
from tests.test_query_budgets import build_menus

pytestmark = pytest.mark.django_db


def menu_reads(queries):
    tables = (NavigationMenu._meta.db_table, Footer._meta.db_table)
    return [q for q in queries if any(f'FROM "{table}"' in q["sql"] for table in tables)]


def main_nav(response):
    html = response.content.decode()
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture(autouse=True)
def navigation_cache(settings):
    settings.NAVIGATION_CACHE_SECONDS = 3600


@pytest.fixture
def menus(site_tree):
    site_tree.menu, site_tree.footer = build_menus(site_tree)
    return site_tree


def test_the_menu_and_footer_are_built_once_per_language(client, menus):
    client.get(menus.home.url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(menus.news_index.url)
    assert menu_reads(ctx.captured_queries) == []
    nav = main_nav(response)
    assert [title in nav for title in ("Le réseau", "Actualités", "Plaidoyer")] == [True] * 3
    assert "Ministère" in response.content.decode()  # the footer's outside link


def test_the_current_page_and_its_section_are_marked_on_every_page(client, menus):
    client.get(menus.home.url)  # builds the menu
    nav = main_nav(client.get(menus.news_index.url))
    assert f'href="{menus.news_index.url}" aria-current="page"' in nav
    nav = main_nav(client.get(menus.news.url))
    assert "aria-current" not in nav
    assert f'is-in-section" href="{menus.news_index.url}"' in nav
    nav = main_nav(client.get(menus.home.url))
    assert "aria-current" not in nav and "is-in-section" not in nav


def test_a_menu_saved_in_the_admin_shows_on_the_next_page(
    client, menus, django_capture_on_commit_callbacks
):
    assert "Les actualités du réseau" not in main_nav(client.get(menus.home.url))
    item = NavigationItem.objects.get(menu=menus.menu, link_page=menus.news_index)
    item.label = "Les actualités du réseau"
    with django_capture_on_commit_callbacks(execute=True):
        item.save()
        menus.menu.save()  # the snippet's form saves the menu with its items
    assert "Les actualités du réseau" in main_nav(client.get(menus.home.url))


def test_an_unpublished_page_leaves_the_menu_at_once(
    client, menus, django_capture_on_commit_callbacks
):
    assert menus.advocacy_index.url in main_nav(client.get(menus.home.url))
    with django_capture_on_commit_callbacks(execute=True):
        menus.advocacy_index.unpublish()
    assert menus.advocacy_index.url not in main_nav(client.get(menus.home.url))


def test_each_language_has_its_own_menu(client, menus, multilingual_tree):
    from portal.tests.translation import translate

    translate(menus.menu, "en")
    client.get(menus.home.url)
    english = main_nav(client.get(multilingual_tree.en_home.url))
    assert 'aria-label="Main menu"' in english
    assert "/en/news/" in english and "/fr/" not in english
