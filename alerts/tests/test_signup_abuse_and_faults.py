"""Alert sign-ups under abuse (limits per client and per address) and mail server faults."""

import datetime as dt
import time
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from alerts.models import Subscription
from outbox.models import OutgoingEmail
from outbox.tests.smtp import SilentServer, SMTPSink, closed_port, use_smtp

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def subscribe(client, language="fr", address="203.0.113.7", **data):
    with translation.override(language):
        url = reverse("alerts:subscribe")
    payload = {"email": "lina@example.org", "scope": "all", "consent": "on", **data}
    return client.post(url, payload, REMOTE_ADDR=address)


def summary_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find(attrs={"data-error-summary": True}).get_text(" ", strip=True)


# --- Limits ------------------------------------------------------------------------


def test_one_client_cannot_mail_confirmations_to_many_addresses(site_tree, client, settings):
    settings.ALERTS_SIGNUP_RATE_LIMIT = 3
    for number in range(3):
        assert subscribe(client, email=f"victim{number}@example.org").status_code == 302

    refused = subscribe(client, email="victim3@example.org")

    assert refused.status_code == 429
    assert "Trop d’inscriptions" in summary_text(refused)
    # The form keeps what was typed.
    soup = BeautifulSoup(refused.content, "html.parser")
    assert soup.find("input", attrs={"name": "email"})["value"] == "victim3@example.org"
    assert soup.find("input", attrs={"name": "consent"}).has_attr("checked")
    assert Subscription.objects.count() == 3
    assert OutgoingEmail.objects.count() == 3
    assert len(mail.outbox) == 3
    # Another client is not affected.
    assert subscribe(client, address="198.51.100.9", email="other@example.org").status_code == 302


def test_one_address_cannot_be_flooded_from_many_clients(site_tree, client, settings):
    settings.ALERTS_SIGNUP_EMAIL_LIMIT = 2
    assert subscribe(client, address="192.0.2.1").status_code == 302
    assert subscribe(client, address="192.0.2.2", email="LINA@example.org").status_code == 302

    refused = subscribe(client, "en", address="192.0.2.3", email="Lina@Example.org")

    assert refused.status_code == 429
    assert "Too many confirmation e-mails have been asked for this address" in summary_text(refused)
    assert Subscription.objects.count() == 1
    # Another address from the same client is free.
    assert subscribe(client, address="192.0.2.3", email="omar@example.org").status_code == 302


def test_the_refusal_is_in_the_visitors_language(site_tree, client, settings):
    settings.ALERTS_SIGNUP_RATE_LIMIT = 0
    expected = {
        "en": "Too many sign-ups have been sent from your connection recently.",
        "es": "Se han enviado demasiadas suscripciones desde su conexión",
        "ar": "أُرسل عدد كبير جدًا من طلبات الاشتراك من اتصالك",
    }
    for language, text in expected.items():
        response = subscribe(client, language)
        assert response.status_code == 429
        assert text in summary_text(response), language
    assert not Subscription.objects.exists()


def test_invalid_sign_ups_do_not_count(site_tree, client, settings):
    settings.ALERTS_SIGNUP_RATE_LIMIT = 1
    for _ in range(3):
        assert subscribe(client, email="lina@example").status_code == 400
    assert subscribe(client).status_code == 302


# --- Mail server faults ------------------------------------------------------------------


def assert_pending_with_a_failed_confirmation():
    subscription = Subscription.objects.get()
    assert not subscription.confirmed
    email = OutgoingEmail.objects.get()
    assert email.to == ["lina@example.org"]
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 1
    assert email.next_attempt_at > timezone.now() + dt.timedelta(minutes=4)
    return subscription


def test_a_mail_server_that_never_answers_does_not_hold_the_sign_up(site_tree, client, settings):
    with SilentServer(hold=5) as silent:
        use_smtp(settings, silent.port, timeout=TIMEOUT)
        started = time.monotonic()
        response = subscribe(client)
        elapsed = time.monotonic() - started

    assert response.status_code == 302  # to "check your inbox"
    assert silent.accepted == 1
    # Given up after EMAIL_TIMEOUT (0.5 s), not after the server's 5 s.
    assert elapsed < 3
    subscription = assert_pending_with_a_failed_confirmation()

    with SMTPSink() as sink:
        use_smtp(settings, sink.port, timeout=TIMEOUT)
        OutgoingEmail.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
        call_command("run_periodic", "--once", stdout=StringIO())
        call_command("run_periodic", "--once", stdout=StringIO())
        call_command("send_queued_emails", "--now", stdout=StringIO())

    assert sink.recipients == [["lina@example.org"]]
    assert f"/fr/alerts/confirm/{subscription.token}/" in sink.messages[0].get_content()
    assert sink.messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_a_refused_connection_keeps_the_sign_up_and_retries(site_tree, client, settings):
    use_smtp(settings, closed_port(), timeout=TIMEOUT)

    response = subscribe(client, "es")

    assert response.status_code == 302
    assert_pending_with_a_failed_confirmation()
    with SMTPSink() as sink:
        use_smtp(settings, sink.port, timeout=TIMEOUT)
        call_command("send_queued_emails", "--now", stdout=StringIO())
        call_command("send_queued_emails", "--now", stdout=StringIO())
        call_command("run_periodic", "--once", stdout=StringIO())

    assert len(sink.messages) == 1
    assert "/es/alerts/confirm/" in sink.messages[0].get_content()


def test_asking_again_replaces_a_confirmation_not_sent_yet(site_tree, client, settings):
    use_smtp(settings, closed_port(), timeout=TIMEOUT)
    subscribe(client)
    # Past the resend delay, the visitor asks again while the server is still down.
    Subscription.objects.update(confirmation_sent_at=timezone.now() - dt.timedelta(minutes=10))
    subscribe(client)

    first, second = OutgoingEmail.objects.order_by("pk")
    assert first.status == OutgoingEmail.Status.CANCELLED
    assert second.status == OutgoingEmail.Status.FAILED
    with SMTPSink() as sink:
        use_smtp(settings, sink.port, timeout=TIMEOUT)
        call_command("send_queued_emails", "--now", stdout=StringIO())

    assert len(sink.messages) == 1
