"""Test settings: fast hashing, plain static storage, local-memory cache."""

import atexit
import os
import shutil
import tempfile

from .base import *

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off, so that tests see fresh pages; portal/tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# Built on every request: a test that changes a menu needs no commit
# (home/tests/test_navigation.py turns it on).
NAVIGATION_CACHE_SECONDS = 0
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ccr-test-media-"))
# One folder per test process (xdist workers included), removed when it ends.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# portal/tests/test_worker_outage.py runs the worker in a subprocess against a
# database queue of its own: the only test that needs one.
if os.environ.get("CCR_TEST_DATABASE_TASKS"):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
