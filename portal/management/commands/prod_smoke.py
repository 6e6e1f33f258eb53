"""Smoke test of a running site, over HTTP: every page type in every language.

`make prod-smoke` (scripts/prod-smoke.sh) runs it against gunicorn started from
the Procfile with production settings; it can as well check a deployed site
from a machine that reaches its database (`--base-url https://www.example.org`).

Pages are found in the database: the first live public page of each type in
each locale, and every fixed sub-route of routable pages (feeds, calendars,
the eligibility check). Each answer must be a 200 with the right content type,
the security headers, the locale's `lang` and direction, and — when the page
cache is on — come from the cache the second time unless it may not be stored.
Every static file a page references must be served hashed, compressed and
cacheable for a year, fonts and images referenced by stylesheets included.
Then sitemap.xml, robots.txt, the API, the admin login, a 404, the language
redirect of `/` and the HTTPS redirect. Prints a table; exits non-zero with
the list of problems.
"""

import http.client
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import get_language_info
from wagtail.models import Page

HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")
STATIC_REFERENCE = re.compile(r'(?:src|href)="(/static/[^"?#]+)')
CSS_REFERENCE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
HTML_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"[^>]*\bdir=\"(ltr|rtl)\"")
ONE_YEAR = 365 * 24 * 3600
COMPRESSIBLE = (".css", ".js", ".svg")


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    milliseconds: float

    def header(self, name):
        return self.headers.get(name, "")

    @property
    def set_cookies(self):
        return self.headers.get_all("Set-Cookie") or []

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Row:
    label: str
    path: str
    answer: Answer | None = None
    problems: list = field(default_factory=list)


class Client:
    """Plain HTTP(S) requests that never follow redirects."""

    def __init__(self, base_url, forwarded_https, timeout):
        parts = urlsplit(base_url)
        self.secure = parts.scheme == "https"
        self.host = parts.netloc
        self.forwarded_https = forwarded_https
        self.timeout = timeout

    @property
    def https(self):
        return self.secure or self.forwarded_https

    def get(self, path, headers=None, *, as_https=True):
        connection_class = (
            http.client.HTTPSConnection if self.secure else http.client.HTTPConnection
        )
        connection = connection_class(self.host, timeout=self.timeout)
        sent = {"Accept-Encoding": "identity", **(headers or {})}
        if self.forwarded_https and as_https:
            # What a TLS-terminating proxy in front of gunicorn adds.
            sent["X-Forwarded-Proto"] = "https"
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=sent)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        elapsed = (time.perf_counter() - started) * 1000
        return Answer(response.status, response.headers, body, elapsed)


class Command(BaseCommand):
    help = "Request every page type in every language of a running site and check the answers."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8000")
        parser.add_argument(
            "--forwarded-https",
            action="store_true",
            help="Send X-Forwarded-Proto: https, as a TLS-terminating proxy would.",
        )
        parser.add_argument(
            "--wait", type=float, default=60, help="Seconds to wait for the server to answer."
        )
        parser.add_argument("--timeout", type=float, default=30)

    def handle(self, *args, base_url, forwarded_https, wait, timeout, **options):
        self.client = Client(base_url, forwarded_https, timeout)
        self.wait_for_server(wait)
        self.rows = []
        self.checked_static = set()
        for label, language, path in self.page_targets():
            self.check_page(label, language, path)
        self.check_site_wide_routes()
        self.print_table()
        failures = [row for row in self.rows if row.problems]
        if failures:
            lines = [f"{row.path} ({row.label}): {'; '.join(row.problems)}" for row in failures]
            raise CommandError(
                f"{len(failures)} of {len(self.rows)} checks failed:\n  " + "\n  ".join(lines)
            )
        self.stdout.write(self.style.SUCCESS(f"All {len(self.rows)} checks passed."))

    # --- What to request -------------------------------------------------------------

    def wait_for_server(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            try:
                self.client.get("/robots.txt")
                return
            except OSError as error:
                if time.monotonic() > deadline:
                    raise CommandError(
                        f"No answer from the server after {seconds} s: {error}"
                    ) from error
                time.sleep(0.5)

    def page_targets(self):
        """(label, language, path): one page of each type per locale, and its sub-routes."""
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale", "content_type")
            .order_by("path")
        )
        first_of_kind = {}
        for page in pages:
            first_of_kind.setdefault((page.content_type_id, page.locale_id), page)
        targets = []
        languages = set()
        for page in first_of_kind.values():
            page = page.specific
            language = page.locale.language_code
            languages.add(language)
            path = urlsplit(page.get_url()).path
            label = type(page).__name__
            targets.append((label, language, path))
            for route in fixed_subroutes(page):
                targets.append((f"{label} {route}", language, path + route))
        for language in sorted(languages):
            targets.append(("search", language, f"/{language}/search/?q=residence"))
        return sorted(targets, key=lambda target: (target[1], target[0]))

    # --- Checks -------------------------------------------------------------------------

    def check_page(self, label, language, path):
        row = self.fetch(label, path)
        answer = row.answer
        if answer is None:
            return
        if answer.status != 200:
            row.problems.append(f"status {answer.status}, expected 200")
            return
        self.check_security_headers(row)
        if answer.header("Content-Type").startswith("text/html"):
            self.check_html(row, language)
            self.check_cached_on_second_visit(row)
            for static_path in sorted(set(STATIC_REFERENCE.findall(answer.text))):
                self.check_static(static_path)
        elif not answer.header("Content-Type"):
            row.problems.append("no Content-Type")

    def check_html(self, row, language):
        answer = row.answer
        if answer.header("Content-Type").lower() != "text/html; charset=utf-8":
            row.problems.append(f"Content-Type {answer.header('Content-Type')!r}")
        found = HTML_LANG.search(answer.text)
        expected_dir = "rtl" if get_language_info(language)["bidi"] else "ltr"
        if found is None:
            row.problems.append("no <html lang dir>")
        elif found.groups() != (language, expected_dir):
            row.problems.append(
                f'<html lang="{found[1]}" dir="{found[2]}">, expected {language}/{expected_dir}'
            )

    def check_security_headers(self, row):
        answer = row.answer
        expected = {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": None,
            "X-Frame-Options": None,
        }
        if self.client.https:
            expected["Strict-Transport-Security"] = None
        if getattr(settings, "CONTENT_SECURITY_POLICY", None):
            expected["Content-Security-Policy"] = None
        for name, value in expected.items():
            sent = answer.header(name)
            if not sent:
                row.problems.append(f"no {name}")
            elif value is not None and sent != value:
                row.problems.append(f"{name}: {sent!r}, expected {value!r}")

    def check_cached_on_second_visit(self, row):
        if getattr(settings, "PAGE_CACHE_SECONDS", 0) <= 0:
            return
        first = row.answer
        if first.header("X-Cache") not in ("hit", "miss"):
            row.problems.append("no X-Cache header: the page cache was not consulted")
            return
        cache_control = first.header("Cache-Control").lower()
        storable = not first.set_cookies and not any(
            directive in cache_control for directive in ("private", "no-store", "no-cache")
        )
        second = self.client.get(row.path)
        expected = "hit" if storable else "miss"
        if second.header("X-Cache") != expected:
            row.problems.append(
                f"second visit X-Cache {second.header('X-Cache')!r}, not {expected}"
            )
        if second.status != 200 or (storable and second.body != first.body):
            row.problems.append("the cached copy differs from the page")

    def check_static(self, path, *, referrer=None):
        if path in self.checked_static:
            return
        self.checked_static.add(path)
        row = self.fetch("static" if referrer is None else f"static (from {referrer})", path)
        answer = row.answer
        if answer is None:
            return
        if answer.status != 200:
            row.problems.append(f"status {answer.status}")
            return
        if not HASHED_NAME.search(path):
            row.problems.append("name without content hash")
        max_age = re.search(r"max-age=(\d+)", answer.header("Cache-Control"))
        if max_age is None or int(max_age[1]) < ONE_YEAR:
            row.problems.append(f"Cache-Control {answer.header('Cache-Control')!r}")
        # WhiteNoise keeps a compressed copy only when it saves 5 %: always the
        # case for text files of a kilobyte or more.
        if path.endswith(COMPRESSIBLE) and len(answer.body) >= 1024:
            compressed = self.client.get(path, {"Accept-Encoding": "gzip"})
            if compressed.header("Content-Encoding") != "gzip":
                row.problems.append("not served gzip-compressed")
        if path.endswith(".css"):
            for reference in CSS_REFERENCE.findall(answer.text):
                if reference.startswith(("data:", "#")):
                    continue
                target = urlsplit(urljoin(path, reference)).path
                self.check_static(target, referrer=path.rsplit("/", 1)[-1])

    def check_site_wide_routes(self):
        root = self.fetch("language redirect", "/", {"Accept-Language": "en"})
        if root.answer and not (
            root.answer.status == 302 and root.answer.header("Location").endswith("/en/")
        ):
            root.problems.append(
                f"status {root.answer.status} to {root.answer.header('Location')!r}, "
                "expected 302 to /en/"
            )

        sitemap = self.expect("sitemap", "/sitemap.xml", 200, "application/xml")
        if sitemap.answer and "<loc>" not in sitemap.answer.text:
            sitemap.problems.append("no <loc> entry")
        self.expect("robots.txt", "/robots.txt", 200, "text/plain")

        api = self.expect("API", "/api/v2/pages/?limit=1", 200, "application/json")
        if api.answer and api.answer.status == 200:
            total = json.loads(api.answer.body).get("meta", {}).get("total_count", 0)
            if total < 1:
                api.problems.append("no page in the API")

        login = self.expect("admin login", "/admin/login/", 200, "text/html")
        if login.answer and self.client.https:
            csrf_cookie = next(
                (c for c in login.answer.set_cookies if c.startswith("csrftoken=")), ""
            )
            if "secure" not in csrf_cookie.lower():
                login.problems.append(f"CSRF cookie not Secure: {csrf_cookie!r}")

        missing = self.expect("not found", "/fr/cette-page-n-existe-pas/", 404, "text/html")
        if missing.answer:
            self.check_html(missing, "fr")

        if self.client.forwarded_https and getattr(settings, "SECURE_SSL_REDIRECT", False):
            plain = self.fetch("HTTP to HTTPS", "/fr/", as_https=False)
            location = plain.answer.header("Location") if plain.answer else ""
            if plain.answer and not (
                plain.answer.status == 301 and location.startswith("https://")
            ):
                plain.problems.append(f"status {plain.answer.status} to {location!r}")

    def expect(self, label, path, status, content_type):
        row = self.fetch(label, path)
        if row.answer is None:
            return row
        if row.answer.status != status:
            row.problems.append(f"status {row.answer.status}, expected {status}")
        if not row.answer.header("Content-Type").startswith(content_type):
            row.problems.append(f"Content-Type {row.answer.header('Content-Type')!r}")
        self.check_security_headers(row)
        return row

    def fetch(self, label, path, headers=None, **options):
        row = Row(label, path)
        self.rows.append(row)
        try:
            row.answer = self.client.get(path, headers, **options)
        except OSError as error:
            row.problems.append(f"no answer: {error}")
        return row

    def print_table(self):
        self.stdout.write(f"{'status':>6} {'ms':>7} {'cache':<5}  {'what':<34} path")
        for row in self.rows:
            answer = row.answer
            status = str(answer.status) if answer else "-"
            milliseconds = f"{answer.milliseconds:.1f}" if answer else "-"
            cache = answer.header("X-Cache") if answer else ""
            line = f"{status:>6} {milliseconds:>7} {cache:<5}  {row.label[:34]:<34} {row.path}"
            if row.problems:
                line = self.style.ERROR(f"{line}  <- {'; '.join(row.problems)}")
            self.stdout.write(line)


def fixed_subroutes(page):
    """The sub-routes of a routable page that take no argument (``rss/``, ``calendar/``…)."""
    get_subpage_urls = getattr(page, "get_subpage_urls", None)
    if get_subpage_urls is None:
        return []
    routes = []
    for pattern in get_subpage_urls():
        route = str(pattern.pattern)
        if route and "<" not in route and not route.startswith("^"):
            routes.append(route)
    return routes
