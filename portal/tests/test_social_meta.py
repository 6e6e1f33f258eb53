"""Open Graph and Twitter card tags, and share links that load nothing from third parties."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import wagtail_factories


class MetaCollector(HTMLParser):
    """Collects ``<meta property|name content>`` pairs and the ``<a>`` of the share list."""

    def __init__(self):
        super().__init__()
        self.meta = []
        self.links = []
        self.scripts = []
        self.images = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.append((attrs.get("property") or attrs.get("name"), attrs.get("content")))
        elif tag == "a" and "share__link" in (attrs.get("class") or ""):
            self.links.append(attrs)
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "img":
            self.images.append(attrs.get("src", ""))


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    collector = MetaCollector()
    collector.feed(response.content.decode())
    return collector


def _values(collector, key):
    return [content for name, content in collector.meta if name == key]


def test_news_item_has_article_open_graph_tags_with_its_image(client, site_tree):
    news = site_tree.news
    news.image = wagtail_factories.ImageFactory(
        file__width=2400, file__height=1600, title="Salle voûtée"
    )
    news.save_revision().publish()
    meta = _parse(client, news.url)
    assert _values(meta, "og:type") == ["article"]
    assert _values(meta, "og:title") == ["Rencontre annuelle"]
    assert _values(meta, "og:description") == [news.lead]
    assert _values(meta, "og:url") == [news.full_url]
    assert _values(meta, "og:locale") == ["fr_FR"]
    assert _values(meta, "article:published_time") == [news.date.isoformat()]
    [image_url] = _values(meta, "og:image")
    assert image_url.startswith(site_tree.site.root_url + "/media/images/")
    assert re.search(r"\.fill-1200x630[^/]*\.\w+$", image_url), image_url
    assert _values(meta, "og:image:width") == ["1200"]
    assert _values(meta, "og:image:height") == ["630"]
    assert _values(meta, "og:image:alt") == ["Salle voûtée"]
    assert _values(meta, "twitter:card") == ["summary_large_image"]
    assert _values(meta, "og:site_name")


def test_page_without_image_is_a_website_summary_card(client, site_tree):
    meta = _parse(client, site_tree.standard.url)
    assert _values(meta, "og:type") == ["website"]
    assert _values(meta, "og:image") == []
    assert _values(meta, "twitter:card") == ["summary"]
    assert _values(meta, "og:url") == [site_tree.standard.full_url]


def test_locale_alternates_list_the_existing_translations(client, multilingual_tree):
    tree = multilingual_tree
    meta = _parse(client, tree.news.url)
    assert _values(meta, "og:locale:alternate") == ["ar_AR", "en_GB"]
    meta = _parse(client, tree.en_news.url)
    assert _values(meta, "og:locale") == ["en_GB"]
    assert _values(meta, "og:title") == ["Annual meeting"]
    assert _values(meta, "og:locale:alternate") == ["ar_AR", "fr_FR"]


def test_share_links_are_plain_encoded_links(client, site_tree):
    meta = _parse(client, site_tree.news.url)
    links = {urlsplit(link["href"]).netloc or "mailto": link for link in meta.links}
    assert set(links) == {
        "mailto",
        "www.linkedin.com",
        "www.facebook.com",
        "twitter.com",
        "bsky.app",
    }
    full_url = site_tree.news.full_url
    linkedin = links["www.linkedin.com"]
    assert parse_qs(urlsplit(linkedin["href"]).query) == {"url": [full_url]}
    assert linkedin["target"] == "_blank"
    assert linkedin["rel"] == "noopener"
    assert "LinkedIn" in linkedin["aria-label"]
    tweet = parse_qs(urlsplit(links["twitter.com"]["href"]).query)
    assert tweet == {"url": [full_url], "text": ["Rencontre annuelle"]}
    assert parse_qs(urlsplit(links["bsky.app"]["href"]).query) == {
        "text": [f"Rencontre annuelle {full_url}"]
    }
    mail = links["mailto"]
    assert mail["href"].startswith("mailto:?subject=Rencontre%20annuelle&body=http%3A%2F%2F")
    assert "target" not in mail
    # Nothing is loaded from the services: no script or image from them.
    for src in meta.scripts + meta.images:
        assert not urlsplit(src).netloc, src


def test_advocacy_position_has_share_links_and_article_tags(client, site_tree):
    meta = _parse(client, site_tree.position.url)
    assert len(meta.links) == 5
    assert _values(meta, "og:type") == ["article"]
    assert _values(meta, "og:description") == [site_tree.position.summary]


def test_advocacy_position_is_shared_with_its_image_like_a_news_item(client, site_tree):
    position = site_tree.position
    position.image = wagtail_factories.ImageFactory(
        file__width=2400, file__height=1600, title="Façade d'une abbaye"
    )
    position.save_revision().publish()
    meta = _parse(client, position.url)
    [image_url] = _values(meta, "og:image")
    assert image_url.startswith(site_tree.site.root_url + "/media/images/")
    assert re.search(r"\.fill-1200x630[^/]*\.\w+$", image_url), image_url
    assert _values(meta, "og:image:width") == ["1200"]
    assert _values(meta, "og:image:height") == ["630"]
    assert _values(meta, "og:image:alt") == ["Façade d'une abbaye"]
    assert _values(meta, "twitter:card") == ["summary_large_image"]
    # The page shows the image it is shared with.
    assert any("/media/images/" in src for src in meta.images), meta.images
