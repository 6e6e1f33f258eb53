"""Publishing a call alerts its subscribers once, in their language; failures are retried."""

import datetime as dt
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts import sending
from alerts.models import AlertDelivery, CallAlert
from alerts.tests.factories import SubscriptionFactory
from portal.tests.translation import translate
from programmes.tests.factories import CallPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "alerts.tests.backends.FailingEmailBackend"
WORKING_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def tree(site_tree):
    """The site tree, whose own call was announced when it was built (to nobody)."""
    CallAlert.objects.filter(call_key=site_tree.call.translation_key).update(
        recipients_listed_at=timezone.now()
    )
    return site_tree


@pytest.fixture
def english_tree(multilingual_tree):
    """As ``tree``, in four languages, the programme "Odyssée" in English ("Odyssey")."""
    translate(multilingual_tree.programmes, "en", {"Programmes": "Programmes"})
    translate(multilingual_tree.programme, "en", {"Odyssée": "Odyssey"})
    CallAlert.objects.filter(call_key=multilingual_tree.call.translation_key).update(
        recipients_listed_at=timezone.now()
    )
    return multilingual_tree


def publish_new_call(tree, django_capture_on_commit_callbacks, *, english=True, **fields):
    """A new call of the programme, published (and translated to English), tasks run."""
    fields.setdefault("title", "Appel Odyssée 2026")
    fields.setdefault("slug", "appel-odyssee-2026")
    with django_capture_on_commit_callbacks(execute=True):
        call = CallPageFactory(parent=tree.programme, **fields)
        call.save_revision().publish()
        if english:
            translate(
                call, "en", {fields["title"]: "Odyssey call 2026", call.slug: "odyssey-call-2026"}
            )
    return call


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_published_call_alerts_each_matching_subscriber_once_in_their_language(
    english_tree, django_capture_on_commit_callbacks
):
    tree = english_tree
    french = SubscriptionFactory(email="fr@example.org", language="fr")
    english = SubscriptionFactory(
        email="en@example.org", language="en", programmes=[tree.programme]
    )
    spanish = SubscriptionFactory(email="es@example.org", language="es")
    other_programme = ProgrammePageFactory(parent=tree.programmes, title="NORA")
    SubscriptionFactory(email="nora@example.org", programmes=[other_programme])
    SubscriptionFactory(email="pending@example.org", confirmed=False, consent_at=None)
    SubscriptionFactory(email="gone@example.org", unsubscribed_at=timezone.now())

    call = publish_new_call(tree, django_capture_on_commit_callbacks)

    # The Spanish subscriber waits for a Spanish translation (see below).
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "en@example.org",
        "fr@example.org",
    ]
    [to_french] = sent_to("fr@example.org")
    assert "Appel Odyssée 2026" in to_french.subject
    assert "/fr/" in to_french.body and "Odyssée" in to_french.body
    assert f"/fr/alerts/unsubscribe/{french.token}/" in to_french.body
    [to_english] = sent_to("en@example.org")
    assert "Odyssey call 2026" in to_english.subject
    assert "/en/" in to_english.body and "odyssey-call-2026" in to_english.body
    assert "Odyssey" in to_english.body  # the programme, in English too
    assert to_english.extra_headers["List-Unsubscribe"].endswith(
        f"/en/alerts/unsubscribe/{english.token}/>"
    )
    assert to_english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # No Spanish translation when the wait is over: the French call, in an e-mail
    # that says so.
    assert not sent_to("es@example.org")
    sending.send_due_deliveries(now=timezone.now() + dt.timedelta(hours=49))
    [to_spanish] = sent_to("es@example.org")
    assert "Appel Odyssée 2026" in to_spanish.subject
    assert call.get_full_url() in to_spanish.body
    assert f"/es/alerts/unsubscribe/{spanish.token}/" in to_spanish.body
    deliveries = AlertDelivery.objects.filter(alert__call_key=call.translation_key)
    assert {(d.subscription.email, d.status, d.language, d.attempts) for d in deliveries} == {
        ("fr@example.org", "sent", "fr", 1),
        ("en@example.org", "sent", "en", 1),
        ("es@example.org", "sent", "fr", 1),
    }


def test_a_translation_published_during_the_wait_reaches_its_subscribers_at_once(
    english_tree, django_capture_on_commit_callbacks
):
    tree = english_tree
    SubscriptionFactory(email="es@example.org", language="es")
    SubscriptionFactory(email="ar@example.org", language="ar")
    call = publish_new_call(tree, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    delivery = AlertDelivery.objects.get(subscription__email="es@example.org")
    # 48 hours, the deadline being 20 days away.
    assert delivery.next_attempt_at - timezone.now() > dt.timedelta(hours=47)

    translate(tree.programmes, "es", {"Programmes": "Programas"})
    translate(tree.programme, "es", {"Odyssée": "Odisea"})
    with django_capture_on_commit_callbacks(execute=True):
        translate(
            call, "es", {"Appel Odyssée 2026": "Convocatoria Odisea 2026", call.slug: "odisea"}
        )

    [to_spanish] = mail.outbox
    assert to_spanish.to == ["es@example.org"]
    assert "Convocatoria Odisea 2026" in to_spanish.subject and "/es/" in to_spanish.body
    assert AlertDelivery.objects.get(subscription__email="ar@example.org").status == "pending"


def test_the_wait_for_a_translation_never_takes_more_than_half_the_time_left():
    now = timezone.now()
    call = CallPageFactory.build(closes_at=now + dt.timedelta(hours=10))
    assert sending.translation_wait_until(call, now) == now + dt.timedelta(hours=5)
    call.closes_at = now + dt.timedelta(days=30)
    assert sending.translation_wait_until(call, now) == now + dt.timedelta(hours=48)


def test_republishing_a_call_in_any_language_sends_nothing_more(
    english_tree, django_capture_on_commit_callbacks
):
    tree = english_tree
    SubscriptionFactory(email="fr@example.org")
    SubscriptionFactory(email="en@example.org", language="en")
    call = publish_new_call(tree, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        call.save_revision().publish()
        call.get_translation(tree.en_home.locale).save_revision().publish()
    call_command("send_pending_alerts", "--now")

    assert len(mail.outbox) == 2
    assert CallAlert.objects.filter(call_key=call.translation_key).count() == 1


def test_a_closed_call_is_not_announced(tree, django_capture_on_commit_callbacks):
    SubscriptionFactory()
    past = timezone.now() - dt.timedelta(days=30)
    call = publish_new_call(
        tree,
        django_capture_on_commit_callbacks,
        english=False,
        opens_at=past,
        closes_at=past + dt.timedelta(days=10),
    )

    assert not CallAlert.objects.filter(call_key=call.translation_key).exists()
    assert not mail.outbox


def test_a_failing_mail_server_is_recorded_logged_and_retried_once_it_is_back(
    tree, django_capture_on_commit_callbacks, settings, caplog
):
    subscription = SubscriptionFactory(email="fr@example.org")
    settings.EMAIL_BACKEND = FAILING_BACKEND

    with caplog.at_level(logging.ERROR, logger="alerts"):
        call = publish_new_call(tree, django_capture_on_commit_callbacks, english=False)

    delivery = AlertDelivery.objects.get(subscription=subscription)
    assert delivery.alert.call_key == call.translation_key
    assert delivery.status == AlertDelivery.Status.FAILED
    assert delivery.attempts == 1
    assert "SMTPServerDisconnected" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    assert any(
        record.name == "alerts" and f"delivery {delivery.pk}" in record.getMessage()
        for record in caplog.records
    )

    settings.EMAIL_BACKEND = WORKING_BACKEND
    call_command("send_pending_alerts")  # not due yet: it waits for the next attempt time
    assert not mail.outbox
    call_command("send_pending_alerts", "--now")
    call_command("send_pending_alerts", "--now")  # a second run finds nothing to send

    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.status == AlertDelivery.Status.SENT
    assert delivery.attempts == 2
    assert delivery.sent_at is not None


def test_a_delivery_that_keeps_failing_is_given_up_after_the_maximum_attempts(
    tree, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.ALERTS_MAX_ATTEMPTS = 3
    SubscriptionFactory()
    publish_new_call(tree, django_capture_on_commit_callbacks, english=False)

    for _round in range(5):
        call_command("send_pending_alerts", "--now")

    delivery = AlertDelivery.objects.get()
    assert delivery.status == AlertDelivery.Status.FAILED
    assert delivery.attempts == 3
    assert delivery.next_attempt_at is None


def test_a_delivery_is_claimed_by_one_sender_only(tree):
    subscription = SubscriptionFactory()
    alert = CallAlert.objects.get(call_key=tree.call.translation_key)
    delivery = AlertDelivery.objects.create(subscription=subscription, alert=alert)
    now = timezone.now()

    assert sending.claim(delivery.pk, now) is True
    assert sending.claim(delivery.pk, now) is False  # a second worker gets nothing
    delivery.refresh_from_db()
    assert delivery.status == AlertDelivery.Status.SENDING and delivery.attempts == 1


def test_a_sent_delivery_is_never_sent_again(tree):
    subscription = SubscriptionFactory()
    alert = CallAlert.objects.get(call_key=tree.call.translation_key)
    AlertDelivery.objects.create(
        subscription=subscription, alert=alert, status=AlertDelivery.Status.SENT, attempts=1
    )
    alert.recipients_listed_at = timezone.now()
    alert.save()

    call_command("send_pending_alerts", "--now")

    assert not mail.outbox


def test_an_interrupted_sending_is_given_up_not_resent(tree, caplog):
    subscription = SubscriptionFactory()
    alert = CallAlert.objects.get(call_key=tree.call.translation_key)
    delivery = AlertDelivery.objects.create(
        subscription=subscription,
        alert=alert,
        status=AlertDelivery.Status.SENDING,
        attempts=1,
        last_attempt_at=timezone.now() - dt.timedelta(hours=2),
    )
    alert.recipients_listed_at = timezone.now()
    alert.save()

    with caplog.at_level(logging.ERROR, logger="alerts"):
        call_command("send_pending_alerts", "--now")

    delivery.refresh_from_db()
    assert delivery.status == AlertDelivery.Status.FAILED
    assert delivery.attempts == sending.max_attempts()
    assert not mail.outbox
    assert any("interrupted" in record.getMessage() for record in caplog.records)


def test_a_lost_task_is_made_up_for_by_the_periodic_command(site_tree):
    """The site tree's call was published without its task running (no commit in tests)."""
    SubscriptionFactory(email="fr@example.org")

    call_command("run_periodic", "--once")

    [message] = mail.outbox
    assert site_tree.call.title in message.subject
