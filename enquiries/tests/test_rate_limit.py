"""The rate limit's counter (``portal.throttling.take``): enquiries and alert sign-ups."""

import threading

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory

from enquiries import spam
from portal import throttling


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def run_at_once(count, call):
    """``call()`` from ``count`` threads released together; returns their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(index):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return results


def test_twenty_simultaneous_takes_let_exactly_the_limit_through():
    results = run_at_once(20, lambda: throttling.take("test", "203.0.113.7", limit=5, window=60))

    assert results.count(True) == 5
    assert results.count(False) == 15


def test_simultaneous_enquiries_from_one_address_pass_the_limit_only_five_times(settings):
    settings.ENQUIRY_RATE_LIMIT = 5
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")

    results = run_at_once(20, lambda: spam.take_enquiry(request))

    assert results.count(True) == 5
    other = RequestFactory().post("/", REMOTE_ADDR="198.51.100.9")
    assert spam.take_enquiry(other)


def test_identities_and_scopes_count_apart():
    for _ in range(2):
        assert throttling.take("a", "x", limit=2, window=60)
    assert not throttling.take("a", "x", limit=2, window=60)
    assert throttling.take("a", "y", limit=2, window=60)
    assert throttling.take("b", "x", limit=2, window=60)


def test_the_window_starts_again_once_the_counter_expires():
    assert throttling.take("a", "x", limit=1, window=60)
    assert not throttling.take("a", "x", limit=1, window=60)
    cache.delete(throttling.counter_key("a", "x"))  # as the cache does when the window ends
    assert throttling.take("a", "x", limit=1, window=60)


def test_the_cache_never_holds_the_address_in_clear():
    throttling.take("enquiries:submissions", "203.0.113.7", limit=5, window=60)
    assert not any("203.0.113.7" in key for key in cache._cache)


@pytest.mark.django_db
def test_on_the_database_cache_each_use_takes_one_of_limit_slots(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"},
    }
    call_command("createcachetable", verbosity=0)
    try:
        results = [throttling.take("a", "x", limit=3, window=60) for _ in range(5)]
        assert results == [True, True, True, False, False]
        assert throttling.take("a", "y", limit=3, window=60)
        # A slot freed (expired) lets one more through, and only one.
        cache.delete(throttling.counter_key("a", "x") + ":1")
        assert [throttling.take("a", "x", limit=3, window=60) for _ in range(2)] == [True, False]
    finally:
        cache.clear()
