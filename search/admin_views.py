"""The communication team's view of searches that found nothing."""

import datetime as dt

from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from search.models import ZeroResultQuery

PERIOD_DAYS = 30


def zero_result_queries(request):
    since = timezone.localdate() - dt.timedelta(days=PERIOD_DAYS)
    rows = (
        ZeroResultQuery.objects.filter(date__gte=since)
        .values("query_string", "locale__language_code")
        .annotate(total=Sum("hits"), last_seen=Max("date"))
        .order_by("-total", "query_string")[:200]
    )
    return TemplateResponse(
        request,
        "search/admin/zero_result_queries.html",
        {"rows": rows, "days": PERIOD_DAYS, "page_title": _("Searches without results")},
    )
