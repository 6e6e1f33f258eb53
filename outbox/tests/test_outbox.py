"""The outbox on its own: queueing, claiming once, giving up, forgetting."""

import datetime as dt
import logging
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from outbox import mail as outbox_mail
from outbox import retries, sending
from outbox.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def message(to="lina@example.org"):
    return EmailMessage(
        "Sujet", "Corps", to=[to], reply_to=["equipe@example.org"], headers={"X-Test": "1"}
    )


def test_a_queued_email_is_sent_as_it_was_written():
    email = outbox_mail.queue(message(), purpose="test")

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 1
    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.to, sent.reply_to) == (
        "Sujet",
        "Corps",
        ["lina@example.org"],
        ["equipe@example.org"],
    )
    assert sent.extra_headers["X-Test"] == "1"
    assert sending.send_email(email.pk) is None  # claimed once: never sent again
    assert len(mail.outbox) == 1


def test_a_queue_that_cannot_be_reached_loses_nothing(caplog):
    with (
        mock.patch("outbox.tasks.send_queued_email", **{"enqueue.side_effect": RuntimeError}),
        caplog.at_level(logging.ERROR, logger="outbox"),
    ):
        email = outbox_mail.queue(message(), purpose="test")

    assert "could not be queued" in caplog.text
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.PENDING
    assert sending.send_due_emails() == {"sent": 1}


def test_retries_follow_the_shared_delays_then_stop(settings):
    settings.EMAIL_BACKEND = "alerts.tests.backends.FailingEmailBackend"
    settings.EMAIL_MAX_ATTEMPTS = 3
    email = outbox_mail.queue(message(), purpose="test")
    now = timezone.now()
    for attempt in (2, 3):
        email.refresh_from_db()
        assert email.next_attempt_at is not None
        now = email.next_attempt_at
        assert sending.send_due_emails(now=now) == {"failed": 1}
        email.refresh_from_db()
        assert email.attempts == attempt
    assert email.next_attempt_at is None  # given up after EMAIL_MAX_ATTEMPTS
    assert sending.send_due_emails(ignore_wait=True) == {}
    assert retries.retry_delay(1) == dt.timedelta(minutes=5)


def test_an_email_interrupted_while_being_sent_is_never_resent():
    email = sending.store(message(), purpose="test")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING,
        attempts=1,
        last_attempt_at=timezone.now() - dt.timedelta(hours=2),
    )

    assert sending.give_up_stale_sendings() == 1
    assert sending.send_due_emails(ignore_wait=True) == {}
    assert mail.outbox == []


def test_emails_done_with_are_forgotten_after_the_retention_period(settings):
    settings.EMAIL_OUTBOX_RETENTION_DAYS = 30
    old_sent = outbox_mail.queue(message(), purpose="test")
    old_pending = sending.store(message(), purpose="test")
    recent = outbox_mail.queue(message(), purpose="test")
    OutgoingEmail.objects.filter(pk__in=[old_sent.pk, old_pending.pk]).update(
        created_at=timezone.now() - dt.timedelta(days=31)
    )

    assert sending.forget_old_emails() == 1
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {old_pending.pk, recent.pk}
