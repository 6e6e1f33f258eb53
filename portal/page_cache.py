"""The page cache: anonymous visitors' public pages, kept for PAGE_CACHE_SECONDS.

Django's own cache middleware is close but not right for the portal: it needs
two middlewares around the whole stack, adds `Expires`/`max-age` headers that
would keep a page in browsers after it is unpublished, and can only be emptied
with `cache.clear()`, which on Redis flushes the whole database (the enquiry
form's rate limit lives there too). wagtail-cache, the Wagtail package for
this, requires wagtail<8.

So one middleware, placed just after SecurityMiddleware (and WhiteNoise):
- it answers GET and HEAD requests for language-prefixed paths (`/fr/…`) from
  the `pages` cache alias, when the request carries neither a session nor a
  messages cookie: logged-in editors, and visitors with a message waiting,
  always reach Django;
- the key is the URL without its query string (scheme, host, path) plus the
  values of the query parameters the page read when it was built. `request.GET`
  is a `ReadTrackingQueryDict` that notes every parameter a view or template
  asks for; the names are kept per URL beside the pages. A parameter no page
  reads (`?utm_source=…`, or random junk added to get past the cache) is not in
  the key, so such requests share the cached page instead of each costing a
  full render. A page that reads the whole query string (copies it, iterates
  over it) is keyed on all of it, as before. Links that keep the visitor's
  filters use `{% understood_querystring %}` (portal_tags), which carries the
  parameters the page read and drops the others;
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
import json
import uuid
from functools import cache

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_max_age

PAGE_CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache-generation"
# The names of the parameters a URL's page read, or READ_ALL.
READ_PARAMS_PREFIX = "page-params"
READ_ALL = "*"
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


class ReadTrackingQueryDict(QueryDict):
    """``request.GET`` that notes which parameters the response was built from.

    Asking for one parameter (``get``, ``[]``, ``getlist``, ``in``) notes its
    name; anything that sees the whole query string (iterating, copying,
    ``urlencode``, ``len``) notes ``read_all``.
    """

    def __init__(self, *args, **kwargs):
        self.read_names = set()  # before parsing, which goes through __contains__
        self.read_all = False
        super().__init__(*args, **kwargs)
        self.read_names = set()

    def understood(self):
        """A plain copy holding only the parameters read so far."""
        params = QueryDict(mutable=True, encoding=self.encoding)
        for name in self.read_names:
            if super().__contains__(name):
                params.setlist(name, super().getlist(name))
        return params

    def __getitem__(self, key):
        self.read_names.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read_names.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read_names.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.read_names.add(key)
        return super().__contains__(key)


def _reads_everything(method_name):
    method = getattr(QueryDict, method_name)

    def whole_read(self, *args, **kwargs):
        self.read_all = True
        return method(self, *args, **kwargs)

    whole_read.__name__ = method_name
    return whole_read


# Every way to read the whole query string at once, copies included.
WHOLE_READS = (
    "items",
    "lists",
    "values",
    "keys",
    "dict",
    "copy",
    "urlencode",
    "__iter__",
    "__len__",
    "__copy__",
    "__deepcopy__",
    "__getstate__",
)
for _name in WHOLE_READS:
    setattr(ReadTrackingQueryDict, _name, _reads_everything(_name))


def raw_query_string(request):
    """The query string's bytes, as Django reads them for ``request.GET``."""
    environ = getattr(request, "environ", None) or request.META
    return get_bytes_from_wsgi(environ, "QUERY_STRING", "")


def understood_params(request):
    """The query parameters the current page read: all of them if nothing tracked the reads."""
    params = request.GET
    return params.understood() if isinstance(params, ReadTrackingQueryDict) else params


def _url_digest(request):
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return hashlib.sha256(url.encode()).hexdigest()


def read_params_key(request, generation):
    return f"{READ_PARAMS_PREFIX}:{generation}:{_url_digest(request)}"


def cache_key(request, generation, read_params):
    """The page's key: its URL and the values of the parameters it read (``read_params``)."""
    if read_params == READ_ALL:
        query = "all:" + raw_query_string(request).decode("latin-1")
    else:
        params = QueryDict(raw_query_string(request), encoding=request.encoding)
        # JSON, so that no value can pass for another parameter's.
        query = "read:" + json.dumps([[name, params.getlist(name)] for name in sorted(read_params)])
    digest = hashlib.sha256(f"{_url_digest(request)}?{query}".encode()).hexdigest()
    return f"page:{generation}:{digest}"


def params_read_by(request, learned):
    """What the response just built read, merged with what earlier requests had read."""
    params = request.GET
    if learned == READ_ALL or not isinstance(params, ReadTrackingQueryDict) or params.read_all:
        return READ_ALL
    return frozenset(params.read_names | set(learned or ()))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_cacheable_path(request.path_info):
            # Always, cache on or off, so that pages build the same links either way.
            request.GET = ReadTrackingQueryDict(
                raw_query_string(request), encoding=request.encoding
            )
        seconds = page_cache_seconds()
        if seconds <= 0 or not request_may_use_cache(request):
            return self.get_response(request)

        store = page_cache()
        generation = current_generation()
        learned = store.get(read_params_key(request, generation))
        if learned is not None:
            stored = store.get(cache_key(request, generation, learned))
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                response[CACHE_STATUS_HEADER] = "hit"
                return response

        response = self.get_response(request)
        if response_may_be_stored(request, response):
            read = params_read_by(request, learned)
            if read != learned:
                store.set(read_params_key(request, generation), read, seconds)
            store.set(
                cache_key(request, generation, read),
                (response.content, list(response.items())),
                seconds,
            )
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
