"""The facts every app shares, each defined once: the time zone, deadlines, descriptions."""

import datetime as dt
from types import SimpleNamespace

from django.utils import translation

from portal.dates import deadline_text, in_site_time, site_timezone
from portal.descriptions import description_text
from portal.templatetags.portal_tags import page_description, paris_datetime


def test_the_site_time_zone_is_the_setting(settings):
    assert str(site_timezone()) == "Europe/Paris"
    settings.TIME_ZONE = "America/Montreal"
    assert str(site_timezone()) == "America/Montreal"


def test_a_deadline_reads_in_paris_time_whatever_zone_it_was_stored_in():
    closes = dt.datetime(2027, 3, 15, 11, 0, tzinfo=dt.UTC)  # 12:00 in Paris (winter)
    with translation.override("fr"):
        assert deadline_text(closes) == "15 mars 2027, 12:00 (heure de Paris)"
        html = str(paris_datetime(closes))
    assert html == (
        '<time datetime="2027-03-15T12:00:00+01:00">15 mars 2027, 12:00 (heure de Paris)</time>'
    )
    # A naive value is taken as already in Paris time.
    assert in_site_time(dt.datetime(2027, 7, 1, 9, 30)).isoformat() == "2027-07-01T09:30:00+02:00"


def test_a_description_is_plain_text_and_paragraphs_keep_their_words_apart():
    intro = "<p>Royaumont&nbsp;accueille</p><p>des artistes</p>"
    page = SimpleNamespace(search_description="", summary="", intro=intro)
    assert description_text(page) == "Royaumont accueille des artistes"
    assert page_description(page, length=20) == "Royaumont accueille…"
    page.search_description = "Written for search engines"
    assert description_text(page) == "Written for search engines"
    assert description_text(SimpleNamespace()) == ""
