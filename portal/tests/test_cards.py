"""Cards are prepared by the pages (``portal.cards``); their templates only show them."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from portal.cards import prepare_cards
from portal.i18n import request_locale_cache
from programmes.models import CallPage
from programmes.tests.factories import CallPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(site_tree):
    second = CallPageFactory(parent=site_tree.programme, title="Appel Odyssée d'automne")
    second.themes.set([site_tree.theme])
    second.save_revision().publish()
    return CallPage.objects.live().with_status().filter(pk__in=[site_tree.call.pk, second.pk])


def render_grid(calls, request):
    with translation.override("fr"):
        return render_to_string(
            "includes/call_grid.html",
            {"calls": calls, "show_themes": True, "request": request},
        )


def test_the_call_grid_shows_prepared_calls_without_a_query(calls, django_assert_num_queries):
    prepared = prepare_cards(calls, parents=True, themes=True)
    request = RequestFactory().get("/fr/appels/")
    # Inside a request as the middleware opens it: locales are read once per request.
    with request_locale_cache():
        render_grid(prepared, request)  # fills the request's caches (its locales, its site)
        with django_assert_num_queries(0):
            html = render_grid(prepared, request)
    assert html.count('class="card card--call') == 2
    # Each card names its programme and shows the disciplines it was prepared with.
    assert html.count("Odyssée") >= 4  # two titles, two programmes
    assert "Musique" in html


def test_preparing_twice_costs_nothing_more(calls, django_assert_num_queries):
    prepared = prepare_cards(calls, parents=True, themes=True)
    with django_assert_num_queries(0):
        assert prepare_cards(prepared, parents=True, themes=True) == prepared
