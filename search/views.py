"""Site search, restricted to the visitor's language."""

from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from portal.pagination import paginate

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = paginate(request, pages.search(query), RESULTS_PER_PAGE)
        Query.get(query).add_hit()
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": results}
    )
