"""axe-core finds no serious or critical violation on the main pages, in French and Arabic.

Each page is loaded in Debian's Chromium from the live demo site, with its
scripts run (the directory's map is drawn, the search box is enhanced), then
checked with axe-core's default rules.
"""

import pytest

from tests.browser.axe import assert_no_blocking_violations

# One xdist worker builds the live site (with -n N, run with --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

KINDS = ["home", "directory", "centre", "programme", "call", "calls", "news", "search", "enquiry"]


def footer_links(page):
    return page.locator(".site-footer a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_french_page_has_no_serious_violation(page, demo_pages, statement_by_language, kind):
    response = page.goto(demo_pages[kind].french)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_no_blocking_violations(page, f"the {kind} page ({demo_pages[kind].french})")
    # The RGAA asks for the accessibility statement to be one link away from every page.
    assert statement_by_language["fr"] in footer_links(page)


@pytest.mark.parametrize("kind", KINDS)
def test_arabic_page_has_no_serious_violation(page, demo_pages, kind):
    """The Arabic translation; for a page the demo has not translated (a centre, a
    news item), the Arabic home page the language switcher leads to instead."""
    target = demo_pages[kind]
    response = page.goto(target.arabic)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    if not target.arabic_is_translation:
        assert page.locator(".notice--language").is_visible()
    assert_no_blocking_violations(page, f"the Arabic {kind} page ({target.arabic})")


def test_the_accessibility_statement_has_no_serious_violation(page, statement_by_language):
    response = page.goto(statement_by_language["fr"])
    assert response.status == 200
    assert_no_blocking_violations(page, "the accessibility statement")


def test_english_pages_link_to_the_accessibility_statement(page, statement_by_language):
    page.goto("/en/")
    assert "en" in statement_by_language, "the demo's statement has an English translation"
    assert statement_by_language["en"] in footer_links(page)


def test_arabic_pages_link_to_the_accessibility_statement(page, statement_by_language):
    page.goto("/ar/")
    assert statement_by_language.get("ar") in footer_links(page)
