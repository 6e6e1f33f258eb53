"""Announcing a call to its subscribers: list them once, send each e-mail at most once.

1. ``queue_call_alert`` (on ``page_published`` of a call, see signals.py)
   records a ``CallAlert`` for the call's ``translation_key`` the first time a
   call that is open or upcoming is published, and queues the task
   (tasks.py) once the publication is committed.
2. ``list_recipients`` creates one pending ``AlertDelivery`` per confirmed
   subscriber following the call's programme (or every programme), once. A
   subscriber whose language has no live translation of the call yet waits
   (``translation_wait_until``): the team publishes in French first, and the
   translation usually follows within a day or two. Publishing the
   translation releases that language's waiting deliveries at once
   (``release_waiting_deliveries``); at the end of the wait the French call is
   sent, with a note saying so.
3. ``send_due_deliveries`` sends the deliveries that are due, each after
   *claiming* it with a conditional UPDATE (pending or failed → sending): of two
   workers reaching the same delivery, one claims it and the other skips it,
   on SQLite as on PostgreSQL. A failure is recorded on the delivery (status,
   attempts, error, next attempt after a growing delay) and logged on the
   ``alerts`` logger; it never interrupts the other deliveries.

A delivery whose sender died between claiming and recording the outcome (the
process killed while talking to the mail server) may or may not have reached
the subscriber: after ``STALE_SENDING_AFTER`` it is marked failed for good and
logged, never resent, because an alert must never arrive twice.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from alerts import emails
from alerts.models import AlertDelivery, CallAlert, Subscription
from outbox import retries
from programmes.models import CallPage

logger = logging.getLogger("alerts")

DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_TRANSLATION_WAIT_HOURS = 48
# The delays between attempts, and when a sending is given up as interrupted,
# are the outbox's (outbox/retries.py): every e-mail of the site retries alike.
RETRY_DELAYS = retries.RETRY_DELAYS
STALE_SENDING_AFTER = retries.STALE_SENDING_AFTER
retry_delay = retries.retry_delay

RETRYABLE = (AlertDelivery.Status.PENDING, AlertDelivery.Status.FAILED)


def max_attempts():
    return getattr(settings, "ALERTS_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)


def translation_wait_until(call, now):
    """Until when a subscriber waits for the call's translation into their language.

    ``ALERTS_TRANSLATION_WAIT_HOURS`` (48), but never more than half the time left
    before the deadline: a late alert in French beats no time to apply.
    """
    hours = getattr(settings, "ALERTS_TRANSLATION_WAIT_HOURS", DEFAULT_TRANSLATION_WAIT_HOURS)
    wait = dt.timedelta(hours=hours)
    if call.closes_at is not None:
        wait = min(wait, max((call.closes_at - now) / 2, dt.timedelta(0)))
    return now + wait


# --- 1. Queue -----------------------------------------------------------------


def should_announce(call, now=None):
    """An alert is for calls candidates can still apply to, visible to everybody."""
    if call.status_at(now or timezone.now()) == CallPage.Status.CLOSED:
        return False
    return CallPage.objects.filter(pk=call.pk).live().public().exists()


def queue_call_alert(call):
    """Record the call's alert, unless it was recorded before.

    Returns the new ``CallAlert``, or None when the call was already announced
    (in any language) or is not to be announced. The caller queues its sending
    (``alerts.signals``): this module stays below the tasks that call it.
    """
    if CallAlert.objects.filter(call_key=call.translation_key).exists():
        return None
    if not should_announce(call):
        return None
    try:
        with transaction.atomic():
            alert = CallAlert.objects.create(call_key=call.translation_key, call_title=call.title)
    except IntegrityError:  # published in two languages at the same moment
        return None
    return alert


def release_waiting_deliveries(call, now=None):
    """The call is now live in its language: its subscribers there stop waiting.

    Returns how many deliveries were released; the caller queues their sending.
    """
    now = now or timezone.now()
    released = AlertDelivery.objects.filter(
        alert__call_key=call.translation_key,
        status=AlertDelivery.Status.PENDING,
        attempts=0,
        next_attempt_at__gt=now,
        subscription__language=call.locale.language_code,
    ).update(next_attempt_at=None)
    return released


# --- 2. List the recipients -----------------------------------------------------


def announced_call(call_key):
    """A page of the call with ``call_key``, live ones first, or None."""
    return (
        CallPage.objects.filter(translation_key=call_key).order_by(F("live").desc(), "pk").first()
    )


def live_languages(call_key):
    """The languages in which the call with ``call_key`` is live and public."""
    return set(
        CallPage.objects.live()
        .public()
        .filter(translation_key=call_key)
        .values_list("locale__language_code", flat=True)
    )


def list_recipients(alert, now=None):
    """One pending delivery per subscriber following the call; done once per alert."""
    now = now or timezone.now()
    with transaction.atomic():
        alert = CallAlert.objects.select_for_update().get(pk=alert.pk)
        if alert.recipients_listed_at is not None:
            return 0
        call = announced_call(alert.call_key)
        subscriptions = (
            Subscription.objects.active().matching_programme(call.get_parent().translation_key)
            if call is not None
            else Subscription.objects.none()
        )
        translated = live_languages(alert.call_key)
        wait_until = translation_wait_until(call, now) if call is not None else None
        deliveries = [
            AlertDelivery(
                subscription_id=pk,
                alert=alert,
                next_attempt_at=None if language in translated else wait_until,
            )
            for pk, language in subscriptions.values_list("pk", "language")
        ]
        # ignore_conflicts: the unique (subscription, alert) pair wins over any race.
        AlertDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
        alert.recipients_listed_at = timezone.now()
        alert.save(update_fields=["recipients_listed_at"])
    logger.info("Alert for call %r: %d recipient(s) listed", alert.call_title, len(deliveries))
    return len(deliveries)


def list_missing_recipients():
    """Recipients of every alert whose task never listed them (a lost task)."""
    return sum(
        list_recipients(alert)
        for alert in CallAlert.objects.filter(recipients_listed_at__isnull=True)
    )


# --- 3. Send --------------------------------------------------------------------


def due_deliveries(now, *, alert=None, ignore_wait=False):
    deliveries = AlertDelivery.objects.filter(
        status__in=RETRYABLE,
        attempts__lt=max_attempts(),
        subscription__confirmed=True,
        subscription__unsubscribed_at__isnull=True,
    )
    if alert is not None:
        deliveries = deliveries.filter(alert=alert)
    if not ignore_wait:
        deliveries = deliveries.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
        )
    return deliveries.order_by("pk")


def claim(delivery_id, now):
    """Mark the delivery as being sent, if nobody else has; True when this caller got it."""
    return retries.claim(
        AlertDelivery.objects.filter(status__in=RETRYABLE),
        delivery_id,
        now=now,
        sending_status=AlertDelivery.Status.SENDING,
        max_attempts=max_attempts(),
    )


def send_delivery(delivery_id, connection, now=None):
    """Send one delivery if it can be claimed. Returns its final status, or None if skipped."""
    now = now or timezone.now()
    if not claim(delivery_id, now):
        return None
    delivery = AlertDelivery.objects.select_related("subscription", "alert").get(pk=delivery_id)
    subscription = delivery.subscription
    try:
        call, in_language = emails.call_in_language(delivery.alert.call_key, subscription.language)
        if call is None or call.status_at(now) == CallPage.Status.CLOSED:
            # Unpublished or closed meanwhile: an alert would send candidates nowhere.
            delivery.status = AlertDelivery.Status.CANCELLED
            delivery.save(update_fields=["status"])
            return delivery.status
        message = emails.call_alert_message(subscription, call, in_language)
        message.connection = connection
        message.send()
    except Exception as error:
        return record_failure(delivery, error, now)
    delivery.status = AlertDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.language = call.locale.language_code
    delivery.last_error = ""
    delivery.save(update_fields=["status", "sent_at", "language", "last_error"])
    return delivery.status


def record_failure(delivery, error, now):
    delivery.refresh_from_db(fields=["attempts"])
    delivery.status = AlertDelivery.Status.FAILED
    delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
    delivery.next_attempt_at = retries.next_attempt_at(delivery.attempts, now, max_attempts())
    final = delivery.next_attempt_at is None
    delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
    logger.error(
        "Alert delivery %s (call %r to subscription %s) failed, attempt %d of %d%s: %s",
        delivery.pk,
        delivery.alert.call_title,
        delivery.subscription_id,
        delivery.attempts,
        max_attempts(),
        "; giving up"
        if final
        else f"; next attempt after {delivery.next_attempt_at:%Y-%m-%d %H:%M %Z}",
        delivery.last_error,
        exc_info=error,
    )
    return delivery.status


def send_due_deliveries(*, alert=None, ignore_wait=False, now=None):
    """Send every delivery that is due; returns ``{status: count}`` of what was attempted."""
    now = now or timezone.now()
    ids = list(
        due_deliveries(now, alert=alert, ignore_wait=ignore_wait).values_list("pk", flat=True)
    )
    return retries.send_batch(
        ids,
        lambda delivery_id, connection: send_delivery(delivery_id, connection, now),
        AlertDelivery.Status.FAILED,
    )


def next_retry_at():
    """When the earliest failed delivery may be tried again, or None."""
    return retries.earliest_retry(
        AlertDelivery.objects.filter(
            subscription__confirmed=True, subscription__unsubscribed_at__isnull=True
        ),
        failed_status=AlertDelivery.Status.FAILED,
        max_attempts=max_attempts(),
    )


def give_up_stale_sendings(now=None):
    """Deliveries claimed long ago and never finished: failed for good, never resent."""
    now = now or timezone.now()
    stale = AlertDelivery.objects.filter(
        status=AlertDelivery.Status.SENDING, last_attempt_at__lt=now - STALE_SENDING_AFTER
    )
    for delivery in stale.select_related("alert"):
        logger.error(
            "Alert delivery %s (call %r to subscription %s) was interrupted while being sent; "
            "it may have been delivered, so it is not sent again",
            delivery.pk,
            delivery.alert.call_title,
            delivery.subscription_id,
        )
    return stale.update(
        status=AlertDelivery.Status.FAILED,
        last_error="Interrupted while being sent: it may have been delivered, so not retried.",
        attempts=max_attempts(),
        next_attempt_at=None,
    )


def cancel_deliveries_of(subscription):
    """The subscriber left: what was not sent yet never will be."""
    return subscription.deliveries.filter(status__in=RETRYABLE).update(
        status=AlertDelivery.Status.CANCELLED, next_attempt_at=None
    )
