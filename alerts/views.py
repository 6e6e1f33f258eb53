"""The visitor's side of the alerts: subscribe, confirm, unsubscribe, in the URL's language.

Links in e-mails only *show* a page: confirming and unsubscribing are POSTs
from a button on it. Mail scanners and link previews open links by GET, and a
subscription must not be confirmed by a robot (double opt-in) nor cancelled by
one. The exception is the RFC 8058 one-click POST that mail programs send to
the ``List-Unsubscribe`` address: that same address unsubscribes on POST
without a CSRF token (the unguessable token in the URL is the credential, and
unsubscribing is what the owner of the address asked for).

Pages reached through a token are never cached, never indexed and send no
Referer, so the token does not leave the visitor's browser.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from alerts.forms import CONSENT_TEXT, CONSENT_VERSION, SubscriptionForm
from alerts.models import Subscription
from alerts.subscriptions import (
    confirm,
    subscribe,
    unconfirmed_retention_days,
    unsubscribe,
)
from enquiries.spam import HONEYPOT_FIELD_NAME, honeypot_filled
from portal.i18n import active_locale, localized_pages
from portal.throttling import client_address, take
from programmes.models import CallIndexPage


def private_link(view):
    """For pages behind a token: not cached, not indexed, no Referer sent onwards."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if getattr(response, "context_data", None) is not None:
            response.context_data["private_link"] = True  # noindex, no hreflang links
        # The token goes to no other site. Not "no-referrer": browsers then send
        # "Origin: null" with the page's own button, and Django's CSRF check
        # refuses it.
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _calls_page():
    return CallIndexPage.objects.live().public().filter(locale=active_locale()).first()


def _render(request, template, context=None, status=200):
    context = {
        "calls_page": _calls_page(),
        "retention_days": unconfirmed_retention_days(),
        **(context or {}),
    }
    return TemplateResponse(request, template, context, status=status)


def signup_refusal(request, email):
    """Why this sign-up is refused (too many from the client, or for the address), or None.

    Counted before anything is stored, with the enquiry form's atomic counter
    (``portal.throttling.take``): first per client address, then per address typed.
    """
    if not take(
        "alerts:signups:client",
        client_address(request),
        limit=settings.ALERTS_SIGNUP_RATE_LIMIT,
        window=settings.ALERTS_SIGNUP_RATE_LIMIT_WINDOW,
    ):
        return _(
            "Too many sign-ups have been sent from your connection recently. "
            "Please try again later: what you typed is kept below."
        )
    if not take(
        "alerts:signups:email",
        email.lower(),
        limit=settings.ALERTS_SIGNUP_EMAIL_LIMIT,
        window=settings.ALERTS_SIGNUP_EMAIL_LIMIT_WINDOW,
    ):
        return _(
            "Too many confirmation e-mails have been asked for this address recently. "
            "Please look for the latest one in its inbox, or try again tomorrow."
        )
    return None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_view(request):
    status = 200
    if request.method == "POST":
        if honeypot_filled(request):
            # A robot: it sees the usual next page and learns nothing.
            return redirect("alerts:check_inbox")
        form = SubscriptionForm(request.POST)
        if not form.is_valid():
            status = 400
        elif refusal := signup_refusal(request, form.cleaned_data["email"]):
            form.add_error(None, refusal)  # the form keeps what was typed
            status = 429
        else:
            # Stores the subscription and its confirmation e-mail, queued for
            # the worker: the mail server is never awaited here.
            subscribe(
                email=form.cleaned_data["email"],
                language=translation.get_language(),
                programmes=form.chosen_programmes(),
                consent_version=CONSENT_VERSION,
                consent_text=str(CONSENT_TEXT),
            )
            return redirect("alerts:check_inbox")
    else:
        form = SubscriptionForm()
    return _render(
        request,
        "alerts/subscribe.html",
        {"form": form, "honeypot_field_name": HONEYPOT_FIELD_NAME},
        status=status,
    )


@never_cache
@require_safe
def check_inbox_view(request):
    return _render(request, "alerts/check_inbox.html")


def _subscription_for(token):
    return Subscription.objects.filter(token=token).first()


@private_link
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_view(request, token):
    subscription = _subscription_for(token)
    if subscription is None or subscription.unsubscribed_at is not None:
        return _render(request, "alerts/invalid_link.html", status=404)
    if not subscription.confirmed:
        if request.method != "POST":  # GET or HEAD (a mail scanner): only show the button
            programmes = localized_pages(subscription.programmes.order_by("path"))
            return _render(
                request,
                "alerts/confirm.html",
                {"subscription": subscription, "programmes": programmes},
            )
        subscription = confirm(subscription)
        if subscription is None:  # unsubscribed in the meantime
            return _render(request, "alerts/invalid_link.html", status=404)
    return _render(request, "alerts/confirmed.html", {"subscription": subscription})


@private_link
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, token):
    subscription = _subscription_for(token)
    if subscription is None:
        return _render(request, "alerts/invalid_link.html", status=404)
    if request.method == "POST":
        unsubscribe(subscription)
        return _render(request, "alerts/unsubscribed.html")
    if subscription.unsubscribed_at is not None:
        return _render(request, "alerts/unsubscribed.html")
    return _render(request, "alerts/unsubscribe.html", {"subscription": subscription})
