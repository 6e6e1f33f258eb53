"""Keyboard-only use: the menu, the language switcher, the search suggestions, the map.

Only the keyboard moves through the pages here (Tab, Enter, arrows, Escape);
what has focus is read from ``document.activeElement``.
"""

import re

import pytest

from tests.browser.axe import assert_no_blocking_violations

# One xdist worker builds the live site (with -n N, run with --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# A page's header holds about ten stops; the directory's filters and map a few dozen.
MAX_TABS = 60

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        classes: element.className,
        href: element.getAttribute("href"),
        text: element.textContent.trim(),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_until(page, selector, max_tabs=MAX_TABS):
    """Press Tab until the element matching ``selector`` has focus; the stops passed on the way."""
    stops = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return stops
    raise AssertionError(
        f"{selector} not reached in {max_tabs} Tab presses; focus went through "
        f"{[(stop['tag'], stop['classes'], stop['text'][:30]) for stop in stops]}"
    )


@pytest.mark.parametrize("home", ["/fr/", "/ar/"])
def test_tab_reaches_the_skip_link_first_then_the_menu_in_order(page, home):
    page.goto(home)
    menu = page.locator(".main-nav__link").evaluate_all("links => links.map(a => a.href)")
    assert menu, "the demo has a main menu"

    page.keyboard.press("Tab")
    first = focused(page)
    assert "skip-link" in first["classes"] and first["href"] == "#main"
    assert page.locator(".skip-link").is_visible()

    stops = [first, *tab_until(page, ".main-nav__item:last-child .main-nav__link")]
    stops_on_menu = [
        page.evaluate("href => new URL(href, location.href).href", stop["href"])
        for stop in stops
        if "main-nav__link" in stop["classes"]
    ]
    assert stops_on_menu == menu
    # Every stop shows where focus is.
    hidden_focus = [stop for stop in stops if not (stop["outline"] or stop["shadow"])]
    assert not hidden_focus, f"No visible focus indicator on {hidden_focus}"


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/fr/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_language_switcher_works_with_the_keyboard(page, demo_pages):
    page.goto(demo_pages["directory"].french)
    english = page.locator('.language-switcher a[hreflang="en"]')
    expected = english.get_attribute("href")
    tab_until(page, '.language-switcher a[hreflang="en"]')
    assert focused(page)["outline"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(expected)
    assert page.locator("html").get_attribute("lang") == "en"


def test_language_switcher_says_when_a_page_is_not_translated(page, demo_pages):
    """From a centre the demo has not translated into Arabic, Enter on "العربيّة"
    leads to the Arabic home page, which says so."""
    centre = demo_pages["centre"]
    if centre.arabic_is_translation:
        pytest.skip("the demo's centres are translated into Arabic: nothing to fall back from")
    page.goto(centre.french)
    tab_until(page, '.language-switcher a[hreflang="ar"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".notice--language[role=status]").is_visible()


def open_suggestions(page, query):
    page.goto("/fr/")
    search = page.locator("#header-search-q")
    tab_until(page, "#header-search-q")
    page.keyboard.type(query)
    page.wait_for_function(
        "() => document.getElementById('header-search-q').getAttribute('aria-expanded') === 'true'"
    )
    return search


def test_search_suggestions_follow_the_combobox_pattern(page):
    search = open_suggestions(page, "residence")
    listbox = page.locator("#" + search.get_attribute("aria-controls"))
    options = listbox.get_by_role("option")
    assert listbox.is_visible() and options.count() >= 2
    assert search.get_attribute("role") == "combobox"
    # The open list passes axe-core as well.
    assert_no_blocking_violations(page, "the search suggestions")

    page.keyboard.press("ArrowDown")
    first = options.nth(0).get_attribute("id")
    assert search.get_attribute("aria-activedescendant") == first
    assert options.nth(0).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    assert search.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "false"
    page.keyboard.press("ArrowUp")
    assert search.get_attribute("aria-activedescendant") == first
    # Focus never leaves the search field while choosing.
    assert focused(page)["id"] == "header-search-q"

    page.keyboard.press("Escape")
    assert search.get_attribute("aria-expanded") == "false"
    assert search.get_attribute("aria-activedescendant") is None
    assert not listbox.is_visible()


def test_enter_on_a_suggestion_opens_its_page(page):
    search = open_suggestions(page, "residence")
    option = page.locator("#" + search.get_attribute("aria-controls")).get_by_role("option").first
    target = option.get_attribute("href")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(target)


def test_enter_without_a_chosen_suggestion_searches(page):
    open_suggestions(page, "residence")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/fr/search/\?q=residence$", page.url)


def test_the_map_can_be_skipped_to_the_list_of_centres(page, demo_pages):
    page.goto(demo_pages["directory"].french)
    stops = tab_until(page, ".centre-map__skip")
    assert not any("card__link" in stop["classes"] for stop in stops)
    skip = page.locator(".centre-map__skip")
    assert skip.is_visible()
    assert focused(page)["outline"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "results"
    page.keyboard.press("Tab")
    first_centre = page.locator("#results .card__link").first
    assert focused(page)["href"] == first_centre.get_attribute("href")


def test_every_centre_of_the_list_is_reachable_by_tab(page, demo_pages):
    """Without the skip link, Tab goes through the map and then the whole list."""
    page.goto(demo_pages["directory"].french)
    centres = page.locator("#results .card__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    last = centres[-1]
    stops = tab_until(page, f'#results .card__link[href="{last}"]', max_tabs=MAX_TABS * 2)
    reached = [stop["href"] for stop in stops if "card__link" in stop["classes"]]
    assert reached == centres


def test_map_markers_are_focusable_and_open_their_card(page, demo_pages):
    """A centre's own marker (not a group of centres, see test_map.py) opens its card."""
    page.goto(demo_pages["directory"].french)
    markers = page.locator(".centre-map .leaflet-marker-icon")
    assert markers.count() > 1
    tab_until(page, ".centre-map .leaflet-marker-icon:not(.centre-map__cluster)")
    marker = focused(page)
    assert marker["outline"]
    name = page.evaluate("document.activeElement.getAttribute('alt')")
    assert name and page.evaluate("document.activeElement.getAttribute('role')") == "button"

    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    # Focus moves to the centre's link in the card, named like the marker.
    assert focused(page)["text"] == name
    assert "map-card__link" in focused(page)["classes"]
    # Leaflet fades the card in: check its contrast once it is fully shown.
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    assert_no_blocking_violations(page, "the directory with a centre's card open")

    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert page.evaluate("document.activeElement.getAttribute('alt')") == name


def test_the_map_does_not_animate_for_visitors_who_ask_for_less_motion(page, demo_pages):
    page.goto(demo_pages["directory"].french)
    map_classes = page.locator(".centre-map .leaflet-container").get_attribute("class")
    assert "leaflet-fade-anim" in map_classes

    page.emulate_media(reduced_motion="reduce")
    page.goto(demo_pages["directory"].french)
    map_classes = page.locator(".centre-map .leaflet-container").get_attribute("class")
    assert "leaflet-fade-anim" not in map_classes
    assert "leaflet-zoom-anim" not in map_classes


def test_enquiry_form_errors_take_the_focus(page, demo_pages):
    """Sent empty with the keyboard, the form comes back with the summary of errors
    focused, and that state passes axe-core too."""
    page.goto(demo_pages["enquiry"].french)
    tab_until(page, "main form [type=submit]", max_tabs=MAX_TABS)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    # Each error links to its field; following the first one puts the focus in that field.
    page.keyboard.press("Tab")
    field_id = focused(page)["href"].lstrip("#")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == field_id
    assert_no_blocking_violations(page, "the enquiry form with errors")
