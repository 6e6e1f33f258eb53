"""No page shows template syntax: not in its visible text, not in its title.

A Django comment ``{# … #}`` spread over two lines is not a comment: it is
printed as text. One was shown as the site name in the header of every page
(issue 12, item 11). Every live page of the demo, in every language, is walked
from the site's own sitemap, plus the views that are not pages (search and
alerts, in each language).
"""

import urllib.request
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

# One xdist worker builds the live site (with -n N, run with --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LANGUAGES = ("fr", "en", "es", "ar")
# Views that are not Wagtail pages, hence not in the sitemap.
VIEWS = ("/{lang}/search/?q=residence", "/{lang}/search/", "/{lang}/alerts/")


def sitemap_paths(live_site):
    """The path of every page the sitemap lists (its URLs carry the Site's host, not ours)."""
    with urllib.request.urlopen(f"{live_site.url}/sitemap.xml", timeout=30) as response:  # noqa: S310 - local
        tree = ElementTree.fromstring(response.read())  # noqa: S314 - our own sitemap
    return [urlsplit(loc.text).path for loc in tree.iterfind("sm:url/sm:loc", SITEMAP_NS)]


def template_syntax_in(text):
    return [marker for marker in TEMPLATE_SYNTAX if marker in text]


def test_no_page_shows_template_syntax(page, live_site, shoot):
    paths = sitemap_paths(live_site)
    assert len(paths) > 50, "the demo's sitemap lists its pages in four languages"
    assert {path.split("/")[1] for path in paths} == set(LANGUAGES)
    paths += [view.format(lang=lang) for lang in LANGUAGES for view in VIEWS]

    # Images and fonts change no text: leave them out, the walk is faster.
    page.route("**/*.{jpg,jpeg,png,webp,avif,gif,woff2}", lambda route: route.abort())
    problems = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        found = template_syntax_in(page.title()) + template_syntax_in(
            page.locator("body").inner_text()
        )
        if found:
            problems[path] = sorted(set(found))
            if len(problems) <= 3:
                shoot(page, "template-syntax-" + path.strip("/").replace("/", "-"), full_page=False)
        if path.rstrip("/") in ("/fr", "/ar"):
            shoot(page, "home-" + path.strip("/"), full_page=False)
    assert not problems, (
        f"Template syntax shown on {len(problems)} of {len(paths)} pages, e.g. "
        f"{dict(list(problems.items())[:10])}"
    )
