"""Feeds of the calls: RSS and Atom parsed with feedparser, iCalendar with icalendar."""

import datetime as dt
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest

from portal.tests.translation import translate
from programmes.tests.factories import CallPageFactory, calls_index_under

PARIS = ZoneInfo("Europe/Paris")
pytestmark = pytest.mark.django_db


@pytest.fixture
def feeds_tree(site_tree):
    tree = site_tree
    tree.calls_index = calls_index_under(tree.home)
    tree.nora_call = CallPageFactory(
        parent=tree.programme,
        title="Appel NORA 2099",
        summary="Pour les artistes réfugiés.",
        opens_at=dt.datetime(2020, 1, 6, 9, 0, tzinfo=PARIS),
        closes_at=dt.datetime(2099, 3, 15, 12, 0, tzinfo=PARIS),
        residency_starts_on=dt.date(2099, 9, 1),
        residency_ends_on=dt.date(2099, 11, 30),
    )
    return tree


def fetch(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return response


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_rss_and_atom_are_valid_and_list_the_calls(client, feeds_tree, route, version):
    content_type = "application/rss+xml" if route == "rss/" else "application/atom+xml"
    response = fetch(client, feeds_tree.calls_index.url + route, content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    if version == "rss20":
        assert feed.feed.language == "fr"
    entries = {entry.title: entry for entry in feed.entries}
    assert set(entries) == {"Appel Odyssée", "Appel NORA 2099"}
    entry = entries["Appel NORA 2099"]
    assert entry.link == feeds_tree.nora_call.full_url
    assert "Pour les artistes réfugiés." in entry.summary
    assert "15 mars 2099, 12:00 (heure de Paris)" in entry.summary
    assert entry.published_parsed is not None


def test_feeds_accept_the_pages_filters(client, feeds_tree):
    CallPageFactory(
        parent=feeds_tree.programme,
        title="Appel clos",
        opens_at=dt.datetime(2020, 1, 6, 9, 0, tzinfo=PARIS),
        closes_at=dt.datetime(2020, 3, 15, 12, 0, tzinfo=PARIS),
    )
    response = fetch(client, feeds_tree.calls_index.url + "rss/", "application/rss")
    assert len(feedparser.parse(response.content).entries) == 3
    response = fetch(client, feeds_tree.calls_index.url + "rss/?status=open", "application/rss")
    titles = {entry.title for entry in feedparser.parse(response.content).entries}
    assert titles == {"Appel Odyssée", "Appel NORA 2099"}


def test_deadlines_calendar_is_valid_icalendar(client, feeds_tree):
    response = fetch(client, feeds_tree.calls_index.url + "deadlines/", "text/calendar")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = calendar.walk("VEVENT")
    assert len(events) == 2  # one per call deadline
    event = next(e for e in events if "Appel NORA 2099" in str(e["SUMMARY"]))
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2099, 3, 15, 12, 0, tzinfo=PARIS)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert str(event["URL"]) == feeds_tree.nora_call.full_url
    assert "Pour les artistes réfugiés." in str(event["DESCRIPTION"])
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_uids_are_stable_and_differ_per_language(client, multilingual_tree):
    tree = multilingual_tree
    fr_index = calls_index_under(tree.home)
    translate(tree.programmes, "en", {"Programmes": "Programmes"})
    translate(tree.programme, "en")
    en_call = translate(tree.call, "en", {"Appel Odyssée": "Odyssée call"})
    en_index = translate(fr_index, "en", {"Appels à candidatures": "Calls", "appels": "calls"})

    def uids(index):
        response = fetch(client, index.url + "deadlines/", "text/calendar")
        calendar = icalendar.Calendar.from_ical(response.content)
        return {str(event["UID"]) for event in calendar.walk("VEVENT")}

    fr_uids, en_uids = uids(fr_index), uids(en_index)
    assert fr_uids == uids(fr_index)  # stable from one download to the next
    assert len(fr_uids) == len(en_uids) == 1
    assert fr_uids != en_uids
    assert str(en_call.translation_key) in next(iter(en_uids))
    assert "-en-deadline@" in next(iter(en_uids))


def test_a_calls_calendar_has_its_deadline_and_residency(client, feeds_tree):
    call = feeds_tree.nora_call
    response = fetch(client, call.url + "calendar/", "text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    deadline, residency = events
    assert deadline.decoded("DTSTART") == call.closes_at
    assert residency.decoded("DTSTART") == dt.date(2099, 9, 1)
    # All-day DTEND is exclusive: the day after the residency's last day.
    assert residency.decoded("DTEND") == dt.date(2099, 12, 1)
    assert calendar.walk("VTIMEZONE")


def test_pages_announce_the_feeds(client, feeds_tree):
    base = feeds_tree.calls_index.url
    for page in (feeds_tree.calls_index, feeds_tree.programme, feeds_tree.nora_call):
        html = client.get(page.url).content.decode()
        head = html[: html.index("</head>")]
        assert 'rel="alternate" type="application/rss+xml"' in head, page
        assert 'type="application/atom+xml"' in head
        assert f"{base}deadlines/" in head


def test_uids_do_not_depend_on_the_host_the_calendar_is_fetched_from(client, feeds_tree):
    """Two addresses of the same site (a proxy, a second domain) give one event one UID:
    a calendar that follows the feed never sees the same deadline twice."""
    call = feeds_tree.nora_call

    def uids(url, host):
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200
        calendar = icalendar.Calendar.from_ical(response.content)
        return sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))

    for url in (feeds_tree.calls_index.url + "deadlines/", call.url + "calendar/"):
        by_host = {host: uids(url, host) for host in ("testserver", "localhost", "127.0.0.1")}
        assert len({tuple(found) for found in by_host.values()}) == 1, by_host
        for uid in by_host["testserver"]:
            assert not any(host in uid for host in by_host), uid
    # The call's own calendar and the calls page's feed name its deadline alike.
    deadline = next(uid for uid in uids(call.url + "calendar/", "testserver") if "deadline" in uid)
    assert deadline in uids(feeds_tree.calls_index.url + "deadlines/", "localhost")
