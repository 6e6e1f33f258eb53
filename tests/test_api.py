"""The read-only API serves every page type with its declared fields."""

import datetime as dt

import pytest
import wagtail_factories
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.tests.translation import translate

PAGE_TYPES = [
    ("home.HomePage", "hero_title"),
    ("home.StandardPage", "intro"),
    ("network.NetworkIndexPage", "intro"),
    ("network.CentrePage", "heritage_site"),
    ("network.LabelPage", "criteria"),
    ("programmes.ProgrammeIndexPage", "intro"),
    ("programmes.ProgrammePage", "purpose"),
    ("programmes.CallPage", "closes_at"),
    ("programmes.CallIndexPage", "intro"),
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


# --- Per locale, only live public pages, only declared fields ------------------------


def test_api_filters_calls_by_locale_with_dates_and_status(client, multilingual_tree):
    tree = multilingual_tree
    translate(tree.programmes, "en", {"Programmes": "Programmes"})
    translate(tree.programme, "en", {"Odyssée": "Odyssey"})
    en_call = translate(tree.call, "en", {"Appel Odyssée": "Odyssey call"})
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "programmes.CallPage",
            "fields": "opens_at,closes_at,status",
            "locale": "en",
        },
    )
    assert response.status_code == 200, response.content[:500]
    [item] = response.json()["items"]
    assert item["id"] == en_call.pk
    assert item["title"] == "Odyssey call"
    assert item["meta"]["locale"] == "en"
    assert item["status"] == "open"
    # Aware ISO 8601 date-times (to the millisecond), in Paris time.
    opens_at = dt.datetime.fromisoformat(item["opens_at"])
    closes_at = dt.datetime.fromisoformat(item["closes_at"])
    assert abs(opens_at - tree.call.opens_at) < dt.timedelta(seconds=1)
    assert abs(closes_at - tree.call.closes_at) < dt.timedelta(seconds=1)


def test_api_french_calls_only_with_locale_fr(client, multilingual_tree):
    tree = multilingual_tree
    translate(tree.programmes, "en", {})
    translate(tree.programme, "en", {})
    translate(tree.call, "en", {"Appel Odyssée": "Odyssey call"})
    response = client.get("/api/v2/pages/", {"type": "programmes.CallPage", "locale": "fr"})
    assert [item["title"] for item in response.json()["items"]] == ["Appel Odyssée"]


def test_api_translation_of_lists_the_other_languages(client, multilingual_tree):
    tree = multilingual_tree
    response = client.get("/api/v2/pages/", {"translation_of": tree.news.pk})
    assert {item["meta"]["locale"] for item in response.json()["items"]} == {"en", "ar"}


def test_api_centres_expose_coordinates(client, site_tree):
    response = client.get(
        "/api/v2/pages/", {"type": "network.CentrePage", "fields": "latitude,longitude"}
    )
    [item] = response.json()["items"]
    assert float(item["latitude"]) == pytest.approx(float(site_tree.centre.latitude))
    assert float(item["longitude"]) == pytest.approx(float(site_tree.centre.longitude))


def test_api_hides_private_pages(client, site_tree):
    restriction = PageViewRestriction.objects.create(
        page=site_tree.news_index, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/api/v2/pages/", {"type": "news.NewsPage"})
    assert response.json()["meta"]["total_count"] == 0
    # The API's 404 goes through LocaleMiddleware, which tries the /fr/ prefix: still 404.
    response = client.get(f"/api/v2/pages/{site_tree.news.pk}/", follow=True)
    assert response.status_code == 404
    restriction.delete()
    response = client.get(f"/api/v2/pages/{site_tree.news.pk}/")
    assert response.status_code == 200


def test_api_refuses_undeclared_fields(client, site_tree):
    response = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "owner"})
    assert response.status_code == 400
    response = client.get(f"/api/v2/pages/{site_tree.news.pk}/")
    assert "owner" not in response.json()
    assert "latest_revision" not in response.json()


def test_api_documents_and_images_leave_out_private_collections(client, site_tree):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Conseil d’administration")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    wagtail_factories.DocumentFactory(title="Note publique", collection=root)
    wagtail_factories.DocumentFactory(title="Procès-verbal interne", collection=private)
    wagtail_factories.ImageFactory(title="Façade", collection=root)
    wagtail_factories.ImageFactory(title="Plan de sécurité", collection=private)
    response = client.get("/api/v2/documents/")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Note publique"]
    response = client.get("/api/v2/images/")
    assert [item["title"] for item in response.json()["items"]] == ["Façade"]


# --- Only declared fields, only live public content (see also tests/test_permissions.py) ---


@pytest.mark.parametrize(("page_type", "_field"), PAGE_TYPES)
def test_api_page_detail_exposes_nothing_but_declared_fields(client, site_tree, page_type, _field):
    from django.apps import apps

    model = apps.get_model(page_type)
    listing = client.get("/api/v2/pages/", {"type": page_type}).json()
    detail = client.get(f"/api/v2/pages/{listing['items'][0]['id']}/").json()
    declared = {field.name for field in model.api_fields}
    assert set(detail) <= {"id", "meta", "title"} | declared
    internal_meta = {"owner", "latest_revision", "locked", "locked_by", "url_path", "path"}
    assert not set(detail["meta"]) & internal_meta


@pytest.mark.parametrize("field", ["owner", "url_path", "latest_revision", "locked_by", "path"])
def test_api_refuses_internal_page_fields(client, site_tree, field):
    response = client.get("/api/v2/pages/", {"fields": field})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("endpoint", "field"),
    [
        ("images", "file"),
        ("images", "collection"),
        ("images", "uploaded_by_user"),
        ("images", "file_hash"),
        ("documents", "file"),
        ("documents", "collection"),
        ("documents", "uploaded_by_user"),
        ("documents", "file_hash"),
    ],
)
def test_api_media_refuse_internal_fields(client, site_tree, endpoint, field):
    response = client.get(f"/api/v2/{endpoint}/", {"fields": field})
    assert response.status_code == 400


def test_api_media_expose_only_their_public_fields(client, site_tree):
    wagtail_factories.ImageFactory(title="Façade")
    wagtail_factories.DocumentFactory(title="Note publique")
    [image] = client.get("/api/v2/images/", {"fields": "*"}).json()["items"]
    assert set(image) <= {"id", "meta", "title", "width", "height"}
    [document] = client.get("/api/v2/documents/", {"fields": "*"}).json()["items"]
    assert set(document) <= {"id", "meta", "title"}


def test_api_hides_an_unpublished_translation(client, multilingual_tree):
    tree = multilingual_tree
    tree.ar_news.unpublish()
    response = client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": "ar"})
    assert response.json()["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{tree.ar_news.pk}/", follow=True).status_code == 404
    # The other translations stay listed.
    response = client.get("/api/v2/pages/", {"translation_of": tree.news.pk})
    assert {item["meta"]["locale"] for item in response.json()["items"]} == {"en"}


def test_api_hides_pages_below_a_private_page_and_password_pages(client, site_tree):
    PageViewRestriction.objects.create(
        page=site_tree.programmes, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get("/api/v2/pages/", {"type": "programmes.CallPage"})
    assert response.json()["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{site_tree.call.pk}/", follow=True).status_code == 404
