"""Listing helpers shared by the index pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page):
    """Return the page of ``items`` named by ``?page=``.

    A missing or malformed page number gives the first page and one past the
    end gives the last, so that a hand-edited URL never produces an error.
    """
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
