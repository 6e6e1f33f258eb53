"""A live demo site and Debian's Chromium, for the accessibility tests.

The site runs in its own processes, on its own throwaway SQLite database built
once per run (``migrate``, ``load_demo_content``, ``compile_catalogs``): these
tests read the realistic demo content through a real browser and never touch
pytest-django's test database.

It is served by ``manage.py runserver --noreload`` with the development
settings rather than gunicorn with the production ones: runserver serves the
static files and the demo media itself, so no ``collectstatic`` is needed, and
what these tests look at (templates, CSS, JavaScript, the security headers of
the base settings) is the same. ``MAP_TILES_URL`` is empty, and every request
to another host than the local server is blocked and reported.

Playwright launches ``/usr/bin/chromium`` (``scripts/install-chromium.sh``,
run by ``make test``) and never a browser of its own. Without it the tests
skip, except where a browser is required: when ``CI`` or
``CCR_REQUIRE_BROWSER`` is set, or as root on a machine with apt-get (where
``make test`` installs it), they fail instead.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parents[2]
# Building the demo takes about 70 s on two cores; allow for a slow machine.
SETUP_TIMEOUT = 600
SERVER_START_TIMEOUT = 60
# Every browser test saves a screenshot of each step here (README, *Tests*), to be
# looked at before an issue is called done. Not committed.
SCREENSHOTS = Path(os.environ.get("CCR_SCREENSHOTS_DIR", REPO_ROOT / "test-screenshots"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def browser_required():
    """Whether a missing browser is an error rather than a reason to skip."""
    if os.environ.get("CI") or os.environ.get("CCR_REQUIRE_BROWSER"):
        return True
    # As root with apt-get, `make test` installs Chromium: its absence is a fault.
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def skip_or_fail(reason):
    if browser_required():
        pytest.fail(f"{reason} (required here: CI, CCR_REQUIRE_BROWSER, or root with apt-get)")
    pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    """Run the browser tests once, in ``make test``: ``make test-postgres`` leaves them out.

    They build their own SQLite site whatever the suite's database is, so a
    second run on PostgreSQL would only repeat them.
    """
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    here = Path(__file__).parent
    deselected = [item for item in items if here in Path(item.path).parents]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item not in deselected]


@pytest.fixture(scope="package")
def chromium_path():
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: run scripts/install-chromium.sh (as root)")
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        skip_or_fail(f"{error.name} is not installed: pip install -e '.[test]'")
    return CHROMIUM


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env, log, *args):
    """Run a management command of the live site; its output goes to the log file."""
    with log.open("a") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n")
        out.flush()
        completed = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=SETUP_TIMEOUT,
            check=False,
        )
    if completed.returncode:
        pytest.fail(f"manage.py {args[0]} failed:\n{tail(log)}")


def tail(log, lines=40):
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def wait_until_serving(url, server, log):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"The live site stopped on start:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local URL
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(f"The live site did not answer {url} in {SERVER_START_TIMEOUT} s:\n{tail(log)}")


@dataclass
class LiveSite:
    url: str
    log: Path
    env: dict = field(default_factory=dict)

    @property
    def netloc(self):
        return urlsplit(self.url).netloc

    def manage(self, *args):
        """Run a management command on the live site's database (a process the
        site's operators run, such as the scheduler's ``publish_scheduled``)."""
        run_manage(self.env, self.log, *args)


@pytest.fixture(scope="package")
def live_site(chromium_path, tmp_path_factory):
    """The demo site served on a free local port; stopped after the browser tests.

    ``CCR_LIVE_SITE_URL`` (e.g. ``http://127.0.0.1:8000`` of ``make run`` with
    ``MAP_TILES_URL=``) points the tests at a site already running instead,
    to iterate without rebuilding the demo.
    """
    work = tmp_path_factory.mktemp("live-site")
    log = work / "site.log"
    if os.environ.get("CCR_LIVE_SITE_URL"):
        # Its commands run on DATABASE_URL, which must then be that site's database.
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
        yield LiveSite(url=os.environ["CCR_LIVE_SITE_URL"].rstrip("/"), log=log, env=env)
        return
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "MAP_TILES_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    for variable in ("ELASTICSEARCH_URL", "REDIS_URL", "PORTAL_LANGUAGES"):
        env.pop(variable, None)
    run_manage(env, log, "migrate", "--noinput")
    run_manage(env, log, "load_demo_content")
    # As `make run` and the release step: groups, review workflows, page rights.
    run_manage(env, log, "setup_languages")
    run_manage(env, log, "compile_catalogs")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("a") as out:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(f"{url}/fr/", server, log)
        yield LiveSite(url=url, log=log, env=env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="package")
def chromium(chromium_path):
    """Debian's Chromium driven by Playwright (package scope: Playwright's event
    loop is stopped before the rest of the suite runs Django code)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path))
        yield browser
        browser.close()


@dataclass
class OutsideRequests:
    """Requests to another host than the live site: blocked, and listed here."""

    urls: list = field(default_factory=list)


@pytest.fixture
def outside_requests():
    """Requests to other hosts made during the test; the test fails if there are any
    (neither the site nor the admin loads anything from elsewhere: no CDN, no Gravatar)."""
    requests = OutsideRequests()
    yield requests
    assert not requests.urls, f"Pages asked for resources outside the site: {requests.urls}"


def local_context(chromium, live_site, outside_requests, **options):
    """A browser context on the live site (French, desktop size unless ``options``
    say otherwise) that cannot reach another host."""
    options = {"locale": "fr-FR", "viewport": DESKTOP, **options}
    context = chromium.new_context(base_url=live_site.url, **options)
    context.set_default_timeout(10_000)
    # A page's first view in a fresh site renders its images' renditions (seconds).
    context.set_default_navigation_timeout(60_000)
    context.route("**/*", lambda route: _keep_local(route, live_site, outside_requests))
    return context


def _keep_local(route, live_site, outside_requests):
    if urlsplit(route.request.url).netloc == live_site.netloc:
        route.continue_()
    else:
        outside_requests.urls.append(route.request.url)
        route.abort("blockedbyclient")


class Screenshots:
    """Saves numbered screenshots of a test's steps under ``SCREENSHOTS/<test name>/``."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        shutil.rmtree(folder, ignore_errors=True)

    def __call__(self, page, step, full_page=True):
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def shoot(request):
    """``shoot(page, "step-name")`` saves a screenshot of the step (see ``Screenshots``)."""
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in request.node.name)
    return Screenshots(SCREENSHOTS / request.node.module.__name__.rsplit(".", 1)[-1] / name)


@pytest.fixture
def page(chromium, live_site, outside_requests):
    """A fresh browser tab on the live site; fails if a page reached another host."""
    context = local_context(chromium, live_site, outside_requests)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(chromium, live_site, outside_requests):
    """A fresh browser tab 390 px wide (a phone), touch enabled; same rules as ``page``."""
    context = local_context(
        chromium, live_site, outside_requests, viewport=PHONE, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


@dataclass(frozen=True)
class DemoPage:
    """A page of the demo in French, and where its Arabic language link leads."""

    kind: str
    french: str
    arabic: str
    arabic_is_translation: bool


ARABIC_LINK = '.language-switcher a[hreflang="ar"]'


@pytest.fixture(scope="package")
def demo_pages(chromium, live_site):
    """The pages checked, by kind, found by following the demo's own links.

    Fixed entry points are the ones the portal's URLs promise (home, directory,
    calls page, search, enquiry form); a centre, a programme, a call and a
    news item are taken from their listings, preferring one that has an
    Arabic translation. The Arabic address of each is the one its language
    switcher offers: the translation, or, where there is none, the Arabic home
    page that says the page is not translated yet.
    """
    context = local_context(chromium, live_site, OutsideRequests())
    tab = context.new_page()

    def links(path, selector):
        tab.goto(path)
        return tab.locator(selector).evaluate_all("links => links.map(a => a.getAttribute('href'))")

    def arabic_link(path):
        tab.goto(path)
        link = tab.locator(ARABIC_LINK)
        return link.get_attribute("href"), link.get_attribute("lang") == "ar"

    def prefer_translated(candidates):
        for candidate in candidates[:3]:
            if arabic_link(candidate)[1]:
                return candidate
        return candidates[0]

    french = {
        "home": "/fr/",
        "directory": "/fr/reseau/",
        "centre": prefer_translated(links("/fr/reseau/", "#results .card__link")),
        "programme": prefer_translated(
            links("/fr/programmes/", "[aria-labelledby=programmes-heading] .card__link")
        ),
        "call": prefer_translated(links("/fr/appels/", "#open .card__link")),
        "calls": "/fr/appels/",
        "news": prefer_translated(links("/fr/actualites/", "#results .card__link")),
        "search": "/fr/search/?q=residence",
        "enquiry": "/fr/reseau/label-ccr/demande/",
    }
    pages = {}
    for kind, path in french.items():
        arabic, is_translation = arabic_link(path)
        pages[kind] = DemoPage(kind, path, arabic, is_translation)
    context.close()
    return pages


STATEMENT = "/fr/accessibilite/"


@pytest.fixture(scope="package")
def statement_by_language(chromium, live_site):
    """The accessibility statement's address in each language it is published in.

    The French one is the demo's (``home/demo/content.py``, linked from the footer).
    """
    context = local_context(chromium, live_site, OutsideRequests())
    tab = context.new_page()
    tab.goto(STATEMENT)
    addresses = {"fr": STATEMENT}
    for link in tab.locator(".language-switcher a[lang]").all():
        addresses[link.get_attribute("lang")] = link.get_attribute("href")
    context.close()
    return addresses
