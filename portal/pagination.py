"""The one pagination helper of the listings and the search page."""

from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """Return the page of ``items`` named by ``?page=``.

    Django's ``Paginator.get_page``: a missing or malformed page number gives
    the first page and one out of range the last, so that a hand-edited URL
    never produces an error.
    """
    return Paginator(items, per_page).get_page(request.GET.get("page"))
