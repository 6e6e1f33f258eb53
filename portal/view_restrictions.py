"""One read of the view restrictions per request, for every ``.public()``.

Wagtail's ``PageQuerySet.private_q`` (behind ``public()``, ``not_public()``
and ``private()``) reads every ``PageViewRestriction`` each time it is called:
the menu, the listings, their facets and the cards each call it, 5 to 7
identical queries per page. The restrictions are a handful of rows that
change a few times a year, so inside a request they are read once.

The memo lives as long as the request (``LocaleCacheMiddleware`` opens it
around ``request_locale_cache``), and any restriction saved or deleted in the
meantime empties it (``connect_signals``): an admin request that adds a
restriction sees it at once. Outside a request (commands, the task worker)
nothing is memoised and Wagtail's behaviour is unchanged.

It replaces ``PageQuerySet.private_q`` itself (``install``, from
``PortalConfig.ready``), the one place every path goes through, whatever page
type's queryset calls it; ``portal/tests/test_view_restrictions.py`` checks
that seam against the installed Wagtail.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

# ``None`` outside a request; inside one, a list once the restrictions are read.
_request_restrictions = ContextVar("portal_request_view_restrictions", default=None)
_UNREAD = object()


@contextmanager
def request_restriction_cache():
    token = _request_restrictions.set(_UNREAD)
    try:
        yield
    finally:
        _request_restrictions.reset(token)


def view_restrictions():
    """Every view restriction with its page, read once per request."""
    memo = _request_restrictions.get()
    if memo is None:
        return list(PageViewRestriction.objects.select_related("page"))
    if memo is _UNREAD:
        memo = list(PageViewRestriction.objects.select_related("page"))
        _request_restrictions.set(memo)
    return memo


def private_q(queryset):
    """Wagtail's ``PageQuerySet.private_q``, over the request's restrictions."""
    q = Q()
    for restriction in view_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    # As Wagtail: match no page if no private section exists.
    return q if q else Q(pk__in=[])


def _forget(**kwargs):
    if _request_restrictions.get() is not None:
        _request_restrictions.set(_UNREAD)


def install():
    PageQuerySet.private_q = private_q
    post_save.connect(_forget, sender=PageViewRestriction, dispatch_uid="portal_restrictions_save")
    post_delete.connect(
        _forget, sender=PageViewRestriction, dispatch_uid="portal_restrictions_delete"
    )
