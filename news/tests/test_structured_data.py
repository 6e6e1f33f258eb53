"""A news item describes itself to search engines as a schema.org ``NewsArticle``."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").select(
        'script[type="application/ld+json"]'
    )
    assert len(scripts) == 1
    return json.loads(scripts[0].string), response.content.decode()


@pytest.fixture
def news(site_tree):
    news = site_tree.news
    news.image = wagtail_factories.ImageFactory(file__width=2400, file__height=1600)
    news.save_revision().publish()
    news.refresh_from_db()
    return news


def test_news_item_is_a_news_article(client, site_tree, news):
    data, _html = json_ld(client, news)
    root = site_tree.site.root_url
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Rencontre annuelle"
    assert data["description"] == news.lead
    assert data["datePublished"] == news.date.isoformat()
    assert data["dateModified"] == news.last_published_at.isoformat()
    assert data["inLanguage"] == "fr"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": news.full_url}
    assert data["url"] == news.full_url
    [image] = data["image"]
    assert image.startswith(root + "/media/images/") and ".fill-1200x630" in image
    accr = {
        "@type": "Organization",
        "name": "ACCR",
        "alternateName": "Association des Centres culturels de rencontre",
        "url": root + "/",
    }
    assert data["author"] == data["publisher"] == accr
    assert data["articleSection"] == "Vie du réseau"


def test_news_article_without_an_image_names_none(client, site_tree):
    data, _html = json_ld(client, site_tree.news)
    assert "image" not in data


def test_a_headline_cannot_close_the_script_element(client, site_tree):
    news = site_tree.news
    news.title = "Fin </script><script>alert(1)</script> & suite"
    news.save_revision().publish()
    data, html = json_ld(client, news)
    assert data["headline"] == news.title
    assert "</script><script>alert(1)" not in html
