"""The page cache: anonymous visitors' public pages, never anyone else's."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from enquiries.tests.factories import build_enquiry_form
from home.models import Footer
from programmes.eligibility import Residence
from programmes.tests.factories import CallPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, site_tree, django_assert_num_queries
):
    first = client.get(site_tree.news.url)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(site_tree.news.url)
    assert second.status_code == 200
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "fr"


def test_head_requests_are_answered_from_what_a_get_stored(client, site_tree):
    client.get(site_tree.home.url)
    assert client.head(site_tree.home.url)["X-Cache"] == "hit"


def test_query_string_and_language_are_part_of_the_key(client, multilingual_tree):
    tree = multilingual_tree
    client.get(tree.news_index.url)
    assert client.get(tree.news_index.url, {"page": "2"})["X-Cache"] == "miss"
    assert client.get(tree.news_index.url)["X-Cache"] == "hit"
    english = client.get(tree.en_news.url)
    assert english["X-Cache"] == "miss"
    assert english["Content-Language"] == "en"


def test_logged_in_editor_is_never_served_nor_stored(editor, client, site_tree):
    for _visit in range(2):
        response = editor.get(site_tree.news.url)
        assert response.status_code == 200
        assert "X-Cache" not in response  # the cache was not even consulted
    editor.logout()
    # Nothing the editor saw (with the Wagtail user bar) was stored for visitors.
    assert client.get(site_tree.news.url)["X-Cache"] == "miss"


def test_editor_does_not_see_the_anonymous_copy(editor, client, site_tree):
    editor.logout()
    client.get(site_tree.news.url)
    assert client.get(site_tree.news.url)["X-Cache"] == "hit"
    editor.force_login(get_user_model().objects.get(username="editor"))
    assert "X-Cache" not in editor.get(site_tree.news.url)


def test_publishing_clears_the_cache(client, site_tree, django_capture_on_commit_callbacks):
    news = site_tree.news
    client.get(news.url)
    assert client.get(news.url)["X-Cache"] == "hit"

    news.title = "Rencontre annuelle reportée"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()

    response = client.get(news.url)
    assert response["X-Cache"] == "miss"
    assert "Rencontre annuelle reportée" in response.content.decode()


def test_nothing_is_cleared_before_the_publication_is_committed(
    client, site_tree, django_capture_on_commit_callbacks
):
    client.get(site_tree.news.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        site_tree.news.save_revision().publish()
    assert client.get(site_tree.news.url)["X-Cache"] == "hit"
    assert callbacks, "the page cache is cleared once the publication is committed"


def test_unpublishing_clears_the_cache(client, site_tree, django_capture_on_commit_callbacks):
    client.get(site_tree.news.url)
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.news.unpublish()
    assert client.get(site_tree.news.url).status_code == 404


def test_deleting_a_page_clears_the_cache(client, site_tree, django_capture_on_commit_callbacks):
    client.get(site_tree.news_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.news.delete()
    assert client.get(site_tree.news_index.url)["X-Cache"] == "miss"


def test_saving_a_snippet_clears_the_cache(client, site_tree, django_capture_on_commit_callbacks):
    client.get(site_tree.home.url)
    with django_capture_on_commit_callbacks(execute=True):
        Footer.objects.create(locale=site_tree.home.locale, about="L’ACCR", address="Paris")
    assert client.get(site_tree.home.url)["X-Cache"] == "miss"


def test_form_with_a_csrf_token_is_never_stored(client, site_tree):
    form_page = build_enquiry_form(site_tree.label)
    first = client.get(form_page.url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first.cookies  # the CSRF cookie that goes with the token
    second = client.get(form_page.url)
    assert second["X-Cache"] == "miss"
    assert second.cookies


def test_eligibility_answer_is_never_stored(client, site_tree):
    call = CallPageFactory(parent=site_tree.programme, residence_rule=Residence.OUTSIDE_FRANCE)
    url = call.url + "eligibility/?check=1&residence=outside_france"
    for _visit in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Cache"] == "miss"


def test_visitor_with_a_pending_message_reaches_django(client, site_tree):
    client.get(site_tree.home.url)
    client.cookies["messages"] = "pending"
    assert "X-Cache" not in client.get(site_tree.home.url)


def test_pages_outside_the_language_prefixes_are_not_cached(client, site_tree):
    client.get("/sitemap.xml")
    assert "X-Cache" not in client.get("/sitemap.xml")


def test_off_when_page_cache_seconds_is_zero(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(site_tree.home.url)
    assert "X-Cache" not in client.get(site_tree.home.url)


# --- Parameters no page reads: one cached copy ---------------------------------------


def test_parameters_the_page_does_not_read_share_its_cached_copy(
    client, site_tree, django_assert_num_queries
):
    """Junk added to each request (to get past the cache, or ``utm_*``) costs no render."""
    first = client.get(site_tree.home.url, {"utm_source": "newsletter"})
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get(site_tree.home.url, {"x9f3": "whatever", "utm_source": "other"})
    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert client.get(site_tree.home.url)["X-Cache"] == "hit"


def test_a_parameter_the_page_reads_stays_in_the_key(client, site_tree):
    index = site_tree.news_index.url
    category = site_tree.news.category.slug
    client.get(index, {"junk": "1"})
    filtered = client.get(index, {"category": category, "junk": "2"})
    assert filtered["X-Cache"] == "miss"
    assert client.get(index, {"category": category, "junk": "3"})["X-Cache"] == "hit"
    assert client.get(index, {"category": "autre", "junk": "3"})["X-Cache"] == "miss"
    assert client.get(index, {"junk": "4"})["X-Cache"] == "hit"


def test_listing_links_keep_the_filters_and_drop_the_junk(client, site_tree):
    category = site_tree.news.category.slug
    response = client.get(site_tree.news_index.url, {"category": category, "utm_x": "junk"})
    html = response.content.decode()
    assert "Catégorie" in html  # the "remove this filter" link is shown
    assert "utm_x" not in html and "junk" not in html


def test_a_page_that_reads_the_whole_query_string_is_keyed_on_all_of_it(client, site_tree):
    """The search page's filter links copy the query string: its copies must not mix."""
    client.get("/fr/search/", {"q": "abbaye", "extra": "1"})
    assert client.get("/fr/search/", {"q": "abbaye", "extra": "2"})["X-Cache"] == "miss"
    assert client.get("/fr/search/", {"q": "abbaye", "extra": "2"})["X-Cache"] == "hit"


def test_no_value_can_pass_for_another_parameters(client, site_tree):
    """Keys are built from parameter names and values unambiguously (no poisoning)."""
    index = site_tree.news_index.url
    client.get(f"{index}?category=a%26tag%3Db")
    assert client.get(f"{index}?category=a&tag=b")["X-Cache"] == "miss"
