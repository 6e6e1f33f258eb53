"""The search page and the suggestions of the search box, in the visitor's language."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page

from network.models import NetworkIndexPage
from portal.i18n import active_locale
from portal.pagination import paginate
from programmes.models import CallPage, ProgrammeIndexPage
from search.backends import backend_for_language
from search.services import TYPES, SiteSearch, clean_query

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8


def _fallback_links(locale):
    """Where to go when nothing matched: the open calls and the directory."""
    live = Page.objects.live().public().filter(locale=locale)
    return {
        "open_calls": list(
            CallPage.objects.live().public().filter(locale=locale).open().order_by("closes_at")[:3]
        ),
        "calls_index": live.type(ProgrammeIndexPage).first(),
        "directory": live.type(NetworkIndexPage).first(),
    }


@require_safe
def search(request):
    raw_query = request.GET.get("q", "")
    all_languages = request.GET.get("languages") == "all"
    locale = active_locale()
    site_search = SiteSearch(raw_query, request.GET, locale=locale, all_languages=all_languages)
    context = {
        "search_query": site_search.query,
        "raw_query": raw_query.strip()[:200],
        "all_languages": all_languages,
        "search_results": None,
        "types": TYPES,
    }
    if site_search.query:
        page = paginate(request, site_search.filtered_ids, RESULTS_PER_PAGE)
        page.object_list = site_search.results(list(page.object_list))
        context.update(
            search_results=page,
            facets=site_search.facets,
            promotions=site_search.promotions if page.number == 1 else [],
            active_filters=site_search.active_filters,
        )
        if request.method == "GET":  # a HEAD (a link checker) is not a visitor's search
            site_search.record()
    if not site_search.query or not site_search.ranked_ids:
        context.update(_fallback_links(locale))
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Up to eight page titles starting with what was typed, as JSON for the search box."""
    query = clean_query(request.GET.get("q", ""))
    if len(query) < 2:
        return JsonResponse({"query": query, "suggestions": []})
    locale = active_locale()
    pages = Page.objects.live().public().filter(locale=locale)
    hits = backend_for_language(locale.language_code).autocomplete(query, pages)[:SUGGESTIONS]
    specific = Page.objects.filter(pk__in=[page.pk for page in hits]).specific()
    by_id = {page.pk: page for page in specific}
    suggestions = []
    for hit in hits:
        page = by_id.get(hit.pk)
        if page is not None:
            suggestions.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(page.specific_class._meta.verbose_name),
                }
            )
    return JsonResponse({"query": query, "suggestions": suggestions})
