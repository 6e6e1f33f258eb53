"""Subscribing (double opt-in), confirming and unsubscribing, through the public pages."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from alerts.forms import CONSENT_VERSION
from alerts.models import AlertDelivery, CallAlert, Subscription
from alerts.subscriptions import forget_unconfirmed
from alerts.tests.factories import SubscriptionFactory
from enquiries.spam import HONEYPOT_FIELD_NAME
from programmes.tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def url(name, language="fr", *args):
    with translation.override(language):
        return reverse(f"alerts:{name}", args=args)


def subscribe(client, language="fr", **data):
    payload = {"email": "lina@example.org", "scope": "all", "consent": "on", **data}
    return client.post(url("subscribe", language), payload)


def test_the_form_lists_the_programmes_in_the_visitors_language(multilingual_tree, client):
    from portal.tests.translation import translate

    translate(multilingual_tree.programmes, "en")
    translate(multilingual_tree.programme, "en", {"Odyssée": "Odyssey"})

    french = client.get(url("subscribe", "fr"))
    english = client.get(url("subscribe", "en"))

    assert french.status_code == 200
    assert 'name="programmes"' in french.text and "Odyssée" in french.text
    assert "Odyssey" in english.text and "Odyssée" not in english.text
    # The checkbox's value is the French page, whatever the language shown.
    assert f'value="{multilingual_tree.programme.pk}"' in english.text


def test_subscribing_records_a_pending_subscription_and_sends_only_the_confirmation(
    multilingual_tree, client
):
    response = subscribe(client, "en", scope="chosen", programmes=[multilingual_tree.programme.pk])

    assert response.status_code == 302
    assert response["Location"] == url("check_inbox", "en")
    subscription = Subscription.objects.get()
    assert subscription.email == "lina@example.org"
    assert subscription.language == "en"
    assert not subscription.confirmed and subscription.consent_at is None
    assert not subscription.all_programmes
    assert list(subscription.programmes.all()) == [multilingual_tree.programme]
    assert subscription.consent_version == CONSENT_VERSION
    assert "unsubscribe at any time" in subscription.consent_text  # English wording
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lina@example.org"]
    assert f"/en/alerts/confirm/{subscription.token}/" in message.body
    assert message.extra_headers["List-Unsubscribe"].endswith(
        f"/en/alerts/unsubscribe/{subscription.token}/>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert client.get(response["Location"]).status_code == 200


def test_bad_input_keeps_what_was_typed(site_tree, client):
    response = subscribe(client, email="lina@example", scope="chosen", consent="")

    assert response.status_code == 400
    html = response.text
    assert 'value="lina@example"' in html
    assert 'value="chosen" required id="id_scope_1" checked' in html or (
        'id="id_scope_1" checked' in html
    )
    assert html.count('class="errorlist') >= 3  # e-mail, programmes, consent
    assert "data-error-summary" in html
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_a_filled_honeypot_stores_and_sends_nothing(site_tree, client):
    response = subscribe(client, **{HONEYPOT_FIELD_NAME: "http://spam.example"})

    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_the_confirmation_link_shows_a_button_and_only_the_post_confirms(site_tree, client):
    subscribe(client)
    subscription = Subscription.objects.get()

    page = client.get(url("confirm", "fr", subscription.token))
    subscription.refresh_from_db()
    assert page.status_code == 200
    assert not subscription.confirmed  # a mail scanner opening the link confirms nothing
    assert page["Referrer-Policy"] == "same-origin"
    assert "noindex" in page["X-Robots-Tag"]
    assert 'method="post"' in page.text

    confirmed = client.post(url("confirm", "fr", subscription.token))
    subscription.refresh_from_db()
    assert confirmed.status_code == 200
    assert subscription.confirmed
    assert subscription.consent_at is not None
    assert subscription.consent_text and subscription.consent_version == CONSENT_VERSION
    assert len(mail.outbox) == 1  # still only the confirmation e-mail


def test_resubscribing_changes_the_choices_only_once_confirmed(site_tree, client):
    other = ProgrammePageFactory(parent=site_tree.programmes, title="NORA")
    current = SubscriptionFactory(email="lina@example.org", language="fr")

    subscribe(client, "fr", scope="chosen", programmes=[other.pk])

    current.refresh_from_db()
    assert current.all_programmes  # unchanged until the owner confirms
    pending = Subscription.objects.pending().get()
    client.post(url("confirm", "fr", pending.token))

    assert list(Subscription.objects.all()) == [current]
    current.refresh_from_db()
    assert current.confirmed and not current.all_programmes
    assert list(current.programmes.all()) == [other]


def test_subscribing_again_soon_does_not_send_another_email(site_tree, client):
    subscribe(client)
    subscribe(client, scope="chosen", programmes=[site_tree.programme.pk])

    assert len(mail.outbox) == 1
    subscription = Subscription.objects.get()
    assert not subscription.all_programmes  # the latest choices are kept


def test_unsubscribe_link_shows_one_button_that_unsubscribes(site_tree):
    subscription = SubscriptionFactory()
    # Publishing the site tree's call recorded its alert.
    alert = CallAlert.objects.get(call_key=site_tree.call.translation_key)
    delivery = AlertDelivery.objects.create(subscription=subscription, alert=alert)
    client = Client(enforce_csrf_checks=True)

    page = client.get(url("unsubscribe", "fr", subscription.token))
    subscription.refresh_from_db()
    assert page.status_code == 200 and subscription.unsubscribed_at is None
    assert page["Referrer-Policy"] == "same-origin"

    response = client.post(url("unsubscribe", "fr", subscription.token))
    subscription.refresh_from_db()
    delivery.refresh_from_db()
    assert response.status_code == 200
    assert subscription.unsubscribed_at is not None
    assert delivery.status == AlertDelivery.Status.CANCELLED


def test_one_click_unsubscribe_from_the_mail_program(site_tree):
    """RFC 8058: the mail program POSTs to the List-Unsubscribe address, with no CSRF token."""
    subscription = SubscriptionFactory(language="en")
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        url("unsubscribe", "en", subscription.token),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    subscription.refresh_from_db()
    assert response.status_code == 200
    assert subscription.unsubscribed_at is not None
    assert not Subscription.objects.active().exists()


def test_unknown_tokens_answer_404(site_tree, client):
    assert client.get(url("confirm", "fr", "nope")).status_code == 404
    assert client.post(url("unsubscribe", "fr", "nope")).status_code == 404


def test_unconfirmed_subscriptions_are_forgotten_after_the_retention_period(site_tree):
    old = SubscriptionFactory(confirmed=False, consent_at=None)
    Subscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    recent = SubscriptionFactory(confirmed=False, consent_at=None)
    confirmed = SubscriptionFactory()
    Subscription.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - dt.timedelta(days=400)
    )

    assert forget_unconfirmed() == 1
    assert set(Subscription.objects.all()) == {recent, confirmed}
