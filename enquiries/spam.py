"""Spam protection of the enquiry form, without any third-party service.

Two defences:

- a honeypot: a text input that people never see (hidden with CSS, out of the
  tab order, hidden from assistive technologies) but form-filling robots do.
  When it comes back filled, the submission is discarded silently and the
  sender sees the usual thank-you page, so that it learns nothing;
- a rate limit per client address, counted in Django's cache: after
  ``ENQUIRY_RATE_LIMIT`` valid submissions (5 by default) from one address,
  the next ones are refused until ``ENQUIRY_RATE_LIMIT_WINDOW`` seconds (an hour
  by default) have passed since the first.

The counter (``take``) and the client address live in ``portal/throttling.py``,
with every other limit of the site: ``take`` is atomic and is called *before*
anything is stored, so that simultaneous requests cannot all pass the check
and then all be stored.
"""

from django.conf import settings

# The counter and the client address are shared with every limit of the site.
from portal.throttling import client_address, take

# A hyphen makes the name impossible for a form-builder field, whose names are
# snake_case: the trap can never shadow a real field.
HONEYPOT_FIELD_NAME = "your-website"

DEFAULT_RATE_LIMIT = 5
DEFAULT_RATE_LIMIT_WINDOW = 60 * 60


def honeypot_filled(request):
    """True when the hidden trap field came back with anything in it."""
    return bool(request.POST.get(HONEYPOT_FIELD_NAME, "").strip())


def rate_limit():
    return getattr(settings, "ENQUIRY_RATE_LIMIT", DEFAULT_RATE_LIMIT)


def rate_limit_window():
    return getattr(settings, "ENQUIRY_RATE_LIMIT_WINDOW", DEFAULT_RATE_LIMIT_WINDOW)


def take_enquiry(request):
    """Count one enquiry from the client address; False when over ``ENQUIRY_RATE_LIMIT``."""
    return take(
        "enquiries:submissions",
        client_address(request),
        limit=rate_limit(),
        window=rate_limit_window(),
    )
