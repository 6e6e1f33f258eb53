"""Settings read from the environment."""

import importlib
import os
import sys
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured


def load_base(**environ):
    with mock.patch.dict(os.environ, environ, clear=False):
        sys.modules.pop("portal.settings.base", None)
        try:
            return importlib.import_module("portal.settings.base")
        finally:
            sys.modules.pop("portal.settings.base", None)


def test_deepl_is_offered_only_with_a_key():
    with mock.patch.dict(os.environ, {}, clear=False):
        os.environ.pop("DEEPL_API_KEY", None)
        assert not hasattr(load_base(), "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    settings = load_base(DEEPL_API_KEY="secret:fx")
    translator = settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    assert translator["CLASS"].endswith("DeepLTranslator")
    assert translator["OPTIONS"] == {"AUTH_KEY": "secret:fx"}


def test_languages_come_from_the_environment_with_french_first():
    settings = load_base(PORTAL_LANGUAGES="en,ar")
    assert [code for code, _ in settings.LANGUAGES] == ["fr", "en", "ar"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


def test_unknown_language_is_refused_with_a_clear_message():
    with pytest.raises(RuntimeError, match="PORTAL_LANGUAGES names unknown language"):
        load_base(PORTAL_LANGUAGES="fr,xx")


def test_production_refuses_to_start_without_a_secret_key():
    with mock.patch.dict(os.environ, {"SECRET_KEY": ""}):
        sys.modules.pop("portal.settings.production", None)
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
            importlib.import_module("portal.settings.production")
    sys.modules.pop("portal.settings.production", None)


def load_production(**environ):
    with mock.patch.dict(os.environ, {"SECRET_KEY": "x" * 50, **environ}):
        sys.modules.pop("portal.settings.production", None)
        try:
            return importlib.import_module("portal.settings.production")
        finally:
            sys.modules.pop("portal.settings.production", None)


def test_production_cache_is_shared_by_every_worker():
    without_redis = load_production(REDIS_URL="")
    assert without_redis.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    with_redis = load_production(REDIS_URL="redis://cache.internal:6379/0")
    assert with_redis.CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
    }
