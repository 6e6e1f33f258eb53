"""A call's timeline: its steps in date order, each past, current or to come.

Application dates are aware date-times (compared with the current moment);
selection, results and residencies are whole days in Paris (compared with
today's date in Paris), so a step dated today is current all day long.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.dates import in_site_time, site_timezone

PAST, CURRENT, FUTURE = "past", "current", "future"


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    start: dt.date | dt.datetime
    # Set for steps that last (applications, residencies); the day or moment they end.
    end: dt.date | dt.datetime | None
    state: str

    @property
    def is_current(self):
        return self.state == CURRENT

    @property
    def has_time(self):
        return isinstance(self.start, dt.datetime)


@dataclass(frozen=True)
class Timeline:
    steps: list[Step]
    # Where a "Today" marker goes when no step is current: before steps[today_index].
    today_index: int | None
    today: dt.date


def _sort_key(value):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time.min, tzinfo=site_timezone())


def _state(start, end, now, today):
    end = end or start
    if isinstance(start, dt.datetime):
        if now < start:
            return FUTURE
        # A dated instant (the deadline) has no duration: once reached, it is past.
        return CURRENT if now < end else PAST
    if today < start:
        return FUTURE
    return CURRENT if today <= end else PAST


def build_timeline(call, now):
    """The timeline of ``call`` at the aware moment ``now``."""
    today = in_site_time(now).date()
    candidates = [
        ("opens", _("Applications open"), call.opens_at, call.closes_at),
        ("closes", _("Deadline"), call.closes_at, None),
        ("selection", _("Selection committee"), call.selection_on, None),
        ("results", _("Results announced"), call.results_on, None),
    ]
    residency_start = call.residency_starts_on or call.residency_ends_on
    if residency_start:
        candidates.append(
            ("residency", _("Residencies"), residency_start, call.residency_ends_on or None)
        )
    steps = sorted(
        (
            Step(key, label, start, end, _state(start, end, now, today))
            for key, label, start, end in candidates
            if start
        ),
        key=lambda step: _sort_key(step.start),
    )
    today_index = None
    if not any(step.is_current for step in steps):
        today_index = next(
            (index for index, step in enumerate(steps) if step.state == FUTURE), len(steps)
        )
    return Timeline(steps=steps, today_index=today_index, today=today)
