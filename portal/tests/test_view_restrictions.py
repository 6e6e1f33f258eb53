"""``.public()`` reads the view restrictions once per request (portal/view_restrictions.py)."""

import inspect

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from news.models import NewsPage
from portal import view_restrictions
from portal.view_restrictions import request_restriction_cache

pytestmark = pytest.mark.django_db

RESTRICTIONS_TABLE = PageViewRestriction._meta.db_table


def restriction_reads(queries):
    """The reads of every restriction (a served page's check of its own ancestors aside)."""
    return [
        q for q in queries if f'FROM "{RESTRICTIONS_TABLE}"' in q["sql"] and "WHERE" not in q["sql"]
    ]


def test_the_seam_is_where_wagtail_builds_every_public_filter():
    assert PageQuerySet.private_q is view_restrictions.private_q
    # Wagtail's public(), not_public() and private() all go through private_q.
    for method in (PageQuerySet.public, PageQuerySet.not_public):
        assert "self.private_q()" in inspect.getsource(method)


def test_one_read_per_request_however_many_listings_ask(site_tree):
    PageViewRestriction.objects.create(
        page=site_tree.news, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    with request_restriction_cache(), CaptureQueriesContext(connection) as ctx:
        pages = list(Page.objects.live().public())
        news = list(NewsPage.objects.live().public())
        private = list(Page.objects.not_public())
    assert len(restriction_reads(ctx.captured_queries)) == 1
    assert site_tree.news.pk not in {page.pk for page in pages}
    assert news == []
    assert [page.pk for page in private] == [site_tree.news.pk]


def test_a_restriction_added_during_the_request_is_seen_at_once(site_tree):
    with request_restriction_cache():
        assert NewsPage.objects.live().public().filter(pk=site_tree.news.pk).exists()
        restriction = PageViewRestriction.objects.create(
            page=site_tree.news, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        assert not NewsPage.objects.live().public().filter(pk=site_tree.news.pk).exists()
        restriction.delete()
        assert NewsPage.objects.live().public().filter(pk=site_tree.news.pk).exists()


def test_outside_a_request_every_call_reads_them_as_wagtail_does(site_tree):
    with CaptureQueriesContext(connection) as ctx:
        list(Page.objects.public())
        list(Page.objects.public())
    assert len(restriction_reads(ctx.captured_queries)) == 2


def test_a_page_with_menu_listing_and_cards_reads_them_once(client, site_tree):
    client.get(site_tree.home.url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(site_tree.home.url)
    assert response.status_code == 200
    assert len(restriction_reads(ctx.captured_queries)) == 1
