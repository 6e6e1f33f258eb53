"""E-mail alerts on new calls: who subscribed, which calls were announced, what was sent.

A subscription goes live only when its owner clicks the link e-mailed to
them (double opt-in): until then it is *pending* and receives nothing but that
confirmation e-mail. Each address has at most one confirmed and one pending
subscription. Subscribing again with an address that is already confirmed
creates (or updates) the pending one; confirming it moves the new choices onto
the confirmed subscription, so nobody can change someone else's alerts by
typing their address.

A call is announced once, whatever its language and however often it is
republished: ``CallAlert`` is keyed by the call's ``translation_key``. Each
subscriber gets one ``AlertDelivery`` per call (unique), which a sender claims
before sending: a delivery is sent at most once, and a failure stays on record
until a retry succeeds or the attempts run out.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.i18n import SOURCE_LOCALE_ONLY


def new_token():
    """An unguessable token for the links e-mailed to a subscriber (256 bits)."""
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        """Confirmed and not unsubscribed: the subscriptions that receive alerts."""
        return self.filter(confirmed=True, unsubscribed_at__isnull=True)

    def pending(self):
        """Waiting for their owner to click the confirmation link."""
        return self.filter(confirmed=False, unsubscribed_at__isnull=True)

    def for_email(self, email):
        return self.filter(email__iexact=email)

    def matching_programme(self, programme_key):
        """Those who follow every programme, or the programme with this ``translation_key``."""
        return self.filter(
            Q(all_programmes=True) | Q(programmes__translation_key=programme_key)
        ).distinct()


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    all_programmes = models.BooleanField(_("all programmes"), default=True)
    programmes = models.ManyToManyField(
        "programmes.ProgrammePage",
        verbose_name=_("programmes"),
        blank=True,
        related_name="+",
        # The French pages: every language's programme shares their translation_key.
        limit_choices_to=SOURCE_LOCALE_ONLY,
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("subscribed on"), default=timezone.now, editable=False)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation e-mail sent"), null=True, blank=True, editable=False
    )
    confirmed = models.BooleanField(_("confirmed"), default=False, editable=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True, editable=False)
    consent_version = models.CharField(
        _("version of the consent text"), max_length=20, blank=True, editable=False
    )
    consent_text = models.TextField(
        _("consent text shown"),
        blank=True,
        editable=False,
        help_text=_("The wording the subscriber agreed to, in their language."),
    )
    unsubscribed_at = models.DateTimeField(
        _("unsubscribed on"), null=True, blank=True, editable=False
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=Q(confirmed=True, unsubscribed_at__isnull=True),
                name="alerts_one_confirmed_subscription_per_email",
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=Q(confirmed=False, unsubscribed_at__isnull=True),
                name="alerts_one_pending_subscription_per_email",
            ),
        ]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed and self.unsubscribed_at is None

    def programmes_display(self):
        if self.all_programmes:
            return _("All programmes")
        return ", ".join(programme.title for programme in self.programmes.all())

    programmes_display.short_description = _("programmes")


class CallAlert(models.Model):
    """A call whose alert has been queued: one per call, in every language."""

    call_key = models.UUIDField(_("call (translation key)"), unique=True, editable=False)
    call_title = models.CharField(_("call"), max_length=255, editable=False)
    queued_at = models.DateTimeField(_("queued"), default=timezone.now, editable=False)
    # Set once a delivery exists for every matching subscriber; until then the
    # periodic sender (send_pending_alerts) may do it, should the task be lost.
    recipients_listed_at = models.DateTimeField(
        _("recipients listed"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("call alert")
        verbose_name_plural = _("call alerts")
        ordering = ["-queued_at"]

    def __str__(self):
        return self.call_title


class AlertDelivery(models.Model):
    """One call's alert to one subscriber."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        # Claimed by a sender; the e-mail is being handed to the mail server.
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # The subscriber left, or the call closed, before it could be sent.
        CANCELLED = "cancelled", _("Cancelled")

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # The call, through its alert: unique with the subscription, so that a
    # subscriber can never be listed twice for one call.
    alert = models.ForeignKey(
        CallAlert, verbose_name=_("call"), on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    language = models.CharField(_("language sent in"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "alert"], name="alerts_one_delivery_per_call"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subscription} — {self.alert}"
