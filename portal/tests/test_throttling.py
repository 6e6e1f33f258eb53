"""Page-view passwords and the admin's password reset limit the guesses and e-mails per client."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import resolve, reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal import throttled_views


@pytest.fixture
def protected(site_tree):
    restriction = PageViewRestriction.objects.create(
        page=site_tree.news, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    with translation.override("fr"):
        url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, site_tree.news.pk]
        )
    return url, site_tree.news


def guess(client, url, page, password, address="203.0.113.7"):
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=5)
def test_page_password_guesses_stop_after_the_limit_even_with_the_right_one(client, protected):
    url, page = protected
    for _attempt in range(5):
        assert guess(client, url, page, "wrong").status_code == 200
    response = guess(client, url, page, "sesame")
    assert response.status_code == 429
    assert "Trop de mots de passe erronés" in response.content.decode()
    # The page stays closed to this client.
    assert client.get(page.url).status_code == 200
    assert "Trop de" not in client.get(page.url).content.decode()


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=5)
def test_forty_wrong_guesses_then_the_right_one_is_refused(client, protected):
    url, page = protected
    for _attempt in range(40):
        guess(client, url, page, "wrong")
    assert guess(client, url, page, "sesame").status_code == 429


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=3)
def test_another_address_still_gets_in(client, protected):
    url, page = protected
    for _attempt in range(3):
        guess(client, url, page, "wrong")
    response = guess(client, url, page, "sesame", address="198.51.100.9")
    assert response.status_code == 302


def test_the_right_password_within_the_limit_opens_the_page(client, protected):
    url, page = protected
    guess(client, url, page, "wrong")
    assert guess(client, url, page, "sesame").status_code == 302


def test_the_password_form_posts_to_the_throttled_view(client, protected):
    url, page = protected
    assert resolve(url).func is throttled_views.authenticate_with_password
    assert f'action="{url}"' in client.get(page.url).content.decode()


# --- The admin's password reset ------------------------------------------------------------


@pytest.fixture
def editor_account(db):
    return get_user_model().objects.create_user(
        "claire",
        email="claire@example.org",
        password="x",  # noqa: S106
    )


def reset(client, email, address="203.0.113.7"):
    return client.post(
        "/admin/password_reset/", {"email": email}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="fr"
    )


def test_the_admin_url_serves_the_throttled_reset_view():
    assert (
        resolve("/admin/password_reset/").func.view_class
        is throttled_views.ThrottledPasswordResetView
    )
    assert reverse("wagtailadmin_password_reset") == "/admin/password_reset/"


@override_settings(PASSWORD_RESET_EMAIL_LIMIT=3, PASSWORD_RESET_ADDRESS_LIMIT=100)
def test_password_reset_sends_a_limited_number_of_emails_per_address(client, editor_account):
    for number in range(3):
        assert reset(client, "claire@example.org", address=f"203.0.113.{number}").status_code == 302
    response = reset(client, "claire@example.org", address="203.0.113.99")
    assert response.status_code == 429
    assert len(mail.outbox) == 3
    assert "Trop de demandes" in response.content.decode()


@override_settings(PASSWORD_RESET_EMAIL_LIMIT=100, PASSWORD_RESET_ADDRESS_LIMIT=4)
def test_password_reset_requests_are_limited_per_client_address(client, editor_account):
    for number in range(4):
        assert reset(client, f"someone{number}@example.org").status_code == 302
    assert reset(client, "claire@example.org").status_code == 429
    assert mail.outbox == []
    assert reset(client, "claire@example.org", address="198.51.100.9").status_code == 302
    assert len(mail.outbox) == 1
