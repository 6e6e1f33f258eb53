"""A programme's "all its calls" link and feeds list its calls only (issue 12, item 13).

The demo's emergency programme had no call, and its slug is translated
(``programmes-d-urgence``, ``emergency-programmes``, ``programas-de-emergencia``,
``baramij-al-tawari``), unlike Odyssée's and NORA's. The programme filter knew
only the programmes of the calls listed, so ``?programme=<its slug>`` was an
unknown value, ignored: its link and its feeds listed every call. Each test
follows the links of the programme's own page, in each language, to the calls
page, the RSS and Atom feeds and the deadlines calendar, and reads what they
list.
"""

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from programmes.tests.factories import CallPageFactory, ProgrammePageFactory, calls_index_under

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en", "es", "ar"]
OUTPUTS = ["page", "rss", "atom", "ics"]
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "ics": "text/calendar"}
EMERGENCY = {
    "en": ("Emergency programmes", "emergency-programmes"),
    "es": ("Programas de emergencia", "programas-de-emergencia"),
    "ar": ("برامج الطوارئ", "baramij-al-tawari"),
}


def translate_page(page, code, title=None, slug=None):
    """A published copy of ``page`` in ``code`` (Wagtail's own copy: fast, text unchanged)."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    copy = page.copy_for_translation(locale)
    copy.title = title or page.title
    copy.slug = slug or page.slug
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def programmes_tree(site_tree):
    """Odyssée with its call in four languages; the emergency programmes without any call."""
    tree = site_tree
    tree.calls_index = calls_index_under(tree.home)
    tree.emergency = ProgrammePageFactory(
        parent=tree.programmes,
        title="Programmes d'urgence",
        slug="programmes-d-urgence",
        kind="emergency",
    )
    tree.emergency_in = {"fr": tree.emergency}
    tree.calls_in = {"fr": [tree.call]}
    for code in ("en", "es", "ar"):
        translate_page(
            tree.home, code, slug={"en": "home", "es": "inicio", "ar": "al-raisiya"}[code]
        )
        translate_page(tree.programmes, code)
        translate_page(tree.calls_index, code)
        translate_page(tree.programme, code)
        title, slug = EMERGENCY[code]
        tree.emergency_in[code] = translate_page(tree.emergency, code, title, slug)
        tree.calls_in[code] = [translate_page(tree.call, code, f"{tree.call.title} ({code})")]
    return tree


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def listed_by_link(client, programme, output):
    """Follow ``output``'s link on the programme's page; the titles of the calls it lists."""
    page = soup_of(client.get(programme.url))
    if output == "page":
        link = page.select_one("#calls .section__more a")
        soup = soup_of(client.get(link["href"]))
        return sorted(title.get_text(strip=True) for title in soup.select("#results .card__title"))
    href = page.find("link", rel="alternate", type=FEED_TYPES[output])["href"]
    response = client.get(href)
    assert response.status_code == 200, href
    if output == "ics":
        events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        return sorted(str(event["URL"]) for event in events)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return sorted(entry.title for entry in feed.entries)


def expected(calls, output):
    if output == "ics":
        return sorted(call.full_url for call in calls)
    return sorted(call.title for call in calls)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("output", OUTPUTS)
def test_a_programme_without_calls_lists_none(client, programmes_tree, output, code):
    """The demo's emergency programmes: their link must not list Odyssée's calls."""
    programme = programmes_tree.emergency_in[code]
    assert listed_by_link(client, programme, output) == []


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_programme_lists_its_french_calls_in_every_language(client, programmes_tree, output):
    """A French-only call of the emergency programmes is the only one its link lists,
    whatever the language and although its French programme's slug differs."""
    tree = programmes_tree
    emergency_call = CallPageFactory(parent=tree.emergency, title="Appel d'urgence Liban")
    for code in LANGUAGES:
        listed = listed_by_link(client, tree.emergency_in[code], output)
        assert listed == expected([emergency_call], output), code


@pytest.mark.parametrize("output", OUTPUTS)
def test_odyssees_link_still_lists_its_own_calls(client, programmes_tree, output):
    tree = programmes_tree
    for code in LANGUAGES:
        odyssee = (
            tree.programme
            if code == "fr"
            else tree.programme.get_translation(Locale.objects.get(language_code=code))
        )
        assert listed_by_link(client, odyssee, output) == expected(tree.calls_in[code], output)


def test_the_french_slug_filters_in_every_language(client, programmes_tree):
    """An old link with the French slug, on another language's calls page, still filters."""
    tree = programmes_tree
    CallPageFactory(parent=tree.emergency, title="Appel d'urgence Liban")
    spanish = tree.calls_index.get_translation(Locale.objects.get(language_code="es"))
    soup = soup_of(client.get(spanish.url, {"programme": "programmes-d-urgence"}))
    titles = [title.get_text(strip=True) for title in soup.select("#results .card__title")]
    assert titles == ["Appel d'urgence Liban"]
    option = soup.select_one("#filter-programme option[selected]")
    assert option["value"] == "programas-de-emergencia"


def test_every_programme_is_an_option_counted(client, programmes_tree):
    soup = soup_of(client.get(programmes_tree.calls_index.url))
    options = {
        option["value"]: option.get_text(strip=True)
        for option in soup.select("#filter-programme option")
        if option["value"]
    }
    assert options == {"odyssee": "Odyssée (1)", "programmes-d-urgence": "Programmes d'urgence (0)"}
