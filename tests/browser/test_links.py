"""Every page can be reached by following links from the home page.

The governance, team and partners pages were in the sitemap but linked from no
page (issue 12, item 15): a visitor could not find them. Here the site is
walked as a visitor walks it, from each language's home page, link by link in
the rendered HTML, and every page the sitemap lists must be met on the way.
Then the association's pages are reached in the browser through the menu and
the section navigation, in French and in English (where they are translated).
"""

import urllib.request
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest

from tests.browser.test_rendered_text import sitemap_paths

# One xdist worker builds the live site (with -n N, run with --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

HOMES = ("/fr/", "/en/", "/es/", "/ar/")
# Addresses that are not pages: feeds, calendars, files, the API.
NOT_PAGES = ("/rss/", "/atom/", "/deadlines/", "/calendar/", "/media/", "/static/", "/api/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the local site
        if "text/html" not in response.headers.get("Content-Type", ""):
            return None
        return response.read().decode("utf-8")


def followed(base, href, netloc):
    """The path (and page number) a visitor reaches by following ``href``, or None.

    Links to other hosts, to files and feeds are not followed, nor are the
    listings' filters (each combination is the same pages again); pagination is.
    """
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("http", "https") or url.netloc != netloc:
        return None
    if any(part in url.path for part in NOT_PAGES) or "/search/" in url.path:
        return None
    query = dict(parse_qsl(url.query))
    if query and set(query) != {"page"}:
        return None
    return url.path + (f"?page={query['page']}" if query else "")


def crawl(live_site):
    """Every path reached from the home pages by following links."""
    seen = set(HOMES)
    queue = list(HOMES)
    while queue:
        path = queue.pop()
        html = fetch(live_site.url + path)
        if html is None:
            continue
        parser = LinkParser()
        parser.feed(html)
        for href in parser.hrefs:
            target = followed(live_site.url + path, href, live_site.netloc)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return {path.split("?")[0] for path in seen}


def test_every_page_of_the_sitemap_is_reached_by_links_from_the_home_page(live_site):
    pages = set(sitemap_paths(live_site))
    assert len(pages) > 50
    unreached = sorted(pages - crawl(live_site))
    assert not unreached, f"No link leads to {len(unreached)} page(s): {unreached}"


SECTION_NAV_NAME = {"fr": "Dans cette rubrique", "en": "In this section"}
ASSOCIATION = {
    "fr": ("/fr/", "Les missions", ["Gouvernance", "Équipe", "Partenaires"]),
    "en": ("/en/", "Our missions", ["Governance", "Team", "Partners"]),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_association_pages_are_reached_from_the_menu(page, language, shoot):
    home, missions, sub_pages = ASSOCIATION[language]
    page.goto(home)
    with page.expect_navigation():
        page.locator(".main-nav").get_by_role("link", name=missions, exact=True).click()
    section = page.get_by_role("navigation", name=SECTION_NAV_NAME[language])
    assert section.get_by_role("link").all_inner_texts()[-len(sub_pages) :] == sub_pages
    shoot(page, f"{language}-missions")
    for title in sub_pages:
        with page.expect_navigation():
            section.get_by_role("link", name=title, exact=True).click()
        assert page.locator("main h1").inner_text() == title
        # From each one, the others and the section's first page are one link away.
        section = page.get_by_role("navigation", name=SECTION_NAV_NAME[language])
        assert section.get_by_role("link", name=missions, exact=True).is_visible()
        current = section.locator("[aria-current=page]")
        assert current.inner_text() == title
        shoot(page, f"{language}-{title}")
