"""Absolute URLs have one source, the Wagtail Site: never the Host a request came with.

Page URLs, the sitemap and the feeds came from the Site (*Settings → Sites*)
while the sharing image, the ``Sitemap:`` line of robots.txt and the hreflang
links of the search page came from the request (issue 12, item 15). Here the
Site is given a public address, and each page is asked for under three other
host names the site accepts: what it says about itself must not change.
"""

import re

import pytest
import wagtail_factories

from enquiries.tests.factories import build_enquiry_form

pytestmark = pytest.mark.django_db

PUBLIC_ROOT = "https://www.example.org"
REQUEST_HOSTS = ("testserver", "localhost", "127.0.0.1")
ABSOLUTE_URL = re.compile(r"""https?://[^\s"'<>\\]+""")
# Addresses of other sites a page links to on purpose.
ELSEWHERE = (
    "https://schema.org",
    "https://www.linkedin.com/",
    "https://www.facebook.com/",
    "https://twitter.com/",
    "https://bsky.app/",
    "http://www.w3.org/",
    "http://www.sitemaps.org/",
    "http://www.google.com/",
    "https://www.defenseurdesdroits.fr",
    "https://tile.openstreetmap.org/",
    "https://www.openstreetmap.org/",
)


@pytest.fixture
def public_site(multilingual_tree):
    """The site in four languages (the search page then has hreflang links), at a public address."""
    tree = multilingual_tree
    tree.site.hostname, tree.site.port = "www.example.org", 443
    tree.site.save()
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900, title="Cloître")
    for page in (tree.news, tree.centre):
        setattr(page, "hero_image" if page is tree.centre else "image", image)
        page.save_revision().publish()
    tree.position.image = image
    tree.position.save_revision().publish()
    tree.form = build_enquiry_form(tree.label)
    return tree


def absolute_urls(client, url, host):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, host)
    found = ABSOLUTE_URL.findall(response.content.decode())
    return sorted({url for url in found if not url.startswith(ELSEWHERE)})


@pytest.mark.parametrize(
    "address",
    [
        "home",
        "news",
        "position",
        "centre",
        "call",
        "standard",
        "form",
        "/fr/search/?q=odyssee",
        "/fr/alerts/",
        "/robots.txt",
        "/sitemap.xml",
        "news rss",
        "calls deadlines",
    ],
)
def test_absolute_urls_come_from_the_site_whatever_the_host(client, public_site, address):
    tree = public_site
    urls = {
        "news rss": tree.news_index.url + "rss/",
        "calls deadlines": tree.call_index.url + "deadlines/",
    }
    url = address if address.startswith("/") else urls.get(address) or getattr(tree, address).url
    by_host = {host: absolute_urls(client, url, host) for host in REQUEST_HOSTS}
    found = by_host[REQUEST_HOSTS[0]]
    assert found, f"{url} names no absolute URL"
    outside = [absolute for absolute in found if not absolute.startswith(PUBLIC_ROOT + "/")]
    assert not outside, f"{url}: absolute URLs not on the Site's root ({PUBLIC_ROOT}): {outside}"
    for host, urls_found in by_host.items():
        assert urls_found == found, f"{url} asked for as {host}"


def test_robots_txt_points_to_the_sitemap_on_the_site(client, public_site):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert f"Sitemap: {PUBLIC_ROOT}/sitemap.xml" in response.content.decode().splitlines()


def test_the_sharing_image_is_on_the_site(client, public_site):
    html = client.get(public_site.news.url, HTTP_HOST="127.0.0.1").content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith(PUBLIC_ROOT + "/media/images/"), image
