"""Dates as the site states them: in the project's time zone, and saying so.

Deadlines are set in Paris time (``TIME_ZONE``) whatever the visitor's own
time zone. Every page, feed, calendar and structured datum reads the zone
from here, that is from the setting, never from a copy of its name.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def site_timezone():
    """The project's time zone (``settings.TIME_ZONE``, Europe/Paris)."""
    return timezone.get_default_timezone()


def in_site_time(value):
    """An aware datetime in the site's time zone; a naive one is taken as already in it."""
    zone = site_timezone()
    if timezone.is_naive(value):
        return timezone.make_aware(value, zone)
    return value.astimezone(zone)


def deadline_text(value):
    """A date-time as plain text, the zone stated: "15 mars 2027, 12:00 (heure de Paris)"."""
    local = in_site_time(value)
    return _("%(date)s, %(time)s (Paris time)") % {
        "date": date_format(local, "DATE_FORMAT"),
        "time": date_format(local, "TIME_FORMAT"),
    }
