"""The counters behind every limit of the site, and the address they count.

One atomic counter (``take``: at most ``limit`` uses in a window; ``count``
and ``give_back`` for limits that count only failures) serves the enquiry
form, the alert sign-ups, the page-view passwords and the admin's password
reset (``portal/throttled_views.py``); the admin sign-in lockout (django-axes)
reads the same ``client_address``.

The client address is ``REMOTE_ADDR``. Behind a reverse proxy that address is
the proxy's, so ``ENQUIRY_TRUST_X_FORWARDED_FOR = True`` makes every limit
read ``X-Forwarded-For`` instead: its last entry, the one the trusted proxy
added (the entries before it come from the client and can be forged).
Counters live in the default cache (shared by the workers in production),
under hashed keys: the cache never holds an address in clear.
"""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.db import BaseDatabaseCache


def client_address(request):
    """The address every limit counts for ``request`` (see the module docstring)."""
    if getattr(settings, "ENQUIRY_TRUST_X_FORWARDED_FOR", False):
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def counter_key(kind, *parts):
    """The cache key of ``kind``'s counter for ``parts``, hashed: no address in clear."""
    digest = hashlib.sha256("\0".join(str(part) for part in parts).encode()).hexdigest()
    return f"throttle:{kind}:{digest}"


def _on_database_cache():
    return isinstance(caches[DEFAULT_CACHE_ALIAS], BaseDatabaseCache)


def count(key, window, *, sliding=False):
    """Add one to the counter ``key`` (created with a ``window``-second life); returns it.

    ``add`` then ``incr`` is atomic on Redis and in local memory, so concurrent
    requests from several workers all count; the database cache's ``incr`` is
    a read then a write, so there a burst of parallel requests may count short
    (``take`` avoids it). The window starts with the first count, or, when
    ``sliding``, again with each count (as the admin sign-in lockout's does).
    """
    if cache.add(key, 1, window):
        return 1
    try:
        value = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        return count(key, window, sliding=sliding)
    # The database cache's incr also resets the expiry to the cache's default.
    if sliding or _on_database_cache():
        cache.touch(key, window)
    return value


def take(scope, identity, *, limit, window):
    """Count one use of ``scope`` by ``identity``; False once over ``limit`` in the window.

    Atomic everywhere: of N simultaneous callers exactly ``limit`` get True.
    Refused calls count too (a client that keeps trying stays refused until
    the window ends).
    """
    key = counter_key(scope, identity)
    if _on_database_cache():
        return _take_slot(key, limit=limit, window=window)
    return count(key, window) <= limit


def _take_slot(key, *, limit, window):
    """``take`` for the database cache, whose ``incr`` reads then writes (not atomic).

    Each use takes the first free one of ``limit`` numbered keys with ``add``,
    which is an INSERT on a unique key there: of two simultaneous callers only
    one gets a slot. Each slot lasts ``window`` from its own use, so at most
    ``limit`` uses pass in any ``window``.
    """
    return any(cache.add(f"{key}:{slot}", 1, timeout=window) for slot in range(limit))


def give_back(key):
    """Take one off ``key``: an attempt counted ahead that turned out not to be a wrong guess."""
    with contextlib.suppress(ValueError):  # expired meanwhile
        cache.decr(key)
