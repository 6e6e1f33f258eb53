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
    # base is imported afresh too: most variables are read there.
    modules = ("portal.settings.production", "portal.settings.base")
    with mock.patch.dict(os.environ, {"SECRET_KEY": "x" * 50, **environ}):
        for module in modules:
            sys.modules.pop(module, None)
        try:
            return importlib.import_module("portal.settings.production")
        finally:
            for module in modules:
                sys.modules.pop(module, None)


def test_production_cache_is_shared_by_every_worker():
    without_redis = load_production(REDIS_URL="")
    assert without_redis.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    with_redis = load_production(REDIS_URL="redis://cache.internal:6379/0")
    assert with_redis.CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
    }


def test_production_hosts_and_trusted_origins_are_comma_separated_lists():
    settings = load_production(
        ALLOWED_HOSTS=" www.example.org, example.org ,,",
        CSRF_TRUSTED_ORIGINS="https://www.example.org, https://example.org",
    )
    assert settings.ALLOWED_HOSTS == ["www.example.org", "example.org"]
    assert settings.CSRF_TRUSTED_ORIGINS == ["https://www.example.org", "https://example.org"]
    empty = load_production(ALLOWED_HOSTS="", CSRF_TRUSTED_ORIGINS="")
    assert empty.ALLOWED_HOSTS == []
    assert empty.CSRF_TRUSTED_ORIGINS == []


def test_production_database_comes_from_database_url():
    settings = load_production(DATABASE_URL="postgres://ccr:secret@db.internal:5432/ccr")
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db.internal", "ccr", "ccr")


def test_elasticsearch_url_switches_every_search_backend():
    without = load_production(ELASTICSEARCH_URL="")
    assert {b["BACKEND"] for b in without.WAGTAILSEARCH_BACKENDS.values()} == {
        "search.backends.database"
    }
    settings = load_production(ELASTICSEARCH_URL="https://search.internal:9200")
    backends = settings.WAGTAILSEARCH_BACKENDS
    assert set(backends) == {"default", *(f"lang_{code}" for code, _ in settings.LANGUAGES)}
    for backend in backends.values():
        assert backend["BACKEND"] == "search.backends.elasticsearch"
        assert backend["URLS"] == ["https://search.internal:9200"]


def test_production_email_uses_smtp_only_when_a_host_is_given():
    without = load_production(EMAIL_HOST="")
    assert not hasattr(without, "EMAIL_HOST")
    settings = load_production(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="465",
        EMAIL_HOST_USER="portal",
        EMAIL_HOST_PASSWORD="secret",
        EMAIL_USE_TLS="false",
        DEFAULT_FROM_EMAIL="ACCR <site@example.org>",
    )
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings.EMAIL_HOST, settings.EMAIL_PORT) == ("smtp.example.org", 465)
    assert (settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD) == ("portal", "secret")
    assert settings.EMAIL_USE_TLS is False
    assert settings.DEFAULT_FROM_EMAIL == "ACCR <site@example.org>"


def test_page_cache_is_on_in_production_only_and_configurable():
    with mock.patch.dict(os.environ):
        os.environ.pop("PAGE_CACHE_SECONDS", None)
        assert load_base().PAGE_CACHE_SECONDS == 0
        assert load_production().PAGE_CACHE_SECONDS == 300
    assert load_production(PAGE_CACHE_SECONDS="0").PAGE_CACHE_SECONDS == 0
    assert load_production(PAGE_CACHE_SECONDS="60").PAGE_CACHE_SECONDS == 60


def test_page_cache_has_its_own_shared_store_in_production():
    in_database = load_production(REDIS_URL="").CACHES
    assert in_database["pages"]["BACKEND"].endswith("DatabaseCache")
    assert in_database["pages"]["LOCATION"] != in_database["default"]["LOCATION"]
    in_redis = load_production(REDIS_URL="redis://cache.internal:6379/0").CACHES
    assert in_redis["pages"]["LOCATION"] == "redis://cache.internal:6379/0"
    assert in_redis["pages"]["KEY_PREFIX"] == "pages"
    assert "portal.page_cache.PageCacheMiddleware" in load_production().MIDDLEWARE


def test_production_media_stay_on_disk_without_a_bucket():
    settings = load_production(AWS_STORAGE_BUCKET_NAME="", MEDIA_ROOT="/srv/media")
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert str(settings.MEDIA_ROOT) == "/srv/media"


def test_production_media_go_to_an_s3_bucket_served_from_media_url():
    settings = load_production(
        AWS_STORAGE_BUCKET_NAME="ccr-media",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        AWS_S3_REGION_NAME="fr-par",
        MEDIA_URL="https://ccr-media.s3.fr-par.scw.cloud/",
    )
    storage = settings.STORAGES["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "ccr-media"
    assert options["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert options["region_name"] == "fr-par"
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    # The storage accepts these options, and builds public, unsigned URLs from MEDIA_URL.
    from storages.backends.s3 import S3Storage

    url = S3Storage(**options).url("original_images/abbaye.jpg")
    assert url == "https://ccr-media.s3.fr-par.scw.cloud/original_images/abbaye.jpg"


def test_s3_media_need_an_absolute_media_url():
    with pytest.raises(ImproperlyConfigured, match="MEDIA_URL must be the bucket's public"):
        load_production(AWS_STORAGE_BUCKET_NAME="ccr-media", MEDIA_URL="/media/")


def test_logs_go_to_standard_output():
    handler = load_production().LOGGING["handlers"]["console"]
    assert handler["stream"] == "ext://sys.stdout"


def test_mail_timeout_and_sign_up_limits_come_from_the_environment():
    with mock.patch.dict(os.environ, {}, clear=False):
        for name in ("EMAIL_TIMEOUT", "ALERTS_SIGNUP_RATE_LIMIT", "ALERTS_SIGNUP_EMAIL_LIMIT"):
            os.environ.pop(name, None)
        defaults = load_base()
    assert defaults.EMAIL_TIMEOUT == 10
    assert (defaults.ALERTS_SIGNUP_RATE_LIMIT, defaults.ALERTS_SIGNUP_EMAIL_LIMIT) == (10, 5)
    tuned = load_base(
        EMAIL_TIMEOUT="2.5",
        ALERTS_SIGNUP_RATE_LIMIT="3",
        ALERTS_SIGNUP_RATE_LIMIT_WINDOW="60",
        ALERTS_SIGNUP_EMAIL_LIMIT="1",
        ALERTS_SIGNUP_EMAIL_LIMIT_WINDOW="600",
    )
    assert tuned.EMAIL_TIMEOUT == 2.5
    assert (tuned.ALERTS_SIGNUP_RATE_LIMIT, tuned.ALERTS_SIGNUP_RATE_LIMIT_WINDOW) == (3, 60)
    assert (tuned.ALERTS_SIGNUP_EMAIL_LIMIT, tuned.ALERTS_SIGNUP_EMAIL_LIMIT_WINDOW) == (1, 600)
