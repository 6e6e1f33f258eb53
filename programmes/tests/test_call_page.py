"""A call's page, as a French-speaking candidate reads it."""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from programmes.models import CallIndexPage
from programmes.tests.factories import CallPageFactory, calls_index_under

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
    # Without a calls page, the programmes page lists the calls by status.
    for calls_index in CallIndexPage.objects.all():
        calls_index.delete()
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


# --- The calls page, the timeline, structured data --------------------------------------


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match[1])


def test_closed_call_points_to_the_open_calls_of_the_calls_page(client, site_tree):
    calls_index = calls_index_under(site_tree.home)
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel 2020",
        opens_at=dt.datetime(2020, 1, 6, 9, 0, tzinfo=PARIS),
        closes_at=dt.datetime(2020, 3, 15, 12, 0, tzinfo=PARIS),
    )
    html = client.get(call.url).content.decode()
    assert "Cet appel est clos" in html
    assert f'href="{calls_index.url}?status=open#results"' in html
    assert 'class="eligibility"' not in html  # no eligibility check on a closed call


def test_timeline_marks_the_current_step(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel en cours",
        opens_at=timezone.now() - dt.timedelta(days=3),
        closes_at=timezone.now() + dt.timedelta(days=30),
        selection_on=(timezone.now() + dt.timedelta(days=60)).date(),
        residency_starts_on=dt.date(2099, 9, 1),
        residency_ends_on=dt.date(2099, 11, 30),
    )
    html = client.get(call.url).content.decode()
    start = html.index('class="timeline__list"')
    timeline = html[start : html.index("</ol>", start)]
    assert timeline.count('aria-current="step"') == 1
    current = timeline[timeline.index('aria-current="step"') :]
    assert current.index("timeline__now") < current.index("</li>")
    assert timeline.count("timeline__step--past") == 0
    assert timeline.count("timeline__step--future") == 3  # deadline, selection, residencies
    assert 'datetime="2099-09-01"' in timeline and 'datetime="2099-11-30"' in timeline


def test_timeline_shows_today_between_steps(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel en délibération",
        opens_at=timezone.now() - dt.timedelta(days=60),
        closes_at=timezone.now() - dt.timedelta(days=3),
        results_on=(timezone.now() + dt.timedelta(days=20)).date(),
    )
    html = client.get(call.url).content.decode()
    start = html.index('class="timeline__list"')
    timeline = html[start : html.index("</ol>", start)]
    assert 'aria-current="step"' not in timeline
    today = timeline.index("timeline__today")
    assert timeline.rindex("timeline__step--past", 0, today) > 0
    assert timeline.index("timeline__step--future") > today


def test_add_to_calendar_link(client, site_tree):
    html = client.get(site_tree.call.url).content.decode()
    assert f'href="{site_tree.call.url}calendar/"' in html


def test_structured_data_is_a_monetary_grant_with_the_application_window(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel </script><b>",
        summary="Résidences & bourses",
        opens_at=dt.datetime(2026, 1, 6, 9, 0, tzinfo=PARIS),
        closes_at=dt.datetime(2099, 3, 15, 12, 0, tzinfo=PARIS),
        application_url="https://candidatures.example.org/odyssee",
    )
    html = client.get(call.url).content.decode()
    assert "</script><b>" not in html[: html.index("</head>")]
    data = structured_data(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MonetaryGrant"
    assert data["name"] == "Appel </script><b>"
    assert data["description"] == "Résidences & bourses"
    assert data["url"] == call.full_url
    assert data["funder"]["@type"] == "Organization" and data["funder"]["name"] == "ACCR"
    assert "amount" not in data
    action = data["potentialAction"]
    assert action["@type"] == "ApplyAction"
    assert dt.datetime.fromisoformat(action["endTime"]) == call.closes_at
    assert action["target"]["url"] == "https://candidatures.example.org/odyssee"


def test_who_can_apply_in_one_line(client, site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel résumé",
        audience_summary="Artistes vivant hors de France",
    )
    html = client.get(call.url).content.decode()
    assert "Artistes vivant hors de France" in html


def test_documents_show_format_and_size_and_survive_a_missing_file(client, site_tree):
    present = Document.objects.create(
        title="Règlement", file=ContentFile(b"x" * 2048, name="reglement.pdf")
    )
    missing = Document.objects.create(title="Formulaire", file="documents/absent.docx")
    assert missing.file_size is None
    call = CallPageFactory(
        parent=site_tree.programme,
        title="Appel avec documents",
        documents=[
            {
                "type": "documents",
                "value": {
                    "heading": "",
                    "documents": [
                        {"document": present.pk, "title": ""},
                        {"document": missing.pk, "title": ""},
                    ],
                },
            }
        ],
    )
    response = client.get(call.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Règlement" in html and "Formulaire" in html
    assert re.search(r"PDF</span>, 2,0\s+Kio\)", html)  # French for "2.0 KB"
    assert '<span class="documents__format">DOCX</span>)' in html
