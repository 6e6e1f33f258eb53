"""Every page type previews; news items and calls also preview as cards (portal/previews.py)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from enquiries.tests.factories import build_enquiry_form

pytestmark = pytest.mark.django_db

PAGE_ATTRIBUTES = (
    "home",
    "network",
    "centre",
    "label",
    "programmes",
    "programme",
    "call",
    "call_index",
    "news_index",
    "news",
    "advocacy_index",
    "position",
    "standard",
)


def test_every_page_type_previews_its_draft(admin_client, site_tree):
    pages = [getattr(site_tree, name) for name in PAGE_ATTRIBUTES]
    pages.append(build_enquiry_form(site_tree.label))
    assert len({type(page.specific) for page in pages}) == 14
    for page in pages:
        page = page.specific
        page.title = f"{page.title} (brouillon)"
        page.save_revision()
        response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code == 200, type(page).__name__
        assert f"{page.title}" in response.content.decode(), type(page).__name__


def preview(page, mode, user):
    request = RequestFactory().get("/")
    request.user = user
    response = page.make_preview_request(request, preview_mode=mode)
    assert response.status_code == 200, mode
    return response.content.decode()


def test_news_item_previews_as_a_card_on_the_news_page_and_the_home_page(site_tree, admin_user):
    news = site_tree.news
    news.title = "Brouillon de la rencontre"
    news.lead = "Un chapô tout neuf pour la carte."
    card = preview(news, "card", admin_user)
    assert 'class="card card--news"' in card
    assert "Un chapô tout neuf pour la carte." in card
    assert site_tree.news_index.title in card, "the card sits on the news page"
    home = preview(news, "home", admin_user)
    assert 'class="card card--news"' in home and "Brouillon de la rencontre" in home
    page = preview(news, "", admin_user)
    assert "card card--news" not in page.split("Brouillon de la rencontre")[0]


def test_call_previews_as_a_card_with_its_status(site_tree, admin_user):
    call = site_tree.call
    call.summary = "Un résumé pour la carte de cet appel."
    for mode in ("card", "home"):
        html = preview(call, mode, admin_user)
        assert "card card--call" in html
        assert "Un résumé pour la carte de cet appel." in html


def test_the_editor_offers_the_card_preview_modes(admin_client, site_tree):
    for page in (site_tree.news, site_tree.call):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        html = response.content.decode()
        assert 'value="card"' in html and 'value="home"' in html, type(page).__name__
    centre = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.centre.pk]))
    assert 'value="card"' not in centre.content.decode()
