"""The sitemap lists every language's pages with hreflang alternates; robots.txt points to it."""

import xml.etree.ElementTree as ET

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsPageFactory
from portal.tests.translation import translate

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        lastmod = url.find("s:lastmod", NS)
        entries[location] = {
            "alternates": alternates,
            "lastmod": lastmod.text if lastmod is not None else None,
        }
    return entries


def test_sitemap_covers_every_language(client, multilingual_tree):
    tree = multilingual_tree
    tree.news.save_revision().publish()
    entries = _sitemap(client)
    for page in (tree.home, tree.en_home, tree.es_home, tree.ar_home, tree.news, tree.en_news):
        assert page.full_url in entries, page.full_url
    assert tree.centre.full_url in entries
    assert entries[tree.news.full_url]["lastmod"]


def test_sitemap_alternates_list_each_translation_and_x_default(client, multilingual_tree):
    tree = multilingual_tree
    entries = _sitemap(client)
    expected = {
        "fr": tree.news.full_url,
        "en": tree.en_news.full_url,
        "ar": tree.ar_news.full_url,
        "x-default": tree.news.full_url,
    }
    assert entries[tree.news.full_url]["alternates"] == expected
    assert entries[tree.en_news.full_url]["alternates"] == expected
    assert entries[tree.es_home.full_url]["alternates"]["es"] == tree.es_home.full_url
    # A page that exists only in French has no alternates.
    assert entries[tree.standard.full_url]["alternates"] == {}


def test_sitemap_leaves_out_drafts_and_private_pages(client, multilingual_tree):
    tree = multilingual_tree
    item = NewsPageFactory(parent=tree.news_index, title="Brève")
    draft = translate(item, "en", {"Brève": "Brief"}, publish=False)
    private = StandardPageFactory(parent=tree.home, title="Espace membres", slug="membres")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Membres")])
    entries = _sitemap(client)
    assert item.full_url in entries
    assert draft.full_url not in entries
    assert entries[item.full_url]["alternates"] == {}
    assert private.full_url not in entries


def test_sitemap_queries_do_not_grow_with_pages(client, multilingual_tree):
    tree = multilingual_tree

    def count():
        with CaptureQueriesContext(connection) as queries:
            _sitemap(client)
        return len(queries)

    count()  # the first request fills the caches of sites and locales
    before = count()
    for number in range(3):
        item = NewsPageFactory(parent=tree.news_index, title=f"Brève {number}")
        translate(item, "en", {f"Brève {number}": f"Brief {number}"})
    assert count() == before


def test_robots_txt(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /*/search/" in lines
    # On the Site's root URL, like the sitemap's own addresses (not the request's host).
    assert f"Sitemap: {site_tree.site.root_url}/sitemap.xml" in lines


def test_favicon_ico_leads_to_the_site_icon_that_pages_link_to(client, site_tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = response["Location"]
    assert icon.endswith(".svg")
    assert f'<link rel="icon" href="{icon}" type="image/svg+xml">' in (
        client.get(site_tree.home.url).content.decode()
    )
