"""Retrying an e-mail that failed: when, how often, and never twice once it may have left.

Shared by the outbox (outbox/sending.py) and the alerts' deliveries
(alerts/sending.py). A record that is sent has ``status``, ``attempts``,
``last_attempt_at`` and ``next_attempt_at`` fields; a sender *claims* it with a
conditional UPDATE (retryable → sending, one more attempt) before handing it
to the mail server, so of two senders reaching it only one sends it.
"""

import datetime as dt

from django.core.mail import get_connection
from django.db.models import F

# Wait before the 2nd, 3rd, 4th, 5th… attempt; the last delay repeats.
RETRY_DELAYS = (
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(hours=1),
    dt.timedelta(hours=4),
)
# A record claimed this long ago and never finished was interrupted while
# talking to the mail server: it may have been delivered, so it is not resent.
STALE_SENDING_AFTER = dt.timedelta(hours=1)


def retry_delay(attempts):
    """How long to wait after the ``attempts``-th failed attempt."""
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def next_attempt_at(attempts, now, max_attempts):
    """When to try again after the ``attempts``-th failure; None once they are used up."""
    if attempts >= max_attempts:
        return None
    return now + retry_delay(attempts)


def claim(queryset, pk, *, now, sending_status, max_attempts):
    """Mark the record ``pk`` of ``queryset`` (its retryable ones) as being sent.

    True when this caller got it: the UPDATE is conditional, so a record is
    claimed once however many senders try at the same moment.
    """
    claimed = queryset.filter(pk=pk, attempts__lt=max_attempts).update(
        status=sending_status,
        attempts=F("attempts") + 1,
        last_attempt_at=now,
        next_attempt_at=None,
    )
    return claimed == 1


def send_batch(ids, send_one, failed_status):
    """Send the records ``ids`` with ``send_one(pk, connection)``; ``{status: count}``.

    One connection for the batch; after a failure it is closed, and the next
    send opens a fresh one (the failure may have broken it).
    """
    outcome = {}
    if not ids:
        return outcome
    connection = get_connection()
    try:
        for pk in ids:
            status = send_one(pk, connection)
            if status == failed_status:
                connection.close()
            if status is not None:
                outcome[str(status)] = outcome.get(str(status), 0) + 1
    finally:
        connection.close()
    return outcome


def earliest_retry(queryset, *, failed_status, max_attempts):
    """When the earliest failed record of ``queryset`` may be tried again, or None."""
    return (
        queryset.filter(
            status=failed_status, attempts__lt=max_attempts, next_attempt_at__isnull=False
        )
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
