"""Every listing shows every public centre and call, in every language (issue 12, item 12).

A centre or a call translated into the visitor's language is listed in that
language, once; one that is not is listed in French, its text marked
``lang="fr"``, labelled "In French" in the visitor's language and linked to
the French page. Drafts and private pages never come in, in any language.
News and advocacy positions stay in their own language (docs/decisions.md).

Each test reads what a visitor reads: the rendered cards (parsed HTML), the
map's markers, the feeds parsed with feedparser and icalendar.
"""

import datetime as dt
import json
import re
from types import SimpleNamespace

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from network.models import CentrePage
from network.tests.factories import CentrePageFactory
from news.tests.factories import AdvocacyPositionPageFactory, NewsPageFactory
from portal.tests.translation import translate
from programmes.tests.factories import CallPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en", "es", "ar"]
OTHER_LANGUAGES = ["en", "es", "ar"]
IN_FRENCH = {"en": "In French", "es": "En francés", "ar": "بالفرنسية"}
# "3 centres" / "3 centros" / "3 مراكز"…: the heading's number, whatever the plural form.
NUMBER = re.compile(r"\d+")


def hide(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def fallback_tree(multilingual_tree):
    """Sections in four languages; one centre and one call translated into English only.

    | page                  | fr   | en                 | es, ar              |
    | Abbaye de Noirlac     | live | "Noirlac Abbey"    | —                   |
    | Abbaye de Sylvanès    | live | —                  | —                   |
    | Hammamet (TN)         | live | —                  | ar: a draft only    |
    | Centre privé          | private                                         |
    | Centre en brouillon   | unpublished                                     |
    | Appel Odyssée (open)  | live | "Odyssée call"     | —                   |
    | Appel Sylvanès (upc.) | live | —                  | —                   |
    | Appel clos (closed)   | live | —                  | —                   |
    | Appel privé, brouillon| private, unpublished                            |
    """
    tree = multilingual_tree
    now = timezone.now()
    tree.sylvanes = CentrePageFactory(
        parent=tree.network,
        title="Abbaye de Sylvanès",
        slug="sylvanes",
        summary="Une abbaye cistercienne dédiée aux musiques sacrées du monde.",
        heritage_site="Abbatiale de Sylvanès",
        town="Sylvanès",
        region="Aveyron",
        latitude="43.8290",
        longitude="2.9570",
    )
    tree.hammamet = CentrePageFactory(
        parent=tree.network,
        title="Centre culturel international de Hammamet",
        slug="hammamet",
        summary="Une villa au bord de la mer, ouverte aux artistes.",
        town="Hammamet",
        region="Nabeul",
        country="TN",
        membership=CentrePage.Membership.INTERNATIONAL,
        latitude="36.4000",
        longitude="10.6167",
    )
    tree.private_centre = hide(
        CentrePageFactory(parent=tree.network, title="Centre privé", slug="centre-prive")
    )
    tree.draft_centre = CentrePageFactory(
        parent=tree.network, title="Centre en brouillon", slug="brouillon", live=False
    )
    tree.upcoming_call = CallPageFactory(
        parent=tree.programme,
        title="Appel Sylvanès",
        summary="Des résidences de composition.",
        opens_at=now + dt.timedelta(days=10),
        closes_at=now + dt.timedelta(days=40),
    )
    tree.closed_call = CallPageFactory(
        parent=tree.programme,
        title="Appel clos",
        opens_at=now - dt.timedelta(days=90),
        closes_at=now - dt.timedelta(days=30),
    )
    tree.private_call = hide(CallPageFactory(parent=tree.programme, title="Appel privé"))
    tree.draft_call = CallPageFactory(parent=tree.programme, title="Appel brouillon", live=False)

    for code in OTHER_LANGUAGES:
        for section in ("network", "label", "programmes", "programme", "call_index"):
            translate(getattr(tree, section), code)
    tree.en_centre = translate(
        tree.centre,
        "en",
        {"Abbaye de Noirlac": "Noirlac Abbey", tree.centre.summary: "An abbey given a project."},
    )
    tree.en_call = translate(tree.call, "en", {"Appel Odyssée": "Odyssée call"})
    translate(tree.hammamet, "ar", {tree.hammamet.title: "مركز الحمامات"}, publish=False)
    return tree


def in_language(tree, page, code):
    """``page``'s translation into ``code`` (the French page for ``fr``)."""
    if code == "fr":
        return page
    return page.get_translation(Locale.objects.get(language_code=code))


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def read_cards(soup, within=None):
    """What each card shows: its title, link, label and the language of its text."""
    scope = soup.select_one(within) if within else soup
    assert scope is not None, within
    cards = []
    for article in scope.select("article.card"):
        title = article.select_one(".card__title")
        link = title.find("a")
        text = article.select_one(".card__text")
        label = article.select_one(".card__language")
        cards.append(
            SimpleNamespace(
                title=title.get_text(strip=True),
                title_lang=title.get("lang"),
                title_dir=title.get("dir"),
                href=link["href"],
                hreflang=link.get("hreflang"),
                label=label.get_text(strip=True) if label else None,
                text_lang=text.get("lang") if text else None,
                text_dir=text.get("dir") if text else None,
            )
        )
    return cards


def by_title(cards):
    titles = [card.title for card in cards]
    assert len(titles) == len(set(titles)), f"a page is listed twice: {titles}"
    return {card.title: card for card in cards}


def assert_in_french(card, page, code):
    """``card`` shows the French ``page`` to a ``code`` reader: marked, labelled, linked."""
    assert card.title == page.title
    assert (card.title_lang, card.title_dir) == ("fr", "ltr")
    assert (card.text_lang, card.text_dir) == ("fr", "ltr")
    assert card.label == IN_FRENCH[code]
    assert card.href == page.url and card.href.startswith("/fr/")
    assert card.hreflang == "fr"


def assert_in_own_language(card, page):
    assert card.title == page.title
    assert card.title_lang is None and card.text_lang is None
    assert card.label is None
    assert card.href == page.url
    assert card.hreflang is None


HIDDEN_TITLES = ("Centre privé", "Centre en brouillon", "Appel privé", "Appel brouillon")


def assert_nothing_hidden(content):
    leaked = [title for title in HIDDEN_TITLES if title in content]
    assert not leaked, leaked


# --- The directory and its map -------------------------------------------------------


def map_markers(soup):
    data = soup.find("script", id="directory-map-data")
    return json.loads(data.string) if data else []


def test_the_directory_lists_every_public_centre_once(client, fallback_tree):
    tree = fallback_tree
    for code in LANGUAGES:
        directory = in_language(tree, tree.network, code)
        response = client.get(directory.url)
        soup = soup_of(response)
        cards = by_title(read_cards(soup, "#results"))

        noirlac = tree.en_centre if code == "en" else tree.centre
        assert set(cards) == {noirlac.title, tree.sylvanes.title, tree.hammamet.title}
        if code == "fr":
            for page in (tree.centre, tree.sylvanes, tree.hammamet):
                assert_in_own_language(cards[page.title], page)
        else:
            for page in (tree.sylvanes, tree.hammamet):
                assert_in_french(cards[page.title], page, code)
        if code == "en":
            assert_in_own_language(cards["Noirlac Abbey"], tree.en_centre)
            assert "Abbaye de Noirlac" not in soup.select_one("#results").get_text()

        heading = soup.select_one("#results-heading").get_text()
        assert NUMBER.search(heading)[0] == "3"
        filters = response.context["filters"]
        assert filters.facet("country").total == 3
        assert {option.value: option.count for option in filters.facet("country").options} == {
            "FR": 2,
            "TN": 1,
        }
        assert_nothing_hidden(response.content.decode())


def test_the_map_has_a_marker_per_listed_centre_and_marks_the_french_ones(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        soup = soup_of(client.get(in_language(tree, tree.network, code).url))
        listed = {card.href for card in read_cards(soup, "#results")}
        markers = {marker["url"]: marker for marker in map_markers(soup)}
        assert set(markers) == listed
        french = markers[tree.sylvanes.url]
        assert (french["title"], french["language"]) == ("Abbaye de Sylvanès", "fr")
        assert french["language_label"] == IN_FRENCH[code]
        if code == "en":
            assert "language" not in markers[tree.en_centre.url]


def test_directory_filters_work_across_the_french_centres(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        directory = in_language(tree, tree.network, code)
        soup = soup_of(client.get(directory.url, {"membership": "international"}))
        assert [card.title for card in read_cards(soup, "#results")] == [tree.hammamet.title]
        soup = soup_of(client.get(directory.url, {"discipline": "musique"}))
        noirlac = tree.en_centre if code == "en" else tree.centre
        assert [card.title for card in read_cards(soup, "#results")] == [noirlac.title]


def test_a_live_translation_replaces_the_french_centre(client, fallback_tree):
    tree = fallback_tree
    arabic = translate(tree.hammamet, "ar", {tree.hammamet.title: "مركز الحمامات"})
    soup = soup_of(client.get(in_language(tree, tree.network, "ar").url))
    cards = by_title(read_cards(soup, "#results"))
    assert_in_own_language(cards["مركز الحمامات"], arabic)
    assert tree.hammamet.title not in cards
    # Private, the translation is no longer public: the French centre is listed instead.
    hide(arabic)
    cards = by_title(read_cards(soup_of(client.get(in_language(tree, tree.network, "ar").url))))
    assert_in_french(cards[tree.hammamet.title], tree.hammamet, "ar")


# --- The label page's sponsors ---------------------------------------------------------


def test_the_label_page_suggests_french_members_as_sponsors(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        label = in_language(tree, tree.label, code)
        soup = soup_of(client.get(label.url, {"country": "LB"}))
        cards = read_cards(soup, "#sponsors")
        assert [card.title for card in cards] == [tree.hammamet.title]
        assert_in_french(cards[0], tree.hammamet, code)

        response = client.get(label.url)
        cards = by_title(read_cards(soup_of(response), "#sponsors"))
        noirlac = tree.en_centre if code == "en" else tree.centre
        assert set(cards) == {noirlac.title, tree.sylvanes.title, tree.hammamet.title}
        assert_nothing_hidden(response.content.decode())


# --- The calls page, the programmes ------------------------------------------------------


def calls_titles(tree, code):
    odyssee = tree.en_call if code == "en" else tree.call
    return odyssee, {odyssee.title, tree.upcoming_call.title, tree.closed_call.title}


def test_the_calls_page_lists_every_public_call_once(client, fallback_tree):
    tree = fallback_tree
    for code in LANGUAGES:
        page = in_language(tree, tree.call_index, code)
        response = client.get(page.url)
        soup = soup_of(response)
        odyssee, titles = calls_titles(tree, code)
        cards = by_title(read_cards(soup, "#results"))
        assert set(cards) == titles
        assert [card.title for card in read_cards(soup, "#open")] == [odyssee.title]
        assert [card.title for card in read_cards(soup, "#upcoming")] == [tree.upcoming_call.title]
        assert [card.title for card in read_cards(soup, "#archive")] == [tree.closed_call.title]
        if code != "fr":
            assert_in_french(cards[tree.upcoming_call.title], tree.upcoming_call, code)
            assert_in_french(cards[tree.closed_call.title], tree.closed_call, code)
        if code in ("fr", "en"):
            assert_in_own_language(cards[odyssee.title], odyssee)
        else:
            assert_in_french(cards[odyssee.title], tree.call, code)
        assert NUMBER.search(soup.select_one(".results__count").get_text())[0] == "3"
        filters = response.context["filters"]
        assert filters.facet("status").total == 3
        counts = {option.value: option.count for option in filters.facet("status").options}
        assert counts == {"open": 1, "upcoming": 1, "closed": 1}
        assert_nothing_hidden(response.content.decode())


def test_calls_filters_work_across_the_french_calls(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        page = in_language(tree, tree.call_index, code)
        programme = in_language(tree, tree.programme, code)
        soup = soup_of(client.get(page.url, {"programme": programme.slug, "status": "upcoming"}))
        assert [card.title for card in read_cards(soup, "#results")] == [tree.upcoming_call.title]


def test_a_french_calls_card_names_its_programme_in_the_visitors_language(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        programme = in_language(tree, tree.programme, code)
        programme.title = {"en": "Odyssey", "es": "Odisea", "ar": "أوديسا"}[code]
        programme.save_revision().publish()
        soup = soup_of(client.get(in_language(tree, tree.call_index, code).url))
        card = soup.select_one("#upcoming article.card")
        assert programme.title in card.select_one(".card__meta").get_text()


def test_programme_pages_list_the_french_calls(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        odyssee, titles = calls_titles(tree, code)
        # The programme's page: every call of the programme.
        response = client.get(in_language(tree, tree.programme, code).url)
        cards = by_title(read_cards(soup_of(response), "#calls"))
        assert set(cards) == titles
        assert_in_french(cards[tree.upcoming_call.title], tree.upcoming_call, code)
        assert_nothing_hidden(response.content.decode())
        # The programmes index: the open ones.
        response = client.get(in_language(tree, tree.programmes, code).url)
        cards = read_cards(soup_of(response), "#calls")
        assert [card.title for card in cards] == [odyssee.title]
        if code != "en":
            assert_in_french(cards[0], tree.call, code)


def test_the_programmes_index_lists_untranslated_programmes_in_french(client, fallback_tree):
    tree = fallback_tree
    nora = ProgrammePageFactory(parent=tree.programmes, title="NORA", slug="nora")
    for code in OTHER_LANGUAGES:
        soup = soup_of(client.get(in_language(tree, tree.programmes, code).url))
        cards = by_title(read_cards(soup, "[aria-labelledby=programmes-heading]"))
        assert set(cards) == {tree.programme.title, "NORA"}
        assert_in_french(cards["NORA"], nora, code)


def test_a_centres_calls_and_a_calls_host_centres_say_they_are_in_french(client, fallback_tree):
    tree = fallback_tree
    tree.upcoming_call.host_centres.set([tree.centre])
    tree.upcoming_call.save_revision().publish()
    cards = by_title(read_cards(soup_of(client.get(tree.en_centre.url))))
    assert_in_own_language(cards["Odyssée call"], tree.en_call)
    assert_in_french(cards[tree.upcoming_call.title], tree.upcoming_call, "en")

    tree.call.host_centres.add(tree.sylvanes)
    tree.call.save_revision().publish()
    english = translate(tree.call, "en", {"Appel Odyssée": "Odyssée call"})
    soup = soup_of(client.get(english.url))
    links = {link.get_text(strip=True): link for link in soup.select("#centres-heading + ul a")}
    assert set(links) == {"Noirlac Abbey", tree.sylvanes.title}
    french = links[tree.sylvanes.title]
    assert (french["href"], french["lang"], french["hreflang"]) == (tree.sylvanes.url, "fr", "fr")
    assert "(In French)" in french.parent.get_text()
    assert links["Noirlac Abbey"].get("lang") is None


# --- Feeds and the deadlines calendar ----------------------------------------------------


@pytest.mark.parametrize("route", ["rss/", "atom/"])
def test_calls_feeds_carry_the_french_calls(client, fallback_tree, route):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        odyssee, titles = calls_titles(tree, code)
        response = client.get(in_language(tree, tree.call_index, code).url + route)
        assert response.status_code == 200
        content = response.content.decode()
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        entries = {entry.title: entry for entry in feed.entries}
        assert set(entries) == titles
        entry = entries[tree.upcoming_call.title]
        assert entry.link == tree.upcoming_call.full_url
        assert IN_FRENCH[code] in entry.summary
        if route == "atom/":
            assert entry.title_detail.language == "fr"
            assert content.count('<entry xml:lang="fr">') == (2 if code == "en" else 3)
        if code == "en":
            assert IN_FRENCH["en"] not in entries[odyssee.title].summary
        assert_nothing_hidden(content)


def test_the_deadlines_calendar_has_the_french_calls(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        odyssee, titles = calls_titles(tree, code)
        response = client.get(in_language(tree, tree.call_index, code).url + "deadlines/")
        assert response.status_code == 200
        events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        by_url = {str(event["URL"]): event for event in events}
        assert len(events) == 3
        event = by_url[tree.upcoming_call.full_url]
        assert tree.upcoming_call.title in str(event["SUMMARY"])
        assert IN_FRENCH[code] in str(event["DESCRIPTION"])
        assert_nothing_hidden(response.content.decode())


# --- The home page ---------------------------------------------------------------------


def test_the_home_page_shows_french_calls_and_centres(client, fallback_tree):
    tree = fallback_tree
    for code in OTHER_LANGUAGES:
        home = {"en": tree.en_home, "es": tree.es_home, "ar": tree.ar_home}[code]
        soup = soup_of(client.get(home.url))
        odyssee, _titles = calls_titles(tree, code)
        calls = read_cards(soup, "[aria-labelledby=home-calls-heading]")
        assert [card.title for card in calls] == [odyssee.title]
        centres = by_title(read_cards(soup, "[aria-labelledby=home-network-heading]"))
        noirlac = tree.en_centre if code == "en" else tree.centre
        assert set(centres) == {noirlac.title, tree.sylvanes.title, tree.hammamet.title}
        assert_in_french(centres[tree.sylvanes.title], tree.sylvanes, code)


# --- Pages themselves never mix languages; hreflang stays truthful -----------------------


def test_pages_themselves_do_not_mix_languages(client, fallback_tree):
    """Listed in Arabic, the French centre is still only a French page: no Arabic URL,
    and its alternates name only its real translations."""
    tree = fallback_tree
    directory = in_language(tree, tree.network, "ar")
    assert client.get(f"{directory.url}{tree.sylvanes.slug}/").status_code == 404
    soup = soup_of(client.get(tree.sylvanes.url))
    assert soup.html["lang"] == "fr"
    alternates = {
        link["hreflang"] for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {"fr", "x-default"}


# --- News and advocacy stay in their own language (docs/decisions.md) ---------------------


def test_news_and_positions_are_listed_in_their_own_language_only(client, fallback_tree):
    tree = fallback_tree
    NewsPageFactory(parent=tree.news_index, title="Brève non traduite")
    en_advocacy = translate(tree.advocacy_index, "en")
    AdvocacyPositionPageFactory(parent=tree.advocacy_index, title="Position non traduite")
    en_news_index = tree.en_news.get_parent().specific

    news = read_cards(soup_of(client.get(en_news_index.url)), "#main")
    assert [card.title for card in news] == [tree.en_news.title]
    assert read_cards(soup_of(client.get(en_advocacy.url)), "#main") == []
    home = soup_of(client.get(tree.en_home.url))
    assert [card.title for card in read_cards(home, "[aria-labelledby=home-news-heading]")] == [
        tree.en_news.title
    ]
    for url in (en_news_index.url + "rss/", en_advocacy.url + "atom/"):
        content = client.get(url).content.decode()
        assert "non traduite" not in content
    # In French, both are listed.
    french = soup_of(client.get(tree.news_index.url)).get_text()
    assert "Brève non traduite" in french
