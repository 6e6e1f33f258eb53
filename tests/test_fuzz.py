"""Generated query strings against every public URL kind: never a 5xx.

Hypothesis writes query strings out of the parameters the public pages read,
unknown ones, repeated keys, control characters (NUL among them), broken
percent-encoding, very long values, SQL, FTS5 and regular-expression
metacharacters and out-of-range page numbers, and sends them to every kind of
public URL, the API's included. It runs on SQLite in ``make test`` and on
PostgreSQL in ``make test-postgres``, where the same input fails differently.

``CCR_FUZZ_EXAMPLES`` (default 30) bounds the examples per URL kind: about 30
seconds per database for the whole file on the 2-core machine. A failure
prints the query string, and Hypothesis replays it first on the next run.

The examples are the same on every run (``derandomize``): CI must not fail on
the luck of a draw, as it once did on ``/fr/alerts/confirm/%00/``, which one
run generated and the previous ones had not. ``make fuzz`` explores new
examples (``CCR_FUZZ_EXPLORE=1``, more of them); what it finds becomes a case
of ``tests/test_bad_input.py`` and is fixed there.
"""

import os
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquiries.tests.factories import build_enquiry_form
from tests.test_security import PUBLIC_URLS

EXAMPLES = int(os.environ.get("CCR_FUZZ_EXAMPLES", "30"))
EXPLORE = os.environ.get("CCR_FUZZ_EXPLORE") == "1"

# Every parameter a public URL reads (pages, listings' filters, search, the
# eligibility check, feeds, the API), so that generated values reach the code.
KNOWN_PARAMS = [
    "page",
    "q",
    "languages",
    "type",
    "country",
    "region",
    "discipline",
    "membership",
    "status",
    "programme",
    "category",
    "tag",
    "theme",
    "check",
    "residence",
    "refugee_status",
    "refugee_since",
    "career_stage",
    "untranslated",
    "format",
    "search",
    "search_operator",
    "limit",
    "offset",
    "fields",
    "order",
    "locale",
    "translation_of",
    "site",
    "id",
    "html_path",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "show_in_menus",
    "slug",
]

METACHARACTERS = [
    '"',
    "'",
    "`",
    "%",
    "_",
    "*",
    "\\",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "^",
    "$",
    "|",
    "?",
    "+",
    ".",
    ":",
    ";",
    "--",
    "/*",
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page;--",
    "NEAR(a b)",
    " AND ",
    " OR ",
    "NOT ",
    "javascript:",
    "title:",
    "<script>",
    "../",
    "(?<=a)",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b",
]

RAW_PIECES = ["%ff", "%", "%zz", "%c3%28", "%e2%82", "%00", "=", "&", "%%", "+", "%2", ";"]

words = st.text("abcdeéàرسع", min_size=1, max_size=8)
values = st.one_of(
    st.text(max_size=30),
    # Metacharacters inside words, where a search backend's own escaping fails.
    st.tuples(words, st.sampled_from(METACHARACTERS), words | st.just("")).map("".join),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "0", "1", "2", "-1", "all", "open", "closed", "FR", "fr", "ar", "news"]),
    st.lists(
        st.one_of(st.sampled_from(METACHARACTERS), st.text("abcé ع1", max_size=5)), max_size=6
    ).map("".join),
    st.builds(
        lambda char, times: char * times,
        st.sampled_from(["9", "é", "a ", '"', "ع"]),
        # Python refuses to convert more than 4,300 digits to an integer.
        st.sampled_from([255, 1000, 4301, 5000]),
    ),
)


def query_strings(own_params):
    """Query strings for a URL that reads ``own_params``: its own keys come up most."""
    own = st.sampled_from(own_params or KNOWN_PARAMS)
    keys = st.one_of(
        own,
        own,
        st.sampled_from(KNOWN_PARAMS),
        st.text(max_size=12),
    )
    pairs = st.tuples(keys, values).map(
        lambda kv: f"{quote(kv[0], safe='')}={quote(kv[1], safe='')}"
    )
    return st.lists(st.one_of(pairs, st.sampled_from(RAW_PIECES)), max_size=8).map("&".join)


LISTING = ["page"]
SEARCH = ["q", "page", "type", "country", "programme", "status", "category", "languages"]
CALLS = ["status", "programme", "discipline", "host_country", "page"]
API = ["search", "type", "fields", "limit", "offset", "order", "locale", "translation_of", "id"]
API += ["site", "html_path", "child_of", "descendant_of", "format", "search_operator"]
ELIGIBILITY = ["check", "residence", "refugee_status", "refugee_since", "discipline"]
ELIGIBILITY += ["career_stage"]
# The parameters each URL kind reads (the others get KNOWN_PARAMS and random keys).
OWN_PARAMS = {
    "directory": ["country", "region", "discipline", "membership", "page"],
    "label": ["country"],
    "calls page": CALLS,
    "calls rss": CALLS,
    "calls atom": CALLS,
    "calls deadlines": CALLS,
    "call eligibility": ELIGIBILITY,
    "news index": ["category", "tag", "page"],
    "news rss": ["category", "tag"],
    "news atom": ["category", "tag"],
    "advocacy": ["theme", "page"],
    "search": SEARCH,
    "english search": SEARCH,
    "arabic search": SEARCH,
    "search suggestions": ["q"],
    "arabic suggestions": ["q"],
    "api pages": API,
    "api images": API,
    "api documents": API,
    "api page": ["fields", "format"],
    "alerts sign-up": ["programme", "email", "language"],
    "api find": API,
    "api image find": API,
}

URLS = {
    **PUBLIC_URLS,
    "api page": lambda tree: f"/api/v2/pages/{tree.news.pk}/",
    "api find": lambda tree: "/api/v2/pages/find/",
    "api image find": lambda tree: "/api/v2/images/find/",
    "english search": lambda tree: "/en/search/",
    "arabic search": lambda tree: "/ar/search/",
    "arabic suggestions": lambda tree: "/ar/search/suggest/",
    "alerts sign-up": lambda tree: "/fr/alerts/",
    "alert confirmation": lambda tree: "/fr/alerts/confirm/not-a-token/",
    "alert unsubscription": lambda tree: "/ar/alerts/unsubscribe/not-a-token/",
}


@pytest.mark.parametrize("name", URLS)
def test_generated_query_strings_never_get_a_server_error(multilingual_tree, name):
    client = Client(raise_request_exception=False)
    url = URLS[name](multilingual_tree)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=not EXPLORE,
        # The site tree is built once per URL kind and only read by the requests.
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query=query_strings(OWN_PARAMS.get(name, [])))
    def answers_without_a_server_error(query):
        response = client.get(url, QUERY_STRING=query)
        assert response.status_code < 500, f"{url}?{query[:300]} answered {response.status_code}"

    answers_without_a_server_error()


# Path segments: tokens of the alerts' links, and any path under a language.
segments = st.one_of(
    st.text(max_size=40),
    st.tuples(words, st.sampled_from(METACHARACTERS), words).map("".join),
    st.builds(lambda char, times: char * times, st.sampled_from(["a", "é", "9"]), st.just(3000)),
).map(lambda text: quote(text, safe=""))
PATH_TEMPLATES = [
    "/fr/alerts/confirm/{}/",
    "/fr/alerts/unsubscribe/{}/",
    "/fr/{}/",
    "/ar/{}/calendar/",
    "/api/v2/pages/{}/",
    "/documents/{}/x.pdf",
]


def test_generated_path_segments_never_get_a_server_error(multilingual_tree):
    client = Client(raise_request_exception=False)

    @settings(
        max_examples=EXAMPLES * 2,
        deadline=None,
        derandomize=not EXPLORE,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(template=st.sampled_from(PATH_TEMPLATES), segment=segments)
    def answers_without_a_server_error(template, segment):
        path = template.format(segment)
        response = client.get(path)
        assert response.status_code < 500, f"{path[:300]} answered {response.status_code}"

    answers_without_a_server_error()


# Posted forms: the eligibility check, the enquiry form and the alert sign-up.
FORMS = {
    "call eligibility": (lambda tree: tree.call.url + "eligibility/", ELIGIBILITY),
    "enquiry form": (
        lambda tree: build_enquiry_form(tree.label).url,
        ["name", "email", "country", "organisation", "message", "language", "your-website"],
    ),
    "alerts sign-up": (lambda tree: "/fr/alerts/", ["email", "scope", "programmes", "consent"]),
}


@pytest.mark.parametrize("name", FORMS)
def test_generated_form_bodies_never_get_a_server_error(multilingual_tree, name):
    client = Client(raise_request_exception=False)
    url_of, fields = FORMS[name]
    url = url_of(multilingual_tree)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=not EXPLORE,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(body=query_strings(fields))
    def answers_without_a_server_error(body):
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (
            f"POST {url} {body[:300]} answered {response.status_code}"
        )

    answers_without_a_server_error()
