"""Read-only public API (Wagtail API v2): pages, images and documents.

What partner sites get, and what they never get:

- pages: live pages outside any view restriction, from every language's tree;
  ``?locale=en`` keeps one language and ``?translation_of=<id>`` lists a page's
  translations. Only the meta fields and each model's ``api_fields`` can be
  requested (anything else is a 400), e.g.
  ``/api/v2/pages/?type=programmes.CallPage&fields=opens_at,closes_at,status&locale=en``.
- images and documents: title, tags and download URL, leaving out the
  collections with a view restriction (Wagtail's own viewsets do this; the
  tests in ``tests/test_api.py`` keep it that way). Document downloads still
  go through Wagtail's serve view, which enforces the restriction.

Bad input is answered in JSON, never with a 500: an id that is not a number
is a 400 here, an unknown object or ``?format=`` a 404 (``LocaleMiddleware``
in ``portal/middleware.py`` no longer turns those into redirects), a NUL
character a 400 (``RejectNullCharactersMiddleware``).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class NumericIdFindMixin:
    """``find/?id=abc`` is a 400: Wagtail passes the value to the database unchecked."""

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                int(request.GET["id"])
            except ValueError as error:
                raise BadRequestError("id must be an integer") from error
        return super().find_object(queryset, request)


class PortalPagesAPIViewSet(NumericIdFindMixin, PagesAPIViewSet):
    pass


class PortalImagesAPIViewSet(NumericIdFindMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(NumericIdFindMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
