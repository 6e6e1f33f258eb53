"""The maps' markers are pointer targets of 24 × 24 CSS pixels at least, none covering another.

Lighthouse's ``target-size`` audit (axe-core's rule of the same name, WCAG 2.2
success criterion 2.5.8) failed on the directory: the French centres' pins lay
on top of each other, so most of them offered a sliver to click or tap (issue
12, item 15). Markers that would overlap are now grouped into one numbered
marker, which zooms in when pressed.
"""

import pytest

from tests.browser.axe import run_axe_rules
from tests.browser.maps import MARKERS, centres_on_map

# One xdist worker builds the live site (with -n N, run with --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

MIN_TARGET = 24

BOXES = """selector => [...document.querySelectorAll(selector)].map(element => {
    const box = element.getBoundingClientRect();
    return {left: box.left, top: box.top, right: box.right, bottom: box.bottom,
            width: box.width, height: box.height, name: element.getAttribute('aria-label')
                || element.getAttribute('alt')};
})"""


def marker_boxes(page):
    page.locator(MARKERS).first.wait_for()
    return page.evaluate(BOXES, MARKERS)


def overlapping(boxes):
    return [
        (first["name"], second["name"])
        for index, first in enumerate(boxes)
        for second in boxes[index + 1 :]
        if first["left"] < second["right"]
        and second["left"] < first["right"]
        and first["top"] < second["bottom"]
        and second["top"] < first["bottom"]
    ]


def assert_markers_are_large_enough_targets(page, where):
    boxes = marker_boxes(page)
    small = [box for box in boxes if box["width"] < MIN_TARGET or box["height"] < MIN_TARGET]
    assert not small, f"Markers smaller than {MIN_TARGET} px on {where}: {small}"
    assert not overlapping(boxes), f"Markers covering each other on {where}"
    results = run_axe_rules(page, ["target-size"], ".centre-map")
    assert results["passes"], "axe-core checked the map's targets"
    assert not results["violations"], [
        node["failureSummary"] for node in results["violations"][0]["nodes"][:5]
    ]
    return boxes


@pytest.fixture(params=["desktop", "phone"])
def tab(request, page, phone):
    return page if request.param == "desktop" else phone


def test_directory_markers_are_large_separate_targets(tab, demo_pages, shoot):
    tab.goto(demo_pages["directory"].french)
    boxes = assert_markers_are_large_enough_targets(tab, "the directory")
    shoot(tab, "directory-map")
    # Every centre of the list is on the map, alone or in a group.
    assert centres_on_map(tab) == tab.locator("#results .card__link").count()
    assert len(boxes) == tab.locator(MARKERS).count()


def test_a_group_of_markers_zooms_in_when_pressed(page, demo_pages, shoot):
    page.goto(demo_pages["directory"].french)
    group = page.locator(".centre-map__cluster").first
    group.wait_for()
    assert group.get_attribute("role") == "button"
    count = int(group.inner_text())
    assert str(count) in group.get_attribute("aria-label")
    before = page.locator(MARKERS).count()
    group.focus()
    page.keyboard.press("Enter")
    # Zoomed in: the group's centres are drawn apart, alone or in smaller groups.
    page.wait_for_function(f"() => document.querySelectorAll('{MARKERS}').length > {before}")
    # Focus stays on the map, on one of the markers of the group.
    assert page.evaluate("() => document.activeElement.matches('.leaflet-marker-icon')")
    assert_markers_are_large_enough_targets(page, "the directory, zoomed in")
    shoot(page, "directory-map-zoomed-in")


def test_a_centres_marker_is_a_large_target(tab, demo_pages, shoot):
    tab.goto(demo_pages["centre"].french)
    [box] = assert_markers_are_large_enough_targets(tab, "a centre's page")
    assert box["name"]
    tab.locator(".centre-map").scroll_into_view_if_needed()
    shoot(tab, "centre-map", full_page=False)
