"""Store an e-mail, send it once, retry it when the server fails.

Apps queue their e-mails through ``outbox.mail`` (``store`` here, in the
caller's transaction, then ``mail.enqueue`` after it, or ``mail.queue`` for
both). The task (outbox/tasks.py) calls ``send_email``; the periodic
``send_queued_emails`` calls ``send_due_emails``, so a lost task or a backend
that cannot defer the retry leaves nothing waiting for ever. This module
imports no task: the tasks sit above it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from outbox import retries
from outbox.models import OutgoingEmail

logger = logging.getLogger("outbox")

DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_RETENTION_DAYS = 30
RETRYABLE = (OutgoingEmail.Status.PENDING, OutgoingEmail.Status.FAILED)


def max_attempts():
    return getattr(settings, "EMAIL_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)


def retention_days():
    return getattr(settings, "EMAIL_OUTBOX_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


# --- Queue ------------------------------------------------------------------------


def store(message, *, purpose, group_key=""):
    """Record ``message`` (an ``EmailMessage``) to be sent; returns the ``OutgoingEmail``.

    With ``group_key``, the unsent e-mails of that group are cancelled: only
    the newest goes out.
    """
    with transaction.atomic():
        if group_key:
            OutgoingEmail.objects.filter(group_key=group_key, status__in=RETRYABLE).update(
                status=OutgoingEmail.Status.CANCELLED, next_attempt_at=None
            )
        return OutgoingEmail.objects.create(
            purpose=purpose,
            group_key=group_key,
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=list(message.to),
            reply_to=list(message.reply_to),
            headers=dict(message.extra_headers),
            subject=message.subject,
            body=message.body,
        )


def as_message(email, connection=None):
    return EmailMessage(
        email.subject,
        email.body,
        email.from_email,
        email.to,
        reply_to=email.reply_to or None,
        headers=email.headers,
        connection=connection,
    )


def due_emails(now, *, ignore_wait=False):
    emails = OutgoingEmail.objects.filter(status__in=RETRYABLE, attempts__lt=max_attempts())
    if not ignore_wait:
        emails = emails.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    return emails.order_by("pk")


def send_email(email_id, connection=None, now=None):
    """Send one e-mail if it can be claimed. Returns its final status, or None if skipped."""
    now = now or timezone.now()
    claimed = retries.claim(
        OutgoingEmail.objects.filter(status__in=RETRYABLE),
        email_id,
        now=now,
        sending_status=OutgoingEmail.Status.SENDING,
        max_attempts=max_attempts(),
    )
    if not claimed:
        return None
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        sent = as_message(email, connection or get_connection()).send()
        if not sent:
            raise RuntimeError("the mail backend sent nothing")
    except Exception as error:
        return record_failure(email, error, now)
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "last_error"])
    return email.status


def record_failure(email, error, now):
    email.status = OutgoingEmail.Status.FAILED
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    email.next_attempt_at = retries.next_attempt_at(email.attempts, now, max_attempts())
    email.save(update_fields=["status", "last_error", "next_attempt_at"])
    logger.error(
        "E-mail %s (%s) could not be sent, attempt %d of %d%s: %s",
        email.pk,
        email.purpose,
        email.attempts,
        max_attempts(),
        "; giving up"
        if email.next_attempt_at is None
        else f"; next attempt after {email.next_attempt_at:%Y-%m-%d %H:%M %Z}",
        email.last_error,
        exc_info=error,
    )
    return email.status


def send_due_emails(*, ignore_wait=False, now=None):
    """Send every e-mail that is due; returns ``{status: count}`` of what was attempted."""
    now = now or timezone.now()
    ids = list(due_emails(now, ignore_wait=ignore_wait).values_list("pk", flat=True))
    return retries.send_batch(
        ids,
        lambda email_id, connection: send_email(email_id, connection, now),
        OutgoingEmail.Status.FAILED,
    )


def next_retry_at():
    """When the earliest failed e-mail may be tried again, or None."""
    return retries.earliest_retry(
        OutgoingEmail.objects.all(),
        failed_status=OutgoingEmail.Status.FAILED,
        max_attempts=max_attempts(),
    )


def give_up_stale_sendings(now=None):
    """E-mails claimed long ago and never finished: failed for good, never resent."""
    now = now or timezone.now()
    stale = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENDING,
        last_attempt_at__lt=now - retries.STALE_SENDING_AFTER,
    )
    for email in stale:
        logger.error(
            "E-mail %s (%s) was interrupted while being sent; it may have been delivered, "
            "so it is not sent again",
            email.pk,
            email.purpose,
        )
    return stale.update(
        status=OutgoingEmail.Status.FAILED,
        last_error="Interrupted while being sent: it may have been delivered, so not retried.",
        attempts=max_attempts(),
        next_attempt_at=None,
    )


def forget_old_emails(now=None):
    """Delete the e-mails done with (sent, cancelled, given up) after the retention period.

    They hold what visitors wrote; the enquiry itself stays in the admin.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=retention_days())
    done = Q(status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.CANCELLED]) | Q(
        status=OutgoingEmail.Status.FAILED, attempts__gte=max_attempts()
    )
    deleted, _per_model = OutgoingEmail.objects.filter(done, created_at__lt=cutoff).delete()
    return deleted
