"""Feeds of the calls for applications, one set per language.

RSS and Atom (``django.contrib.syndication``) list the calls of a calls page;
the iCalendar feed (RFC 5545) gives one event per deadline, and a call's own
``calendar/`` adds its residency period. Date-times are written in Paris
time with the Europe/Paris ``VTIMEZONE``, so calendars show the deadline at
the right moment wherever the candidate lives.

A calls page lists the French calls not translated into its language (see
``portal.i18n.with_source_fallback``): their items and events keep the French
title and link, and say, in the feed's language, that the call is in French;
Atom entries also carry ``xml:lang``.
"""

import datetime as dt

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.cards import with_localized_themes
from portal.dates import deadline_text, in_site_time
from portal.i18n import fallback_language, locale_by_id, locale_for_language

ICALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//ACCR//Centres culturels de rencontre calls//EN"
# VTIMEZONE rules are written from this date: the first programmes date from 2003.
TIMEZONE_RULES_FROM = dt.date(2000, 1, 1)
# The right-hand side of every event's UID (RFC 5545 suggests a domain name): fixed,
# not the host a calendar was fetched from nor the Site's, which would give the same
# deadline a new UID, hence a second copy in subscribers' calendars, whenever either
# differs (docs/decisions.md).
UID_DOMAIN = "calls.accr-europe.org"


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")


class AtomFeedWithEntryLanguages(Atom1Feed):
    """Atom whose entries may say their own language (``xml:lang``), e.g. a French call
    in the Spanish feed."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class CallsRssFeed(Feed):
    """The calls of one calls page (and its filters), latest announced first."""

    feed_type = Rss201rev2Feed
    author_name = "ACCR"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.locale = locale_by_id(index_page.locale_id)
        self.language = self.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj):
        name = site_name(self.request)
        return f"{obj.title} — {name}" if name else obj.title

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return _("Calls for applications of the Centres culturels de rencontre network.")

    def feed_url(self, obj):
        route = "atom" if issubclass(self.feed_type, Atom1Feed) else "rss"
        return obj.get_full_url(self.request) + obj.reverse_subpage(route)

    def items(self, obj):
        return with_localized_themes(obj.get_feed_calls(self.request))

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        lines = [item.summary, _("Deadline: %(date)s") % {"date": deadline_text(item.closes_at)}]
        other_language = fallback_language(item, self.locale)
        if other_language:
            lines.insert(0, f"[{other_language.label}]")
        if item.audience_line:
            lines.append(_("Who can apply: %(audience)s") % {"audience": item.audience_line})
        return "\n".join(lines)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at or item.opens_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at or item.opens_at

    def item_categories(self, item):
        return [theme.name for theme in item.localized_themes]

    def item_extra_kwargs(self, item):
        other_language = fallback_language(item, self.locale)
        return {"language": other_language.code} if other_language else {}


class CallsAtomFeed(CallsRssFeed):
    feed_type = AtomFeedWithEntryLanguages

    def subtitle(self, obj):
        return self.description(obj)


def _new_calendar(name, language):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add("x-wr-language", language)
    return calendar


def _uid(call, kind, language):
    # Stable per call and language: the translation key is shared by a call's
    # translations, the language code tells them apart.
    return f"call-{call.translation_key}-{language}-{kind}@{UID_DOMAIN}"


def _deadline_event(call, language, request, stamp):
    url = call.get_full_url(request)
    event = icalendar.Event()
    event.add("uid", _uid(call, "deadline", language))
    event.add("dtstamp", stamp)
    event.add("dtstart", in_site_time(call.closes_at))
    event.add("summary", _("Deadline: %(call)s") % {"call": call.title})
    lines = [
        call.summary,
        _("Applications close on %(date)s.") % {"date": deadline_text(call.closes_at)},
        url,
    ]
    # A French call in another language's calendar says so.
    other_language = fallback_language(call, locale_for_language(language))
    if other_language:
        lines.insert(0, f"[{other_language.label}]")
    event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    if call.last_published_at:
        event.add("last-modified", call.last_published_at.astimezone(dt.UTC))
    return event


def _residency_event(call, language, request, stamp):
    start = call.residency_starts_on or call.residency_ends_on
    end = call.residency_ends_on or start
    event = icalendar.Event()
    event.add("uid", _uid(call, "residency", language))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    # All-day events end on the day after the last day (RFC 5545, 3.6.1).
    event.add("dtend", end + dt.timedelta(days=1))
    event.add("summary", _("Residency: %(call)s") % {"call": call.title})
    event.add("url", call.get_full_url(request))
    event.add("transp", "TRANSPARENT")
    return event


def _finish(calendar):
    calendar.add_missing_timezones(first_date=TIMEZONE_RULES_FROM)
    return calendar


def deadlines_calendar(index_page, calls, request):
    """One event per call deadline, for calendars that subscribe to the calls page."""
    language = index_page.locale.language_code
    calendar = _new_calendar(_("Deadlines: %(page)s") % {"page": index_page.title}, language)
    stamp = timezone.now().astimezone(dt.UTC)
    for call in calls:
        calendar.add_component(_deadline_event(call, language, request, stamp))
    return _finish(calendar)


def call_calendar(call, request):
    """A call's deadline and, when its dates are set, its residency period."""
    language = call.locale.language_code
    calendar = _new_calendar(call.title, language)
    stamp = timezone.now().astimezone(dt.UTC)
    calendar.add_component(_deadline_event(call, language, request, stamp))
    if call.residency_starts_on or call.residency_ends_on:
        calendar.add_component(_residency_event(call, language, request, stamp))
    return _finish(calendar)
