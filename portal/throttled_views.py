"""Limits on guesses and e-mails: page-view passwords and the admin's password reset.

Wagtail accepts any number of guesses at a page's view password and sends a
password reset e-mail for every request. Both views are replaced at their
URLs (``portal/urls.py``, before Wagtail's patterns of the same name and path),
so that every form, whichever page shows it, posts to the limited view:

- **Page passwords**: after ``PAGE_PASSWORD_FAILURE_LIMIT`` (10) wrong
  passwords for one restriction (it covers a page and its subtree) from one
  client address, that address's guesses are refused, the right password
  included, until ``PAGE_PASSWORD_LOCKOUT_SECONDS`` (900) have passed since
  its last attempt: the form comes back with a message and status 429.
- **Admin password reset**: at most ``PASSWORD_RESET_ADDRESS_LIMIT`` (5)
  requests per client address and ``PASSWORD_RESET_EMAIL_LIMIT`` (3) per
  e-mail address, until ``PASSWORD_RESET_WINDOW_SECONDS`` (3600) have passed
  since the last request; over either, the
  form comes back with a message and status 429, and nothing is sent. The
  e-mail limit counts every address asked for, known or not, so the answer
  does not tell which addresses have an account.

The counters and the client address are ``portal/throttling.py``'s.
"""

from django.conf import settings
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from portal.throttling import client_address, count, counter_key, give_back

# --- Page-view passwords ---------------------------------------------------------------


def page_password_key(request, restriction_id):
    return counter_key("page-password", client_address(request), restriction_id)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, refusing guesses from an address that made too many wrong ones.

    Each guess is counted before it is checked, so that concurrent guesses
    cannot all slip under the limit; one that was not wrong is given back.
    """
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    key = page_password_key(request, page_view_restriction_id)
    if (
        count(key, settings.PAGE_PASSWORD_LOCKOUT_SECONDS, sliding=True)
        > settings.PAGE_PASSWORD_FAILURE_LIMIT
    ):
        return refused_password_response(request, page_view_restriction_id, page_id)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 200:
        # A redirect (the right password) or a 404: only a form sent back is a wrong guess.
        give_back(key)
    return response


def refused_password_response(request, restriction_id, page_id):
    """The password form, with the refusal as its only error and the password not checked."""
    restriction = get_object_or_404(PageViewRestriction, id=restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = PasswordViewRestrictionForm(
        {"return_url": request.POST.get("return_url", "")}, instance=restriction
    )
    form.cleaned_data = {}
    form._errors = ErrorDict()
    form.add_error(None, gettext("Too many wrong passwords. Please try again later."))
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response


# --- The admin's password reset --------------------------------------------------------


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's admin password reset, with a limit per client address and per e-mail."""

    def post(self, request, *args, **kwargs):
        window = settings.PASSWORD_RESET_WINDOW_SECONDS
        email = request.POST.get("email", "").strip().lower()
        # Counted first (atomic), then compared, so that parallel requests all count.
        requests_from_address = count(
            counter_key("password-reset-address", client_address(request)), window, sliding=True
        )
        requests_for_email = (
            count(counter_key("password-reset-email", email), window, sliding=True) if email else 0
        )
        if (
            requests_from_address > settings.PASSWORD_RESET_ADDRESS_LIMIT
            or requests_for_email > settings.PASSWORD_RESET_EMAIL_LIMIT
        ):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None, gettext("Too many password reset requests. Please try again later.")
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)
