"""Settings shared by every environment.

Safe on its own: DEBUG is off and nothing secret is written here. The
environment-specific modules (dev, test, production) import this one.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from search.backend_settings import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    # Project apps, ordered from the bottom of the import chain up.
    "portal",
    "network",
    "programmes",
    "news",
    "enquiries",
    "home",
    "search",
    # Translation (must come before wagtail's own apps it overrides templates of).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                "wagtail.contrib.settings.context_processors.settings",
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
STATICFILES_DIRS = [PROJECT_DIR / "static"]
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
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
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
# (portal/translation_review.py).
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
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
