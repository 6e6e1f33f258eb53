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
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
