"""The e-mails of the alerts, each written in its subscriber's language.

Every message carries a link that unsubscribes in one click, and the headers
of RFC 2369 and RFC 8058 (``List-Unsubscribe`` and ``List-Unsubscribe-Post``)
that let mail programs offer their own "Unsubscribe" button: they POST to the
same address, which unsubscribes without asking anything more.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from programmes.models import CallPage


def absolute_url(path):
    """``path`` on the public site (``WAGTAILADMIN_BASE_URL``), as e-mails need."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subscriber_url(name, subscription):
    """The confirmation or unsubscribe address of ``subscription``, in its language."""
    with translation.override(subscription.language):
        return absolute_url(reverse(f"alerts:{name}", args=[subscription.token]))


def _message(subscription, subject_template, body_template, context):
    unsubscribe_url = subscriber_url("unsubscribe", subscription)
    context = {
        **context,
        "subscription": subscription,
        "unsubscribe_url": unsubscribe_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(subscription.language):
        # A subject is one line, whatever the template's line breaks.
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    return EmailMessage(
        subject,
        body,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # Marks the message as automatic: no out-of-office replies.
            "Auto-Submitted": "auto-generated",
        },
    )


def confirmation_message(subscription, programme_titles):
    return _message(
        subscription,
        "alerts/emails/confirmation_subject.txt",
        "alerts/emails/confirmation.txt",
        {
            "confirm_url": subscriber_url("confirm", subscription),
            "programme_titles": programme_titles,
        },
    )


def call_in_language(call_key, language):
    """The live, public call with ``call_key`` in ``language``, else in French.

    Returns ``(call, in_requested_language)``; ``(None, False)`` when the call is
    live in neither.
    """
    calls = {
        call.locale.language_code: call
        for call in CallPage.objects.live()
        .public()
        .filter(
            translation_key=call_key, locale__language_code__in={language, settings.LANGUAGE_CODE}
        )
        .select_related("locale")
    }
    if language in calls:
        return calls[language], True
    return calls.get(settings.LANGUAGE_CODE), False


def paris_time(moment):
    """``moment`` as a date and time in the site's time zone, formatted for the active language."""
    local = timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE))
    return formats.date_format(local, "DATETIME_FORMAT")


def call_alert_message(subscription, call, in_subscriber_language):
    with translation.override(subscription.language):
        # Read under the subscriber's language: the derived "who can apply" line
        # and the status labels are interface strings.
        language_name = translation.get_language_info(subscription.language)["name_translated"]
        context = {
            "call": call,
            "programme": call.get_parent().specific,
            "in_subscriber_language": in_subscriber_language,
            "subscriber_language_name": language_name,
            "opens_at": paris_time(call.opens_at),
            "closes_at": paris_time(call.closes_at),
            "is_upcoming": call.status_at(timezone.now()) == CallPage.Status.UPCOMING,
            "audience": call.audience_line,
            "call_url": call.get_full_url(),
        }
    if not context["call_url"]:
        raise ValueError(f"Call {call.pk} has no public URL (is it under a site?)")
    return _message(
        subscription,
        "alerts/emails/call_alert_subject.txt",
        "alerts/emails/call_alert.txt",
        context,
    )
