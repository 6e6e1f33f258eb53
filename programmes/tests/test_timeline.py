"""Where today falls in a call's timeline (no database)."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from programmes.timeline import CURRENT, FUTURE, PAST, build_timeline

PARIS = ZoneInfo("Europe/Paris")


def make_call(**dates):
    values = {
        "opens_at": dt.datetime(2027, 1, 10, 9, 0, tzinfo=PARIS),
        "closes_at": dt.datetime(2027, 3, 15, 12, 0, tzinfo=PARIS),
        "selection_on": dt.date(2027, 4, 20),
        "results_on": dt.date(2027, 5, 5),
        "residency_starts_on": dt.date(2027, 9, 1),
        "residency_ends_on": dt.date(2027, 11, 30),
    }
    values.update(dates)
    return SimpleNamespace(**values)


def states(timeline):
    return [(step.key, step.state) for step in timeline.steps]


def test_while_open_the_application_step_is_current():
    timeline = build_timeline(make_call(), dt.datetime(2027, 2, 1, 10, 0, tzinfo=PARIS))
    assert states(timeline) == [
        ("opens", CURRENT),
        ("closes", FUTURE),
        ("selection", FUTURE),
        ("results", FUTURE),
        ("residency", FUTURE),
    ]
    assert timeline.today_index is None


def test_deadline_moment_is_exclusive():
    call = make_call()
    just_before = build_timeline(call, call.closes_at - dt.timedelta(seconds=1))
    at_deadline = build_timeline(call, call.closes_at)
    assert dict(states(just_before))["opens"] == CURRENT
    assert dict(states(at_deadline))["opens"] == PAST
    assert dict(states(at_deadline))["closes"] == PAST


def test_between_steps_today_marker_sits_before_the_next_step():
    timeline = build_timeline(make_call(), dt.datetime(2027, 4, 1, 10, 0, tzinfo=PARIS))
    assert not any(step.is_current for step in timeline.steps)
    assert timeline.today_index == 2  # before the selection committee
    assert timeline.today == dt.date(2027, 4, 1)


def test_a_dated_step_is_current_all_day_in_paris():
    # 23:30 UTC on 19 April is already 20 April in Paris (UTC+2 in spring).
    timeline = build_timeline(make_call(), dt.datetime(2027, 4, 19, 23, 30, tzinfo=dt.UTC))
    assert dict(states(timeline))["selection"] == CURRENT


def test_residency_window_and_after_everything():
    during = build_timeline(make_call(), dt.datetime(2027, 10, 1, tzinfo=PARIS))
    assert dict(states(during))["residency"] == CURRENT
    after = build_timeline(make_call(), dt.datetime(2028, 1, 1, tzinfo=PARIS))
    assert all(step.state == PAST for step in after.steps)
    assert after.today_index == len(after.steps)


def test_missing_dates_are_left_out_and_steps_sorted():
    call = make_call(
        selection_on=None,
        results_on=dt.date(2027, 1, 5),  # typed before the opening: shown in date order
        residency_starts_on=None,
        residency_ends_on=None,
    )
    timeline = build_timeline(call, dt.datetime(2026, 12, 1, tzinfo=PARIS))
    assert [step.key for step in timeline.steps] == ["results", "opens", "closes"]
    assert timeline.today_index == 0
