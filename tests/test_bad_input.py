"""The addresses that answered 500 when the portal was probed (issue 13), each answered now.

Every case here failed before its fix, on the database named beside it; the
generated query strings of ``tests/test_fuzz.py`` look for the ones nobody
wrote down yet.
"""

import json

import pytest
from django.test import Client

from search.backends import searchable_text


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        '/fr/search/?q=l"abbaye',
        '/fr/search/?q="abc',
        '/fr/search/?q=résidence"',
        '/fr/search/suggest/?q=l"abbaye',
        '/fr/search/suggest/?q="abc',
        '/fr/search/suggest/?q=résidence"',
        '/ar/search/?q=إقامة"',
        "/ar/search/?q=javascript:alert(1)",
        "/ar/search/suggest/?q=javascript:",
    ],
)
def test_quotes_and_colons_in_a_search_are_searched_for(visitor, multilingual_tree, url):
    """SQLite: a quote inside a word was an FTS5 syntax error (modelsearch leaves it unescaped)."""
    response = visitor.get(url)
    assert response.status_code == 200
    if "suggest" in url:
        assert "suggestions" in response.json()
    else:
        assert "Internal Server Error" not in response.content.decode()


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("search", ['"', '" "', "!?", "\u200b"])
def test_an_api_search_without_any_word_finds_nothing(visitor, site_tree, endpoint, search):
    """Found by the fuzz test: a quote alone left no word, and the SQLite compiler failed."""
    response = visitor.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_a_quoted_word_still_finds_its_page(visitor, site_tree):
    title = site_tree.news.title
    response = visitor.get("/fr/search/", {"q": f'"{title.split()[0]}'})
    assert response.status_code == 200
    assert title in response.content.decode()


def test_searchable_text_keeps_words_and_drops_what_no_backend_takes():
    assert searchable_text('l"abbaye\x00\x1b ok') == "l abbaye   ok"
    assert searchable_text("résidence à Royaumont") == "résidence à Royaumont"


@pytest.mark.parametrize(
    "url",
    [
        "/fr/search/?q=abc%00",
        "/fr/search/suggest/?q=ab%00c",
        "/fr/le-reseau/?country=%00",
        "/api/v2/pages/?search=a%00b",
        "/api/v2/images/?search=a%00b",
        "/api/v2/pages/find/?site=%00",
        # In the path: the alerts' token look-ups and Wagtail's slug look-up.
        "/fr/alerts/confirm/%00/",
        "/ar/alerts/unsubscribe/a%00b/",
        "/fr/%00/",
        "/api/v2/pages/%00/",
    ],
)
def test_a_nul_character_is_a_clear_400(visitor, site_tree, url):
    """PostgreSQL: NUL cannot be compared as text, and every look-up passing it on failed."""
    response = visitor.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response["Content-Type"] == "application/json"
        assert response.json()["message"]
    else:
        text = response.content.decode()
        title = "عنوان غير مفهوم" if url.startswith("/ar/") else "Adresse non comprise"
        assert "<h1" in text and title in text


def test_the_api_answers_a_non_numeric_find_id_in_json(visitor, site_tree):
    """A ValueError in Wagtail's own ``find_object``."""
    response = visitor.get("/api/v2/pages/find/?id=abc")
    assert response.status_code == 400
    assert response.json() == {"message": "id must be an integer"}


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/999999/", "/api/v2/pages/?format=xyz", "/api/v2/images/999999/"]
)
def test_the_api_answers_its_404s_in_json_not_with_a_redirect(visitor, site_tree, url):
    response = visitor.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "message" in json.loads(response.content)


def test_an_unprefixed_page_address_still_redirects_to_its_language(visitor, site_tree):
    """The redirect Django adds for a forgotten language prefix is kept for pages."""
    path = site_tree.news.url.removeprefix("/fr")
    response = visitor.get(path)
    assert response.status_code == 302
    assert response["Location"] == site_tree.news.url


def test_a_country_of_thousands_of_digits_lists_members_by_region(visitor, site_tree):
    """SQLite: django-countries turned 4,301 digits into an int, over Python's limit."""
    response = visitor.get(site_tree.label.url, {"country": "9" * 4301})
    assert response.status_code == 200
    assert response.context["selected_country"] == ""


def test_a_numeric_country_code_still_selects_its_country(visitor, site_tree):
    response = visitor.get(site_tree.label.url, {"country": "250"})
    assert response.context["selected_country"] == "FR"


def test_a_programme_id_beyond_64_bits_is_a_form_error(visitor, site_tree):
    """Found by the fuzz test: SQLite raised OverflowError on the alert sign-up."""
    response = visitor.post(
        "/fr/alerts/",
        {"email": "a@example.org", "scope": "chosen", "programmes": "9223372036854775808"},
    )
    assert response.status_code == 400  # the form again, as for any invalid sign-up
    html = response.content.decode()
    assert "9223372036854775808" in html  # the error names the value
    assert 'value="a@example.org"' in html  # and the form keeps what was typed
