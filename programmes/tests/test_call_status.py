"""A call's status follows from its dates, at the minute, in Paris time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from programmes.models import CallPage

PARIS = ZoneInfo("Europe/Paris")
MINUTE = dt.timedelta(minutes=1)


def make_call(opens_at, closes_at):
    return CallPage(title="Appel", opens_at=opens_at, closes_at=closes_at)


def test_status_a_minute_around_opening_and_closing():
    opens = dt.datetime(2027, 1, 15, 9, 0, tzinfo=PARIS)
    closes = dt.datetime(2027, 3, 15, 12, 0, tzinfo=PARIS)
    call = make_call(opens, closes)
    assert call.status_at(opens - MINUTE) == CallPage.Status.UPCOMING
    assert call.status_at(opens) == CallPage.Status.OPEN
    assert call.status_at(opens + MINUTE) == CallPage.Status.OPEN
    assert call.status_at(closes - MINUTE) == CallPage.Status.OPEN
    assert call.status_at(closes) == CallPage.Status.CLOSED
    assert call.status_at(closes + MINUTE) == CallPage.Status.CLOSED


def test_deadline_across_the_spring_daylight_saving_change():
    # Clocks go forward in Paris on 28 March 2027 at 02:00 (UTC+1 -> UTC+2).
    opens = dt.datetime(2027, 3, 1, 12, 0, tzinfo=PARIS)
    closes = dt.datetime(2027, 3, 31, 12, 0, tzinfo=PARIS)
    call = make_call(opens, closes)
    # 12:00 Paris summer time is 10:00 UTC, not 11:00.
    assert closes.utcoffset() == dt.timedelta(hours=2)
    ten_fifty_nine_utc = dt.datetime(2027, 3, 31, 9, 59, tzinfo=dt.UTC)
    eleven_utc = dt.datetime(2027, 3, 31, 10, 1, tzinfo=dt.UTC)
    assert call.status_at(ten_fifty_nine_utc) == CallPage.Status.OPEN
    assert call.status_at(eleven_utc) == CallPage.Status.CLOSED


def test_deadline_across_the_autumn_daylight_saving_change():
    # Clocks go back on 31 October 2027 at 03:00 (UTC+2 -> UTC+1).
    opens = dt.datetime(2027, 10, 1, 9, 0, tzinfo=PARIS)
    closes = dt.datetime(2027, 11, 2, 12, 0, tzinfo=PARIS)
    call = make_call(opens, closes)
    assert closes.utcoffset() == dt.timedelta(hours=1)
    assert call.status_at(dt.datetime(2027, 11, 2, 10, 59, tzinfo=dt.UTC)) == "open"
    assert call.status_at(dt.datetime(2027, 11, 2, 11, 0, tzinfo=dt.UTC)) == "closed"


@pytest.mark.django_db
def test_queryset_status_matches_the_python_status(site_tree):
    now = dt.datetime(2027, 3, 15, 12, 0, tzinfo=PARIS)
    programme = site_tree.programme
    calls = {
        "upcoming": (now + MINUTE, now + dt.timedelta(days=30)),
        "open": (now - dt.timedelta(days=30), now + MINUTE),
        "closed": (now - dt.timedelta(days=60), now),
    }
    for status, (opens_at, closes_at) in calls.items():
        programme.add_child(
            instance=CallPage(
                title=f"Appel {status}",
                slug=f"appel-{status}",
                summary="…",
                opens_at=opens_at,
                closes_at=closes_at,
                eligibility="<p>…</p>",
                what_to_send="<p>…</p>",
                how_to_apply="<p>…</p>",
            )
        )
    annotated = CallPage.objects.child_of(programme).filter(slug__startswith="appel-")
    annotated = annotated.exclude(slug="appel-odyssee").with_status(now)
    for call in annotated:
        assert call.computed_status == call.status_at(now) == call.slug.removeprefix("appel-")
    assert {c.slug for c in CallPage.objects.child_of(programme).open(now)} >= {"appel-open"}
    assert "appel-closed" in {c.slug for c in CallPage.objects.closed(now)}
    assert "appel-upcoming" in {c.slug for c in CallPage.objects.upcoming(now)}


def test_a_call_must_close_after_it_opens():
    opens = dt.datetime(2027, 1, 15, 9, 0, tzinfo=PARIS)
    call = make_call(opens, opens)
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert "closes_at" in error.value.message_dict
