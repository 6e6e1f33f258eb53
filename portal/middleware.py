"""Per-request caches of the portal."""

from urllib.parse import unquote

from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.i18n import prime_locale, request_locale_cache
from portal.view_restrictions import request_restriction_cache


class LocaleCacheMiddleware:
    """Answer every locale look-up of a request from one query (see ``portal.i18n``),
    and every ``.public()`` from one read of the view restrictions
    (``portal.view_restrictions``).

    The caches live exactly as long as the request, template rendering
    included, so that a locale created or removed is seen by the next request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_locale_cache(), request_restriction_cache():
            return self.get_response(request)

    def process_template_response(self, request, response):
        # The served page's language (``<html lang>``, og:locale) then costs no query.
        page = (response.context_data or {}).get("page")
        if isinstance(page, Page):
            prime_locale(page)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a view's own "not found" is never redirected.

    Django redirects every 404 outside the language prefixes to the same path
    under ``/fr/``, on the guess that the prefix was forgotten. Under the
    prefixes Wagtail answers every path, so the guess always "succeeds": the
    API's JSON 404 (an unknown id, ``?format=xyz``) became a 302 to an HTML
    page. The guess is right only when no URL pattern matched the path; when
    one did, its view's 404 is the answer.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None):
            patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)


class RejectNullCharactersMiddleware:
    """Answer 400 to an address holding a NUL character, before any view reads it.

    The path is checked as well as the query string: ``%00`` in a path segment
    reaches the alerts' token look-ups and Wagtail's slug look-up decoded.

    Placed after the LocaleMiddleware, so that the page says so in the
    visitor's language. No address of the site takes one, and PostgreSQL cannot store or compare
    text holding NUL: every filter, search or look-up that passed it on failed
    with a 500. One check here covers every view, the API's included.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = unquote(request.META.get("QUERY_STRING", ""))
        if "\x00" in request.path_info or "\x00" in query:
            message = _("This address holds a character that no address of this site uses.")
            if request.path_info.startswith("/api/"):
                return JsonResponse({"message": message}, status=400)
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)
