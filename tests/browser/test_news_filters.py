"""Listings filtered the way a visitor does it: pick a value, read the counts, remove the
filter. The French news index and the Arabic directory (the demo does not translate
the news index), at desktop and phone widths.

The news and advocacy filters are counted like the directory's and rendered by the
same include (issue 14): each option says how many items it gives with the other
filters kept, and each active filter is listed with a link that removes it.
"""

import re

import pytest

from tests.browser.test_listings_in_french import menu_page_with, number_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

COUNTED = re.compile(r"^(?P<label>.+) \((?P<count>\d+)\)$")


@pytest.fixture(params=["desktop", "phone"])
def tab(request):
    return request.getfixturevalue("page" if request.param == "desktop" else "phone")


def options(select):
    """``[(value, label, count), ...]`` of a filter's select, "all" first."""
    found = []
    for option in select.locator("option").all():
        match = COUNTED.match(option.inner_text().strip())
        assert match, f"an option without its count: {option.inner_text()!r}"
        found.append((option.get_attribute("value"), match["label"], int(match["count"])))
    return found


def results_count(tab):
    return number_in(tab.locator("#results-heading").inner_text())


@pytest.mark.parametrize(
    ("home", "first", "second", "page_size"),
    [("/fr/", "category", "tag", 12), ("/ar/", "country", "discipline", 24)],
)
def test_a_visitor_filters_a_listing_and_removes_the_filter(
    tab, shoot, home, first, second, page_size
):
    index = menu_page_with(tab, home, f"#filter-{first}")
    total = results_count(tab)
    select = tab.locator(f"#filter-{first}")
    every, *choices = options(select)
    assert every[0] == "" and every[2] == total
    value, label, count = max(choices, key=lambda choice: choice[2])
    assert 0 < count < total, choices
    shoot(tab, "listing")

    select.select_option(value)
    with tab.expect_navigation():
        tab.locator(".filters .button").click()
    assert f"{first}={value}" in tab.url
    assert results_count(tab) == count
    assert tab.locator("#results .card").count() == min(count, page_size)
    chip = tab.locator(".filters__active .tag--link")
    assert chip.count() == 1 and label in chip.inner_text()
    # The other filter now counts among the selected items only.
    other_counts = [number for _value, _label, number in options(tab.locator(f"#filter-{second}"))]
    assert other_counts[0] == count and max(other_counts[1:]) <= count
    shoot(tab, "filtered")

    with tab.expect_navigation():
        chip.click()
    assert tab.url.split("#")[0] == index.split("#")[0]
    assert results_count(tab) == total
    assert tab.locator(".filters__active").count() == 0
    shoot(tab, "filter-removed")
