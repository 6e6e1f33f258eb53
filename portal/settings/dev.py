"""Local development: debugging on, console e-mail, a fixed dev-only secret."""

import contextlib
import os

from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-ccr-portal")  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Dev caches are per process (locmem): a change made by a command or the task
# worker would not reach runserver's kept menus. Off unless set.
NAVIGATION_CACHE_SECONDS = int(os.environ.get("NAVIGATION_CACHE_SECONDS", "0"))

# An untracked local.py may override anything for one developer's machine.
with contextlib.suppress(ImportError):
    from .local import *  # noqa: F401
