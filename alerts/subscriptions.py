"""Subscribing, confirming and unsubscribing (see models.py for the rules)."""

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts import emails
from alerts.models import Subscription
from alerts.sending import cancel_deliveries_of
from outbox import mail, sending

logger = logging.getLogger("alerts")

# Subscribing again within this delay updates the choices without a new
# e-mail: the form cannot be used to flood somebody's inbox.
CONFIRMATION_RESEND_AFTER = dt.timedelta(minutes=5)
# Pending subscriptions nobody confirmed are forgotten after this many days.
DEFAULT_UNCONFIRMED_RETENTION_DAYS = 30


def _pending_subscription(email, fields):
    """The address's pending subscription, created or updated with ``fields``, locked."""
    for _attempt in range(2):
        subscription = Subscription.objects.pending().for_email(email).select_for_update().first()
        if subscription is not None:
            for name, value in fields.items():
                setattr(subscription, name, value)
            subscription.email = email
            subscription.save()
            return subscription
        try:
            with transaction.atomic():
                return Subscription.objects.create(email=email, **fields)
        except IntegrityError:  # created by a simultaneous request: update that one
            continue
    raise RuntimeError(f"Could not create or find the pending subscription of {email}")


def subscribe(*, email, language, programmes, consent_version, consent_text, now=None):
    """Record a pending subscription and queue the e-mail of its confirmation link.

    ``programmes``: French ``ProgrammePage``s, empty for every programme.
    Returns the pending subscription. The e-mail is stored in the outbox with
    the subscription (one transaction) and sent by the task worker, retried if
    the mail server fails: the request never waits for the mail server.
    A newer confirmation e-mail cancels an older one not sent yet.
    """
    now = now or timezone.now()
    fields = {
        "language": language,
        "all_programmes": not programmes,
        "consent_version": consent_version,
        "consent_text": consent_text,
    }
    with transaction.atomic():
        subscription = _pending_subscription(email, fields)
        subscription.programmes.set(programmes)
        last_sent = subscription.confirmation_sent_at
        if last_sent is not None and now - last_sent < CONFIRMATION_RESEND_AFTER:
            return subscription
        message = emails.confirmation_message(
            subscription, [programme.title for programme in programmes]
        )
        email = sending.store(
            message,
            purpose=f"alert confirmation (subscription {subscription.pk})",
            group_key=f"alerts.confirmation.{subscription.pk}",
        )
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["confirmation_sent_at"])
    # Once stored: the worker (or the immediate backend, here) finds the e-mail.
    mail.enqueue(email)
    return subscription


def confirm(subscription, now=None):
    """Confirm a pending subscription; returns the subscription that now receives alerts.

    When the address already had a confirmed subscription, that one takes the
    new choices (it keeps its unsubscribe link and its history) and the pending
    one disappears. Returns None when the subscription was unsubscribed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.unsubscribed_at is not None:
            return None
        if subscription.confirmed:
            return subscription
        current = (
            Subscription.objects.active().for_email(subscription.email).select_for_update().first()
        )
        target = current or subscription
        target.language = subscription.language
        target.all_programmes = subscription.all_programmes
        target.consent_version = subscription.consent_version
        target.consent_text = subscription.consent_text
        target.consent_at = now
        target.confirmed = True
        if current is not None:
            current.programmes.set(subscription.programmes.all())
            subscription.delete()
        target.save()
    logger.info("Alert subscription %s confirmed", target.pk)
    return target


def unsubscribe(subscription, now=None):
    """Stop every alert to this subscription at once; safe to repeat."""
    with transaction.atomic():
        updated = Subscription.objects.filter(
            pk=subscription.pk, unsubscribed_at__isnull=True
        ).update(unsubscribed_at=now or timezone.now())
        cancel_deliveries_of(subscription)
    if updated:
        logger.info("Alert subscription %s unsubscribed", subscription.pk)
    return bool(updated)


def unconfirmed_retention_days():
    return getattr(
        settings, "ALERTS_UNCONFIRMED_RETENTION_DAYS", DEFAULT_UNCONFIRMED_RETENTION_DAYS
    )


def forget_unconfirmed(now=None):
    """Delete the pending subscriptions nobody confirmed in time: no consent, no keeping."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=unconfirmed_retention_days())
    _total, per_model = Subscription.objects.filter(confirmed=False, created_at__lt=cutoff).delete()
    return per_model.get(Subscription._meta.label, 0)
