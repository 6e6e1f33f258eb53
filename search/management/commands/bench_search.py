"""Measure search on a generated corpus: ``manage.py bench_search --pages 1000``.

Builds (once per database) a corpus of news pages spread over the four
languages, rebuilds the search index to measure indexing throughput, then times
search requests through the whole Django stack (URL routing, middleware,
view, template) with the test client. Run it on a throwaway database only:
``make bench`` does.
"""

import logging
import random
import statistics
import time
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage

WORDS = {
    "fr": [
        "abbaye",
        "résidence",
        "artiste",
        "chercheur",
        "patrimoine",
        "musique",
        "jardin",
        "écriture",
        "théâtre",
        "rencontre",
        "réseau",
        "programme",
        "appel",
        "exil",
        "création",
        "paysage",
        "archive",
        "monument",
        "saline",
    ],
    "en": [
        "abbey",
        "residency",
        "artist",
        "researcher",
        "heritage",
        "music",
        "garden",
        "writing",
        "theatre",
        "meeting",
        "network",
        "programme",
        "call",
        "exile",
        "creation",
        "landscape",
        "archive",
        "monument",
        "saltworks",
    ],
    "es": [
        "abadía",
        "residencia",
        "artista",
        "investigador",
        "patrimonio",
        "música",
        "jardín",
        "escritura",
        "teatro",
        "encuentro",
        "red",
        "programa",
        "convocatoria",
        "exilio",
        "creación",
        "paisaje",
        "archivo",
        "monumento",
    ],
    "ar": [
        "دير",
        "إقامة",
        "فنان",
        "باحث",
        "تراث",
        "موسيقى",
        "حديقة",
        "كتابة",
        "مسرح",
        "لقاء",
        "شبكة",
        "برنامج",
        "دعوة",
        "منفى",
        "إبداع",
        "منظر",
        "أرشيف",
        "معلم",
    ],
}
REQUESTS = 60


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


class Command(BaseCommand):
    help = "Time search requests and indexing on a generated corpus (use a throwaway database)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=1000, help="pages in the corpus")
        parser.add_argument("--requests", type=int, default=REQUESTS, help="timed requests")

    def handle(self, *args, pages, requests, **options):
        # Page creation logs every save and task: keep the report readable.
        for name in ("wagtail", "django_tasks"):
            logging.getLogger(name).setLevel(logging.WARNING)
        if pages < len(WORDS):
            raise CommandError("--pages must be at least 4 (one per language).")
        languages = [code for code, _ in settings.LANGUAGES if code in WORDS]
        indexes = self.ensure_tree(languages)
        existing = NewsPage.objects.count()
        if existing < pages:
            started = time.perf_counter()
            self.build(indexes, pages - existing)
            self.stdout.write(
                f"created {pages - existing} pages in {time.perf_counter() - started:.1f}s"
            )
        count = Page.objects.count()
        started = time.perf_counter()
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        indexing = time.perf_counter() - started
        timings = self.time_requests(languages, requests)
        ordered = sorted(timings)
        p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
        self.stdout.write(
            f"{connection.vendor:<10} pages={count:>6}  "
            f"search median={statistics.median(timings):6.1f} ms  p95={p95:6.1f} ms  "
            f"indexing={count / indexing:7.0f} pages/s ({indexing:.1f}s for all backends)"
        )

    def ensure_tree(self, languages):
        root = Page.get_first_root_node()
        indexes = {}
        for code in languages:
            locale, _ = Locale.objects.get_or_create(language_code=code)
            home = HomePage.objects.filter(locale=locale).first()
            if home is None:
                home = root.add_child(
                    instance=HomePage(
                        title=f"Bench {code}",
                        slug=f"bench-{code}",
                        hero_title="Bench",
                        locale=locale,
                    )
                )
            index = NewsIndexPage.objects.child_of(home).first()
            if index is None:
                index = home.add_child(
                    instance=NewsIndexPage(title="News", slug="news", locale=locale)
                )
            indexes[code] = index
        site = Site.objects.get(is_default_site=True)
        default_home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        if site.root_page_id != default_home.pk:
            site.root_page = default_home
            site.save()
        return indexes

    def build(self, indexes, count):
        rng = random.Random(count)  # noqa: S311 - reproducible filler text, not security
        codes = list(indexes)
        with transaction.atomic():
            for number in range(count):
                code = codes[number % len(codes)]
                words = WORDS[code]
                indexes[code].add_child(
                    instance=NewsPage(
                        title=sentence(rng, words, 4),
                        slug=f"item-{number}-{rng.randrange(10**9)}",
                        lead=sentence(rng, words, 20),
                        body=[{"type": "paragraph", "value": f"<p>{sentence(rng, words, 60)}</p>"}],
                        locale=indexes[code].locale,
                    )
                )

    def time_requests(self, languages, requests):
        client = Client()
        rng = random.Random(7)  # noqa: S311
        timings = []
        for number in range(requests + 5):
            code = languages[number % len(languages)]
            query = " ".join(rng.sample(WORDS[code], 2))
            started = time.perf_counter()
            response = client.get(f"/{code}/search/", {"q": query}, HTTP_HOST="localhost")
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise CommandError(f"/{code}/search/?q={query} answered {response.status_code}")
            if number >= 5:  # the first requests warm caches up
                timings.append(elapsed)
        return timings
