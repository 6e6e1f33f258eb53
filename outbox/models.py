"""E-mails waiting to be sent, and what became of them.

The site never talks to the mail server while answering a request: the
enquiry form and the alert sign-up store their e-mails here and queue a
task; the task worker sends each one (``EMAIL_TIMEOUT`` bounds every
attempt) and a failed one is retried later (outbox/retries.py), by a
deferred task or by the periodic ``send_queued_emails``. Each e-mail is
claimed before it is sent, so it is sent at most once; one interrupted while
being sent is given up rather than risk a second copy.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # Replaced by a newer e-mail of the same group before it could be sent.
        CANCELLED = "cancelled", _("Cancelled")

    # What the e-mail is, for the logs ("enquiry to the team").
    purpose = models.CharField(_("kind of e-mail"), max_length=100)
    # A newer e-mail of the same group cancels the unsent older ones (a
    # confirmation link asked for again).
    group_key = models.CharField(_("group"), max_length=100, blank=True, db_index=True)
    from_email = models.CharField(_("from"), max_length=320)
    to = models.JSONField(_("to"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.purpose} #{self.pk}"
