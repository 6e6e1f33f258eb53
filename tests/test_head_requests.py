"""Every public address answers HEAD as it answers GET: same status, same type, no body.

Link checkers, crawlers and mail scanners ask with HEAD; the search page, its
suggestions and the alert pages answered 405 (issue 12, item 15). A HEAD
request must change nothing either: it never confirms or cancels an alert.
"""

import pytest
from django.urls import get_resolver
from wagtail.contrib.search_promotions.models import Query

from alerts.models import Subscription
from alerts.tests.factories import SubscriptionFactory
from enquiries.tests.factories import build_enquiry_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_addresses(site_tree):
    tree = site_tree
    pending = SubscriptionFactory(confirmed=False)
    form = build_enquiry_form(tree.label)
    return {
        "home page": tree.home.url,
        "standard page": tree.standard.url,
        "directory": tree.network.url,
        "centre": tree.centre.url,
        "label page": tree.label.url,
        "enquiry form": form.url,
        "programme": tree.programme.url,
        "call": tree.call.url,
        "eligibility check": tree.call.url + "eligibility/",
        "call calendar": tree.call.url + "calendar/",
        "calls page": tree.call_index.url,
        "calls RSS": tree.call_index.url + "rss/",
        "calls Atom": tree.call_index.url + "atom/",
        "deadlines calendar": tree.call_index.url + "deadlines/",
        "news index": tree.news_index.url,
        "news RSS": tree.news_index.url + "rss/",
        "news item": tree.news.url,
        "advocacy position": tree.position.url,
        "search": "/fr/search/",
        "search results": "/fr/search/?q=odyssee",
        "search suggestions": "/fr/search/suggest/?q=ody",
        "alerts": "/fr/alerts/",
        "alerts, check your inbox": "/fr/alerts/check-your-inbox/",
        "alerts, confirm": f"/fr/alerts/confirm/{pending.token}/",
        "alerts, unsubscribe": f"/fr/alerts/unsubscribe/{pending.token}/",
        "sitemap": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "icon": "/favicon.ico",
        "API": "/api/v2/pages/",
        "API root": "/api/v2",
        "page not found": "/fr/no-such-page/",
    }


def test_head_answers_like_get_everywhere(client, public_addresses):
    differences = {}
    for name, url in public_addresses.items():
        get, head = client.get(url), client.head(url)
        answers = [(answer.status_code, answer.get("Content-Type")) for answer in (get, head)]
        if answers[0] != answers[1]:
            differences[name] = (url, *answers)
        assert head.content == b"", name
    assert not differences, f"HEAD and GET differ (url, GET, HEAD): {differences}"
    assert client.get(public_addresses["search"]).status_code == 200


def test_head_on_the_alert_links_changes_nothing(client):
    """Mail scanners may ask with HEAD: only a POST from the page's button acts."""
    pending = SubscriptionFactory(confirmed=False)
    assert client.head(f"/fr/alerts/confirm/{pending.token}/").status_code == 200
    assert client.head(f"/fr/alerts/unsubscribe/{pending.token}/").status_code == 200
    pending.refresh_from_db()
    assert not pending.confirmed and pending.unsubscribed_at is None
    assert Subscription.objects.count() == 1


def test_head_on_the_search_page_is_not_counted_as_a_search(client, site_tree):
    client.head("/fr/search/?q=odyssee")
    assert not Query.objects.exists()
    client.get("/fr/search/?q=odyssee")
    assert Query.objects.filter(query_string="odyssee").exists()


def test_every_public_route_is_checked(public_addresses):
    """A new view among the project's URLs comes with its line in the list above."""
    checked = {url.split("?")[0].strip("/") for url in public_addresses.values()}
    checked |= {url.split("/")[2] for url in public_addresses.values() if url.startswith("/fr/")}
    resolver = get_resolver()
    top_level = {str(pattern.pattern).strip("^/$") for pattern in resolver.url_patterns}
    under_a_language = {
        str(pattern.pattern).split("/")[0] for pattern in resolver.url_patterns[-1].url_patterns
    }
    # The admin is not public; documents are served by Wagtail's own view; files
    # by the development server only; the language prefix is the last pattern.
    not_public = {"admin", "documents", "static/(?P<path>.*)", "media/(?P<path>.*)", "fr/"}
    # The admin's password reset and Wagtail's page-password form, served by the
    # portal's throttled views under Wagtail's paths (portal/throttled_views.py).
    not_public |= {"admin/password_reset"}
    unchecked = (top_level - not_public - {str(resolver.url_patterns[-1].pattern)}) | (
        under_a_language - {"", "_util"}
    )
    assert unchecked <= checked, unchecked - checked
