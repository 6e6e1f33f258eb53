"""Per-request caches of the portal."""

from wagtail.models import Page

from portal.i18n import prime_locale, request_locale_cache


class LocaleCacheMiddleware:
    """Answer every locale look-up of a request from one query (see ``portal.i18n``).

    The cache lives exactly as long as the request, template rendering
    included, so that a locale created or removed is seen by the next request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_locale_cache():
            return self.get_response(request)

    def process_template_response(self, request, response):
        # The served page's language (``<html lang>``, og:locale) then costs no query.
        page = (response.context_data or {}).get("page")
        if isinstance(page, Page):
            prime_locale(page)
        return response
