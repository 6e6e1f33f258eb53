"""The page cache: anonymous visitors' public pages, kept for PAGE_CACHE_SECONDS.

Django's own cache middleware is close but not right for the portal: it needs
two middlewares around the whole stack, adds `Expires`/`max-age` headers that
would keep a page in browsers after it is unpublished, and can only be emptied
with `cache.clear()`, which on Redis flushes the whole database (the enquiry
form's rate limit lives there too). wagtail-cache, the Wagtail package for
this, requires wagtail<8.

So one middleware, placed just after SecurityMiddleware (and WhiteNoise):
- it answers GET and HEAD requests for language-prefixed paths (`/fr/…`) from
  the `pages` cache alias, keyed by the full URL (scheme, host, path and query
  string), when the request carries neither a session nor a messages cookie:
  logged-in editors, and visitors with a message waiting, always reach Django;
- it stores a 200 response to such a GET unless the response sets a cookie
  (CSRF-protected forms, sessions) or says `Cache-Control: private`,
  `no-store`, `no-cache` or `max-age=0` (the eligibility answer);
- every key contains a generation token kept in the same cache. Publishing,
  unpublishing, moving or deleting a page, changing its view restrictions, or
  saving a snippet, an image, a document, a site or a locale replaces the
  token: every stored page becomes unreachable at once, in every worker, on any
  cache backend, without flushing anything; old entries expire on their own.

Responses carry `X-Cache: hit` or `X-Cache: miss` when the cache was consulted.
Pages whose content depends on the time (a call's open/closed status) may lag
by up to PAGE_CACHE_SECONDS.
"""

import hashlib
import uuid
from functools import cache

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_max_age

PAGE_CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache-generation"
CACHE_STATUS_HEADER = "X-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def page_cache():
    return caches[PAGE_CACHE_ALIAS]


def current_generation():
    """The token in every key; created when missing (first use, or evicted)."""
    store = page_cache()
    generation = store.get(GENERATION_KEY)
    if generation is None:
        # add() keeps a token another worker created meanwhile. A new random
        # token (not a counter starting again at 0) can never revive old keys.
        store.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = store.get(GENERATION_KEY)
    return generation


def clear_page_cache():
    """Make every stored page unreachable, for every worker sharing the cache."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def clear_page_cache_on_commit(**kwargs):
    """Signal receiver: clear once the change is committed.

    Clearing before the commit would let a request in between store the old
    content under the new generation, for PAGE_CACHE_SECONDS. Outside a
    transaction on_commit() runs the function at once.
    """
    transaction.on_commit(clear_page_cache)


@cache
def _language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def is_cacheable_path(path):
    """Public pages only: every one of them sits under a language prefix."""
    return path.startswith(_language_prefixes())


def request_may_use_cache(request):
    if request.method not in ("GET", "HEAD") or not is_cacheable_path(request.path_info):
        return False
    # A session cookie means a logged-in user (or one who entered a page's
    # password); a messages cookie means a message the next page must show.
    private_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return not any(name in request.COOKIES for name in private_cookies)


def response_may_be_stored(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    return get_max_age(response) != 0


def cache_key(request, generation):
    url = request.build_absolute_uri()
    return f"page:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if seconds <= 0 or not request_may_use_cache(request):
            return self.get_response(request)

        key = cache_key(request, current_generation())
        stored = page_cache().get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[CACHE_STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if response_may_be_stored(request, response):
            page_cache().set(key, (response.content, list(response.items())), seconds)
        response[CACHE_STATUS_HEADER] = "miss"
        return response


def connect_signals():
    """Clear the page cache whenever what a public page shows may have changed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(clear_page_cache_on_commit, dispatch_uid="page_cache_published")
    page_unpublished.connect(clear_page_cache_on_commit, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(clear_page_cache_on_commit, dispatch_uid="page_cache_moved")
    post_save.connect(_clear_on_content_save, dispatch_uid="page_cache_saved")
    post_delete.connect(_clear_on_delete, dispatch_uid="page_cache_deleted")


@cache
def _content_models():
    """Models whose rows public pages show, besides the pages themselves."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    return (
        *get_snippet_models(),
        get_image_model(),
        get_document_model(),
        PageViewRestriction,
        Site,
        Locale,
    )


def _clear_on_content_save(sender, instance, **kwargs):
    # Saving a page is not publishing it (a draft saves the page row too):
    # page_published covers pages.
    if isinstance(instance, _content_models()):
        clear_page_cache_on_commit()


def _clear_on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, (Page, *_content_models())):
        clear_page_cache_on_commit()
