"""Production: every secret and host comes from the environment."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False

CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

# WhiteNoise serves compressed, content-hashed static files from the app itself.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Over HTTPS only: cookies never travel in clear, browsers remember to use HTTPS.
# The headers every environment sends (CSP, frame denial, nosniff, referrer and
# opener policies, HttpOnly/SameSite cookies) are in base.py.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

# Background tasks (Wagtail's search index and reference index updates, the
# alerts to candidates) are queued in the database and run by the Procfile's
# `worker` process (`manage.py db_worker`), not inside web requests.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The cache is shared by every worker (the enquiry form's rate limit counts in
# it): Redis when REDIS_URL is set, otherwise a table in the database, created
# by `createcachetable` in the Procfile's release step.
# The page cache (portal/page_cache.py) sits beside it, in the same Redis under
# its own key prefix, or in a table of its own.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "pages",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_page_cache",
            # Every language's pages and their filtered variants (?country=…).
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# Uploaded images and documents: on the local disk (MEDIA_ROOT, which must then
# survive deployments), or in an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set. MEDIA_URL is then the bucket's public address
# (or its CDN's): image URLs are built from it, and the Content-Security-Policy
# allows images from its origin. Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (read by django-storages), or from the host's IAM role.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _media_url = urlsplit(MEDIA_URL)
    if not (_media_url.scheme and _media_url.netloc):
        raise ImproperlyConfigured(
            "With AWS_STORAGE_BUCKET_NAME set, MEDIA_URL must be the bucket's public "
            "address, e.g. https://my-bucket.s3.eu-west-3.amazonaws.com/"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": (_media_url.netloc + _media_url.path).rstrip("/"),
            "url_protocol": f"{_media_url.scheme}:",
            # Images are public and their URLs sit in cached pages: no expiring
            # signatures. Renditions must never overwrite one another.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # Documents are streamed through the site, so that private collections'
    # and pages' restrictions still apply to them.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
