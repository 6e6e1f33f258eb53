"""The benchmark command runs end to end (its figures are for `make bench`, not tests)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_bench_search_builds_its_corpus_and_reports():
    out = StringIO()
    call_command("bench_search", pages=8, requests=4, stdout=out)
    report = out.getvalue()
    assert "search median=" in report and "p95=" in report and "pages/s" in report
    assert NewsPage.objects.count() == 8
    assert set(NewsPage.objects.values_list("locale__language_code", flat=True)) == {
        "fr",
        "en",
        "es",
        "ar",
    }


def test_bench_search_refuses_a_corpus_too_small_for_four_languages():
    with pytest.raises(CommandError, match="at least 4"):
        call_command("bench_search", pages=2, stdout=StringIO())
