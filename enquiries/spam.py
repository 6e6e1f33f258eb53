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

``take`` is the one counter behind this limit and the alert sign-up limits:
it counts with ``cache.add`` then ``cache.incr``, atomic operations on Redis
and on the local-memory cache, and is called *before* anything is stored, so
that simultaneous requests cannot all pass the check and then all be stored.
The counter must live in a cache shared by every worker (production: Redis, or
the database cache, see docs/decisions.md). The database cache's ``incr`` is
not atomic (it reads, then writes), so there each use takes one of ``limit``
numbered keys with ``add`` instead, an INSERT that only one caller wins.

The client address is ``REMOTE_ADDR``. Behind a reverse proxy that address is
the proxy's, so ``ENQUIRY_TRUST_X_FORWARDED_FOR = True`` makes the limit read
``X-Forwarded-For`` instead: its last entry, the one the trusted proxy added
(the entries before it come from the client and can be forged).
"""

import hashlib

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.db import BaseDatabaseCache

# A hyphen makes the name impossible for a form-builder field, whose names are
# snake_case: the trap can never shadow a real field.
HONEYPOT_FIELD_NAME = "your-website"

DEFAULT_RATE_LIMIT = 5
DEFAULT_RATE_LIMIT_WINDOW = 60 * 60


def honeypot_filled(request):
    """True when the hidden trap field came back with anything in it."""
    return bool(request.POST.get(HONEYPOT_FIELD_NAME, "").strip())


def client_address(request):
    """The address the rate limit counts for ``request`` (see the module docstring)."""
    if getattr(settings, "ENQUIRY_TRUST_X_FORWARDED_FOR", False):
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def rate_limit():
    return getattr(settings, "ENQUIRY_RATE_LIMIT", DEFAULT_RATE_LIMIT)


def rate_limit_window():
    return getattr(settings, "ENQUIRY_RATE_LIMIT_WINDOW", DEFAULT_RATE_LIMIT_WINDOW)


def _cache_key(scope, identity):
    # Hashed: the cache never holds visitors' addresses in clear.
    digest = hashlib.sha256(identity.encode()).hexdigest()
    return f"{scope}:{digest}"


def take(scope, identity, *, limit, window):
    """Count one use of ``scope`` by ``identity``; False once over ``limit`` in the window.

    The window starts with the first use: ``add`` creates the counter and its
    expiry only when it does not exist, and ``incr`` adds to it atomically, so
    of N simultaneous callers exactly ``limit`` get True. Refused calls count
    too (a client that keeps trying stays refused until the window ends).
    """
    key = _cache_key(scope, identity)
    if isinstance(caches[DEFAULT_CACHE_ALIAS], BaseDatabaseCache):
        return _take_slot(key, limit=limit, window=window)
    if cache.add(key, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired between add() and incr(): a new window
        count = 1 if cache.add(key, 1, timeout=window) else cache.incr(key)
    return count <= limit


def _take_slot(key, *, limit, window):
    """``take`` for the database cache, whose ``incr`` reads then writes (not atomic).

    Each use takes the first free one of ``limit`` numbered keys with ``add``,
    which is an INSERT on a unique key there: of two simultaneous callers only
    one gets a slot. Each slot lasts ``window`` from its own use, so at most
    ``limit`` uses pass in any ``window``.
    """
    return any(cache.add(f"{key}:{slot}", 1, timeout=window) for slot in range(limit))


def take_enquiry(request):
    """Count one enquiry from the client address; False when over ``ENQUIRY_RATE_LIMIT``."""
    return take(
        "enquiries:submissions",
        client_address(request),
        limit=rate_limit(),
        window=rate_limit_window(),
    )
