"""What visitors see in four languages: URLs, lang/dir, switcher, hreflang."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from home.models import NavigationItem, NavigationMenu
from portal.tests.translation import translate

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


@pytest.mark.parametrize(
    ("attr", "code", "direction"),
    [
        ("home", "fr", "ltr"),
        ("en_home", "en", "ltr"),
        ("es_home", "es", "ltr"),
        ("ar_home", "ar", "rtl"),
    ],
)
def test_each_language_home_has_its_url_lang_and_direction(
    client, multilingual_tree, attr, code, direction
):
    page = getattr(multilingual_tree, attr)
    assert page.url == f"/{code}/"
    html = client.get(page.url).content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html


def test_interface_strings_follow_the_language(client, multilingual_tree):
    assert "Aller au contenu principal" in client.get("/fr/").content.decode()
    assert "Skip to main content" in client.get("/en/").content.decode()
    assert "Saltar al contenido principal" in client.get("/es/").content.decode()
    assert "انتقل إلى المحتوى الرئيسي" in client.get("/ar/").content.decode()


def test_translated_slugs_are_in_the_urls(multilingual_tree):
    assert multilingual_tree.news.url == "/fr/actualites/rencontre-annuelle/"
    assert multilingual_tree.en_news.url == "/en/news/annual-meeting/"
    assert multilingual_tree.ar_news.url == "/ar/al-akhbar/al-ijtima/"


def test_hreflang_lists_every_translation_and_x_default_and_each_answers(client, multilingual_tree):
    html = client.get(multilingual_tree.en_news.url).content.decode()
    alternates = dict(ALTERNATE.findall(html))
    assert set(alternates) == {"fr", "en", "ar", "x-default"}
    assert alternates["x-default"] == alternates["fr"]
    for url in alternates.values():
        path = re.sub(r"^https?://[^/]+", "", url)
        assert client.get(path).status_code == 200, url


def test_switcher_leads_to_the_same_page_in_another_language(client, multilingual_tree):
    html = client.get(multilingual_tree.news.url).content.decode()
    assert f'href="{multilingual_tree.en_news.url}" lang="en" hreflang="en"' in html
    assert f'href="{multilingual_tree.ar_news.url}" lang="ar" hreflang="ar"' in html


def test_switcher_to_a_language_without_the_page_goes_home_and_says_so(client, multilingual_tree):
    html = client.get(multilingual_tree.news.url).content.decode()
    assert 'href="/es/?untranslated=1" hreflang="es"' in html
    assert "(non traduite : page d’accueil)" in html
    landing = client.get("/es/?untranslated=1").content.decode()
    assert "aún no está disponible en este idioma" in landing


def test_untranslated_pages_are_absent_from_that_languages_tree(client, multilingual_tree):
    # The programmes section exists in French only.
    assert client.get("/es/programmes/").status_code == 404
    assert client.get(multilingual_tree.programmes.url).status_code == 200


def test_accept_language_picks_the_language_of_the_root_redirect(client, multilingual_tree):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.8")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")["Location"] == "/fr/"


def test_menus_only_link_pages_translated_into_the_visitors_language(client, multilingual_tree):
    menu = NavigationMenu.objects.create(name="Menu", locale=multilingual_tree.home.locale)
    NavigationItem.objects.create(
        menu=menu, label="Actualités", link_page=multilingual_tree.news_index, locale=menu.locale
    )
    NavigationItem.objects.create(
        menu=menu, label="Programmes", link_page=multilingual_tree.programmes, locale=menu.locale
    )
    html = client.get("/ar/").content.decode()
    assert 'href="/ar/al-akhbar/"' in html
    # The menu, not the page: the home page's calls section lists French calls
    # that are not translated, linking to their French pages (docs/decisions.md).
    menu = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    assert "/fr/programmes/" not in menu


def test_deadlines_are_formatted_for_each_language(client, site_tree):
    call = site_tree.call
    call.closes_at = dt.datetime(2099, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
    call.save_revision().publish()
    for ancestor in call.get_ancestors().filter(depth__gt=1).specific():
        translate(ancestor, "en")
    english = translate(call, "en")
    assert "15 mars 2099, 12:00 (heure de Paris)" in client.get(call.url).content.decode()
    assert "March 15, 2099, noon (Paris time)" in client.get(english.url).content.decode()
