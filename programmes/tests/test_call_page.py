"""A call's page, as a French-speaking candidate reads it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from programmes.tests.factories import CallPageFactory

PARIS = ZoneInfo("Europe/Paris")
pytestmark = pytest.mark.django_db


def test_deadline_is_written_in_french_in_paris_time(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel 2027",
        opens_at=dt.datetime(2020, 1, 6, 9, 0, tzinfo=PARIS),
        # Stored in UTC: 11:00 UTC is noon in Paris in winter.
        closes_at=dt.datetime(2099, 3, 15, 11, 0, tzinfo=dt.UTC),
    )
    html = client.get(call.url).content.decode()
    assert "15 mars 2099, 12:00 (heure de Paris)" in html
    assert 'datetime="2099-03-15T12:00:00+01:00"' in html
    assert "Ouvert" in html


def test_closed_call_says_so_and_points_to_open_calls(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel 2020",
        opens_at=dt.datetime(2020, 1, 6, 9, 0, tzinfo=PARIS),
        closes_at=dt.datetime(2020, 3, 15, 12, 0, tzinfo=PARIS),
    )
    html = client.get(call.url).content.decode()
    assert "Clos" in html
    assert f'href="{site_tree.programmes.url}?status=open' in html


def test_days_left_is_plural_aware(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel court",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=3, hours=1),
    )
    html = client.get(call.url).content.decode()
    assert "3 jours restants" in html
