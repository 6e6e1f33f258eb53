"""The read-only API serves every page type with its declared fields."""

import pytest

PAGE_TYPES = [
    ("home.HomePage", "hero_title"),
    ("home.StandardPage", "intro"),
    ("network.NetworkIndexPage", "intro"),
    ("network.CentrePage", "heritage_site"),
    ("network.LabelPage", "criteria"),
    ("programmes.ProgrammeIndexPage", "intro"),
    ("programmes.ProgrammePage", "purpose"),
    ("programmes.CallPage", "closes_at"),
    ("news.NewsIndexPage", "intro"),
    ("news.NewsPage", "lead"),
    ("news.AdvocacyIndexPage", "intro"),
    ("news.AdvocacyPositionPage", "summary"),
]


@pytest.mark.parametrize(("page_type", "field"), PAGE_TYPES)
def test_api_lists_each_page_type_with_its_fields(client, site_tree, page_type, field):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"})
    assert response.status_code == 200, response.content[:500]
    items = response.json()["items"]
    assert items, page_type
    assert field in items[0]


def test_api_call_exposes_computed_status(client, site_tree):
    response = client.get("/api/v2/pages/", {"type": "programmes.CallPage", "fields": "status"})
    assert response.json()["items"][0]["status"] == "open"


def test_api_hides_draft_pages(client, site_tree):
    site_tree.news.unpublish()
    response = client.get("/api/v2/pages/", {"type": "news.NewsPage"})
    assert response.json()["meta"]["total_count"] == 0
