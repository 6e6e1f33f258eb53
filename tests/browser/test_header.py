"""The header on a phone and on a desktop, in French and in Arabic, with and without JavaScript.

On a 390 px wide phone the header used to fill the first screen (brand,
languages, search box and a seven-item menu on four lines) and the search
button overflowed to the right (issue 12, item 14). The main menu is now a
disclosure on narrow screens: a *Menu* button (``<details>``/``<summary>``,
which needs no script) opens and closes it, the search box is in it, and the
languages stay in sight. On a desktop the menu and the search box are shown
as before, with no button.
"""

import pytest

from tests.browser.axe import assert_no_blocking_violations
from tests.browser.conftest import DESKTOP, PHONE, local_context

# One xdist worker builds the live site (with -n N, run with --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

HOMES = {"fr": "/fr/", "ar": "/ar/"}
MENU_LABEL = {"fr": "Menu", "ar": "القائمة"}
TOGGLE = ".site-menu__toggle"
MENU_LINKS = ".main-nav__link"
SEARCH = "#header-search-q"
# The header, menu closed, leaves at least three quarters of the first screen to the page.
MAX_PHONE_HEADER = PHONE["height"] / 4

GEOMETRY = """() => {
    const box = element => element && element.getBoundingClientRect();
    const header = box(document.querySelector('.site-header'));
    const heading = box(document.querySelector('main h1'));
    const outside = [...document.querySelectorAll('.site-header *')]
        .filter(element => element.getClientRects().length)
        .filter(element => {
            const rect = element.getBoundingClientRect();
            return rect.width && (rect.left < -0.5 || rect.right > %(width)s + 0.5);
        })
        .map(element => element.tagName.toLowerCase() + '.' + element.className);
    return {
        header_height: header.height,
        heading_top: heading && heading.top,
        heading_bottom: heading && heading.bottom,
        scroll_width: document.documentElement.scrollWidth,
        outside_header: outside,
    };
}"""


def geometry(page, width=PHONE["width"]):
    return page.evaluate(GEOMETRY % {"width": width})


def menu_is_open(page):
    return page.locator(".site-menu").evaluate("details => details.open")


def visible_menu_links(page):
    return [link for link in page.locator(MENU_LINKS).all() if link.is_visible()]


def assert_phone_header_leaves_room_for_the_content(page):
    measured = geometry(page)
    assert measured["header_height"] <= MAX_PHONE_HEADER, (
        f"The header is {measured['header_height']:.0f} px high on a {PHONE['height']} px screen"
    )
    assert measured["heading_top"] is not None, "the page has a main heading"
    assert measured["heading_bottom"] <= PHONE["height"], (
        f"The main heading ends at {measured['heading_bottom']:.0f} px, below the first screen"
    )
    assert measured["scroll_width"] <= PHONE["width"], measured
    assert not measured["outside_header"], measured


def open_and_close_the_menu(page, language, shoot):
    """The phone's menu: closed at first, opened then closed by its button."""
    toggle = page.locator(TOGGLE)
    assert toggle.is_visible()
    assert toggle.inner_text().strip() == MENU_LABEL[language]
    assert not menu_is_open(page)
    assert not visible_menu_links(page), "the menu is closed until asked for"
    assert page.locator(".language-switcher a").first.is_visible(), "languages stay in sight"
    assert_phone_header_leaves_room_for_the_content(page)
    shoot(page, f"{language}-phone-menu-closed", full_page=False)

    toggle.click()
    assert menu_is_open(page)
    links = visible_menu_links(page)
    assert len(links) == page.locator(MENU_LINKS).count() > 3
    assert page.locator(SEARCH).is_visible()
    measured = geometry(page)
    assert measured["scroll_width"] <= PHONE["width"], measured
    assert not measured["outside_header"], measured
    shoot(page, f"{language}-phone-menu-open", full_page=False)

    toggle.click()
    assert not menu_is_open(page)
    assert not visible_menu_links(page)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_phone_menu_opens_and_closes(phone, language, shoot):
    phone.goto(HOMES[language])
    assert phone.locator("html").get_attribute("lang") == language
    assert_no_blocking_violations(phone, f"the {language} home page on a phone, menu closed")
    open_and_close_the_menu(phone, language, shoot)
    phone.locator(TOGGLE).click()
    assert_no_blocking_violations(phone, f"the {language} home page on a phone, menu open")


@pytest.fixture
def phone_without_javascript(chromium, live_site, outside_requests):
    context = local_context(
        chromium,
        live_site,
        outside_requests,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    yield context.new_page()
    context.close()
    assert not outside_requests.urls, outside_requests.urls


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_phone_menu_works_without_javascript(phone_without_javascript, language, shoot):
    page = phone_without_javascript
    page.goto(HOMES[language])
    assert page.evaluate("() => !document.getElementById('header-search-q').role"), (
        "scripts did not run (the search box is not enhanced)"
    )
    open_and_close_the_menu(page, language, shoot)

    # The search box in the menu is a plain form.
    page.locator(TOGGLE).click()
    page.locator(SEARCH).fill("odyssee")
    with page.expect_navigation():
        page.locator(SEARCH).press("Enter")
    assert f"/{language}/search/?q=odyssee" in page.url
    assert page.locator("main h1").is_visible()
    shoot(page, f"{language}-phone-search-results", full_page=False)


def test_phone_menu_with_the_keyboard(phone, shoot):
    """Tab reaches the button, Enter opens the menu, Tab goes on into it, Enter closes it."""
    phone.goto("/fr/")
    for _ in range(12):
        phone.keyboard.press("Tab")
        if phone.evaluate("s => document.activeElement.matches(s)", TOGGLE):
            break
    else:
        raise AssertionError("Tab never reached the menu button")
    assert (
        phone.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    ), "the focused button shows it"
    phone.keyboard.press("Enter")
    assert menu_is_open(phone)
    phone.keyboard.press("Tab")
    assert phone.evaluate("() => document.activeElement.id") == "header-search-q"
    shoot(phone, "menu-open-by-keyboard", full_page=False)
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Enter")
    assert not menu_is_open(phone)
    assert not visible_menu_links(phone)


@pytest.fixture(scope="module")
def page_kinds(demo_pages, statement_by_language):
    """Every kind of page, French and Arabic addresses (the Arabic home where untranslated)."""
    kinds = {kind: (target.french, target.arabic) for kind, target in demo_pages.items()}
    kinds["news index"] = ("/fr/actualites/", demo_pages["home"].arabic)
    kinds["standard page"] = (statement_by_language["fr"], statement_by_language["ar"])
    return kinds


KINDS = [
    "home",
    "directory",
    "centre",
    "programme",
    "call",
    "calls",
    "news",
    "news index",
    "search",
    "enquiry",
    "standard page",
]


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_page_overflows_a_phone(phone, page_kinds, kind, language, shoot):
    french, arabic = page_kinds[kind]
    response = phone.goto(french if language == "fr" else arabic)
    assert response.status == 200
    assert phone.locator("html").get_attribute("lang") == language
    assert_phone_header_leaves_room_for_the_content(phone)
    overflowing = phone.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(element => element.getClientRects().length)
            .filter(element => {
                const rect = element.getBoundingClientRect();
                return rect.width && rect.height && (rect.left < -0.5 || rect.right > width + 0.5);
            })
            // Left alone: what is positioned out of the way on purpose (the enquiry
            // form's trap for robots, the map's panes) and what scrolls in its own box.
            .filter(element => getComputedStyle(element).position !== 'absolute')
            .filter(element => {
                let box = element.parentElement;
                for (; box !== document.body; box = box.parentElement) {
                    if (getComputedStyle(box).overflowX !== 'visible') return false;
                }
                return true;
            })
            .map(element => element.tagName.toLowerCase() + '.' + element.className)
            .slice(0, 10)""",
        PHONE["width"],
    )
    assert not overflowing, f"Wider than the phone: {overflowing}"
    shoot(phone, f"{language}-{kind.replace(' ', '-')}")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_desktop_header_shows_the_menu_and_search_without_a_button(page, language, shoot):
    page.goto(HOMES[language])
    assert not page.locator(TOGGLE).is_visible()
    links = page.locator(MENU_LINKS)
    assert links.count() > 3
    assert len(visible_menu_links(page)) == links.count()
    assert page.locator(SEARCH).is_visible()
    assert page.locator(".language-switcher a").first.is_visible()
    measured = geometry(page, DESKTOP["width"])
    assert measured["scroll_width"] <= DESKTOP["width"]
    assert not measured["outside_header"], measured
    # The menu runs on one line under the brand, the languages and the search box.
    tops = {round(link.bounding_box()["y"]) for link in links.all()}
    assert len(tops) == 1, f"The menu wraps on {len(tops)} lines"
    assert min(tops) > page.locator(SEARCH).bounding_box()["y"]
    # In Arabic the brand is on the right, in French on the left.
    brand = page.locator(".brand").bounding_box()
    if language == "ar":
        assert brand["x"] + brand["width"] > DESKTOP["width"] / 2
    else:
        assert brand["x"] < DESKTOP["width"] / 2
    shoot(page, f"{language}-desktop", full_page=False)
