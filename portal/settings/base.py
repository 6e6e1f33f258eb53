"""Settings shared by every environment.

Safe on its own: DEBUG is off and nothing secret is written here. The
environment-specific modules (dev, test, production) import this one.
"""

import datetime
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

from search.backend_settings import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    # Project apps, ordered from the bottom of the import chain up.
    "portal",
    # E-mails stored and sent by the task worker (enquiries, alert confirmations).
    "outbox",
    # The sitemap, robots.txt, the old site's redirects import and the "Pages not
    # found" report. Before wagtail.contrib.redirects: its import_redirects command
    # replaces Wagtail's.
    "seo",
    "network",
    "programmes",
    "news",
    "enquiries",
    "alerts",
    "home",
    "search",
    # The team's admin (dashboard, roles, content checks): on top of every content app.
    "cockpit",
    # The translation review, before wagtail_localize: its admin URLs, hooks and
    # templates replace those of wagtail-localize that publish without review.
    "translations",
    # Translation (must come before wagtail's own apps it overrides templates of).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "leaflet",
    # SimpleAdminConfig: no admin autodiscovery, so django-leaflet's GeoDjango admin
    # (which needs GDAL) is never imported; the site has no Django admin.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Security: the Content-Security-Policy header and admin login throttling.
    "csp",
    "axes",
    # The database queue of background tasks, used by production (TASKS there).
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    # Answers anonymous visitors from the page cache before anything else runs
    # (portal/page_cache.py); off unless PAGE_CACHE_SECONDS is set.
    "portal.page_cache.PageCacheMiddleware",
    # Counts the final 404 answers, after every redirect below had its chance
    # (seo/not_found.py).
    "seo.not_found.NotFoundRecorderMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that a view's own 404 (the API's) is not redirected to /fr/.
    "portal.middleware.LocaleMiddleware",
    # A NUL character in a query string gets a 400 here, before a view passes it
    # to the database (portal/middleware.py).
    "portal.middleware.RejectNullCharactersMiddleware",
    # Locale look-ups answered from one query per request (portal/i18n.py).
    "portal.middleware.LocaleCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out sign-in into the lockout page (see "Security" below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://…) switches engine.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------
# French is the source language. The list of languages is configuration: set
# PORTAL_LANGUAGES to a comma-separated subset of the codes below.
AVAILABLE_LANGUAGES = {
    "fr": _("French"),
    "en": _("English"),
    "es": _("Spanish"),
    "ar": _("Arabic"),
}
_requested = [
    code.strip()
    for code in os.environ.get("PORTAL_LANGUAGES", "fr,en,es,ar").split(",")
    if code.strip()
]
_unknown = [code for code in _requested if code not in AVAILABLE_LANGUAGES]
if _unknown:
    raise RuntimeError(
        f"PORTAL_LANGUAGES names unknown language(s) {_unknown}; "
        f"choose among {sorted(AVAILABLE_LANGUAGES)}"
    )
if "fr" not in _requested:
    _requested.insert(0, "fr")

LANGUAGE_CODE = "fr"
LANGUAGES = [(code, AVAILABLE_LANGUAGES[code]) for code in _requested]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

# Calls open and close at Paris time; editors type dates in Paris time.
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# portal/static is found as the `portal` app's static directory: listing it in
# STATICFILES_DIRS as well made collectstatic find every file twice.
STATICFILES_DIRS = []
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Centres culturels de rencontre"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin speaks each editor's language (Account → Preferences), among the
# portal's four whatever PORTAL_LANGUAGES says; without a preference, the
# browser's language if it is one of them, else French (LANGUAGE_CODE).
WAGTAILADMIN_PERMITTED_LANGUAGES = list(AVAILABLE_LANGUAGES.items())
# No avatars from Gravatar: the admin makes no request to another host (an
# editor's address would be sent there too); Wagtail shows its default avatar
# unless the editor uploads one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "cockpit.admin_forms.AdminLoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Pixels, not bytes, decide what renditions cost: a 367 KB PNG of 126 million
# pixels kept a worker busy past gunicorn's timeout (Wagtail's default limit is
# 128 million). 40 million is a 7,700 x 5,200 photograph, more than any rendition
# of the site needs (the largest are 1,200 px wide); the upload form refuses more.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "40000000"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Search: one backend per language, each indexing only its language's pages
# with that language's analysis, and a default backend for everything else
# (search/backends/__init__.py explains why). ELASTICSEARCH_URL switches all of
# them to Elasticsearch.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = search_backends(
    [code for code, _name in LANGUAGES],
    postgres=DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
    elasticsearch_url=ELASTICSEARCH_URL,
    index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "ccr_"),
    default_text_config=os.environ.get("SEARCH_CONFIG", "simple"),
)

WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Embedded media come from these providers only: the Content-Security-Policy
# below lets their players (and nothing else) into frames, so the admin refuses
# other URLs at once instead of saving a player that would stay blank.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [
            oembed_providers.youtube,
            oembed_providers.vimeo,
            oembed_providers.dailymotion,
            oembed_providers.soundcloud,
        ],
    }
]
EMBED_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
    "https://w.soundcloud.com",
]

# Rich text: editors get what the templates style, nothing that carries layout.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# wagtail-localize saves translations as drafts: they go live through review
# (translations/review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine pre-translation with DeepL, offered in the translation editor only
# when a key is configured.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# --- E-mail ---------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ACCR <noreply@accr-europe.org>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Seconds the SMTP backend waits for the mail server (connecting, then each
# answer) before giving up: a server that accepts and never answers must not
# hold the task worker. E-mails are sent by the worker, never in a request
# (outbox/), and a failed one is retried later.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Standard output, where process managers and platforms collect logs.
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# --- Background tasks -------------------------------------------------------------
# manage.py run_worker (the Procfile's worker) waits 1 s after losing the
# database, doubling each time up to this many seconds, then tries again.
WORKER_RETRY_MAX_SECONDS = float(os.environ.get("WORKER_RETRY_MAX_SECONDS", "10"))

# --- Pages not found (seo/not_found.py) --------------------------------------------
# Rows of the "Pages not found" report: a new path beyond this takes the place
# of the one asked for least; paths not asked for in this many days are forgotten.
NOT_FOUND_MAX_ROWS = int(os.environ.get("NOT_FOUND_MAX_ROWS", "5000"))
NOT_FOUND_RETENTION_DAYS = int(os.environ.get("NOT_FOUND_RETENTION_DAYS", "180"))

# --- Page cache -------------------------------------------------------------------
# Anonymous visitors' public pages are kept this many seconds in the "pages"
# cache (portal/page_cache.py); 0 turns the page cache off. Production sets
# its default and a cache shared by every worker.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
# The menu and the footer, kept per site and language under the page cache's
# generation (emptied by any publication or snippet save), whether or not whole
# pages are cached: home/navigation.py.
NAVIGATION_CACHE_SECONDS = int(os.environ.get("NAVIGATION_CACHE_SECONDS", str(24 * 60 * 60)))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}

# --- Maps ------------------------------------------------------------------------
# Leaflet comes from django-leaflet (its static files, no CDN). The tile server
# is configuration: MAP_TILES_URL and MAP_TILES_ATTRIBUTION. Leave MAP_TILES_URL
# empty to draw markers without background tiles (the list works regardless).
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILES_ATTRIBUTION = os.environ.get(
    "MAP_TILES_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
LEAFLET_CONFIG = {
    "TILES": [(_("Map"), MAP_TILES_URL, {"attribution": MAP_TILES_ATTRIBUTION, "maxZoom": 18})]
    if MAP_TILES_URL
    else [],
    "DEFAULT_CENTER": (46.6, 2.4),
    "DEFAULT_ZOOM": 5,
    "MIN_ZOOM": 2,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    "NO_GLOBALS": True,
}


# --- Enquiry form ----------------------------------------------------------------------
# The form's rate limit counts submissions per client address. Behind a proxy
# that sets X-Forwarded-For, REMOTE_ADDR is the proxy's: trust the header then.
ENQUIRY_TRUST_X_FORWARDED_FOR = os.environ.get("ENQUIRY_TRUST_X_FORWARDED_FOR", "").lower() in {
    "1",
    "true",
    "yes",
}
# At most ENQUIRY_RATE_LIMIT enquiries per address in ENQUIRY_RATE_LIMIT_WINDOW seconds.
ENQUIRY_RATE_LIMIT = int(os.environ.get("ENQUIRY_RATE_LIMIT", "5"))
ENQUIRY_RATE_LIMIT_WINDOW = int(os.environ.get("ENQUIRY_RATE_LIMIT_WINDOW", "3600"))

# --- Alert sign-ups --------------------------------------------------------------------
# Each sign-up e-mails a confirmation link to the address typed: at most
# ALERTS_SIGNUP_RATE_LIMIT sign-ups per client address (read as the enquiry
# form reads it) in ALERTS_SIGNUP_RATE_LIMIT_WINDOW seconds, and at most
# ALERTS_SIGNUP_EMAIL_LIMIT per e-mail address in ALERTS_SIGNUP_EMAIL_LIMIT_WINDOW.
ALERTS_SIGNUP_RATE_LIMIT = int(os.environ.get("ALERTS_SIGNUP_RATE_LIMIT", "10"))
ALERTS_SIGNUP_RATE_LIMIT_WINDOW = int(os.environ.get("ALERTS_SIGNUP_RATE_LIMIT_WINDOW", "3600"))
ALERTS_SIGNUP_EMAIL_LIMIT = int(os.environ.get("ALERTS_SIGNUP_EMAIL_LIMIT", "5"))
ALERTS_SIGNUP_EMAIL_LIMIT_WINDOW = int(os.environ.get("ALERTS_SIGNUP_EMAIL_LIMIT_WINDOW", "86400"))


# --- Security ------------------------------------------------------------------------
# Headers sent in every environment (dev and tests see what production sends);
# production.py adds those that need HTTPS (HSTS, secure cookies, redirect).
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: Wagtail's admin takes the token from the page
# (wagtailConfig, csrfmiddlewaretoken inputs), and so does wagtail-localize.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"


def _origin(url):
    """``scheme://host[:port]`` of an absolute URL, None for a relative or empty one.

    A tile server's host may hold a placeholder (``https://{s}.tile.example.org``):
    the labels up to it become the CSP wildcard ``*.``.
    """
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return None
    host = parts.netloc
    if "{" in host:
        host = "*." + re.sub(r"^.*\}[^.]*\.", "", host)
    return f"{parts.scheme}://{host}"


# Content-Security-Policy of the public site (django-csp; the admin gets its own,
# see portal/security.py). No inline script anywhere: data reaches scripts through
# json_script blocks, which are not executed. Leaflet positions the map with the
# CSSOM (element.style), which style-src does not restrict.
_extra_image_origins = [
    origin for origin in (_origin(MAP_TILES_URL), _origin(MEDIA_URL)) if origin is not None
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_extra_image_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": EMBED_FRAME_ORIGINS,
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The admin runs inline scripts and styles (Wagtail's and its widgets'), so its
# policy leaves scripts alone and keeps the rest: only the site itself may frame
# it (page previews are admin pages shown in an admin iframe), no plugins, no
# <base> hijacking, forms post to the site only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Admin sign-in throttling (django-axes): after ADMIN_LOGIN_FAILURE_LIMIT failed
# attempts for one username from one address, that pair is refused, even with
# the right password, for ADMIN_LOGIN_COOLOFF_MINUTES (counted again from each
# new attempt during the lockout). Other users, and the same user elsewhere, are
# unaffected, so a shared office address never locks everybody out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Page-view passwords and the admin's password reset (portal/throttled_views.py).
PAGE_PASSWORD_FAILURE_LIMIT = int(os.environ.get("PAGE_PASSWORD_FAILURE_LIMIT", "10"))
PAGE_PASSWORD_LOCKOUT_SECONDS = int(os.environ.get("PAGE_PASSWORD_LOCKOUT_SECONDS", "900"))
PASSWORD_RESET_ADDRESS_LIMIT = int(os.environ.get("PASSWORD_RESET_ADDRESS_LIMIT", "5"))
PASSWORD_RESET_EMAIL_LIMIT = int(os.environ.get("PASSWORD_RESET_EMAIL_LIMIT", "3"))
PASSWORD_RESET_WINDOW_SECONDS = int(os.environ.get("PASSWORD_RESET_WINDOW_SECONDS", "3600"))
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("ADMIN_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.security.admin_lockout_response"
# The client address is read as the enquiry form's rate limit reads it, so
# ENQUIRY_TRUST_X_FORWARDED_FOR governs both behind a reverse proxy.
AXES_CLIENT_IP_CALLABLE = "portal.throttling.client_address"
# Failed attempts are kept (they drive the lockout); successful sign-ins are not
# logged with their address, which the site has no use for.
AXES_DISABLE_ACCESS_LOG = True
# Lockouts are still logged as warnings; this only silences the start-up banner
# that every manage.py command would otherwise print.
AXES_VERBOSE = False
