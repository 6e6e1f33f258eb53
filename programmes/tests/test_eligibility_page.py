"""Am I eligible? on a call's page: questions from its rules, answers in the visitor's language."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from portal.tests.factories import ThemeFactory
from programmes.eligibility import CareerStage, Residence, years_before
from programmes.tests.factories import CallPageFactory, calls_index_under

pytestmark = pytest.mark.django_db


def french(message, *plural):
    """``message`` as a French visitor reads it (whatever the catalogs hold today)."""
    with translation.override("fr"):
        return ngettext(message, *plural) if plural else gettext(message)


@pytest.fixture
def odyssee(site_tree):
    return CallPageFactory(
        parent=site_tree.programme,
        title="Odyssée 2027",
        residence_rule=Residence.OUTSIDE_FRANCE,
        application_url="https://candidatures.example.org/",
    )


@pytest.fixture
def nora(site_tree):
    call = CallPageFactory(
        parent=site_tree.programme,
        title="NORA 2027",
        residence_rule=Residence.IN_FRANCE,
        refugee_status_required=True,
        refugee_status_within_years=5,
        career_stages=[CareerStage.EMERGING, CareerStage.MID_CAREER],
    )
    call.themes.set([site_tree.theme])  # Musique
    call.save_revision().publish()
    return call


def check(client, call, **answers):
    """Answer as a visitor does: open the questions, post them back with the form's token."""
    csrf_client = Client(enforce_csrf_checks=True)
    page = csrf_client.get(call.url + "eligibility/")
    token = page.context["csrf_token"]
    response = csrf_client.post(
        call.url + "eligibility/", {"csrfmiddlewaretoken": token, "check": "1", **answers}
    )
    assert response.status_code == 200
    return response, response.content.decode()


def test_call_page_links_to_the_check_and_stays_cacheable(client, odyssee):
    response = client.get(odyssee.url)
    html = response.content.decode()
    assert 'id="eligibility-check-heading"' in html
    assert f'href="{odyssee.url}eligibility/"' in html
    # No form with a token: the call page sets no cookie, so the page cache may keep it.
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_the_check_asks_only_the_questions_its_rules_need(client, odyssee):
    html = client.get(odyssee.url + "eligibility/").content.decode()
    assert f'action="{odyssee.url}eligibility/#answer"' in html
    assert 'method="post"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'name="residence"' in html
    for absent in ("refugee_status", "refugee_since", "discipline", "career_stage"):
        assert f'name="{absent}"' not in html
    assert "<legend" in html  # radio buttons are grouped under their question


def test_a_call_without_rules_has_no_check(client, site_tree):
    html = client.get(site_tree.call.url).content.decode()
    assert 'id="eligibility-check-heading"' not in html
    response = client.get(site_tree.call.url + "eligibility/")
    assert response.status_code == 200


def test_living_in_france_cannot_apply_to_odyssee(client, odyssee):
    response, html = check(client, odyssee, residence="in_france")
    assert french("This call is for people who live outside France.") in html
    assert 'value="in_france" required id="id_residence_0" checked' in html  # keeps the answer


def test_living_abroad_can_apply_and_is_pointed_to_how_to_apply(client, odyssee):
    _response, html = check(client, odyssee, residence="outside_france")
    assert french("According to your answers, you can apply to this call.") in html
    assert f'href="{odyssee.url}#apply"' in html


def test_nothing_is_stored_cached_or_leaked(client, odyssee):
    response, html = check(client, odyssee, residence="outside_france")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex">' in html
    # Nothing but Django's CSRF cookie; no session holds the answers.
    assert set(response.cookies) <= {"csrftoken"}
    assert "sessionid" not in response.cookies


def test_the_answers_are_not_part_of_any_url(client, odyssee):
    """The answers (refugee status, its date) travelled in the query string, so
    they were written to the web server's access log."""
    response, html = check(client, odyssee, residence="outside_france")
    assert response.request["REQUEST_METHOD"] == "POST"
    assert "residence=" not in response.request["QUERY_STRING"]
    assert 'method="get"' not in html.split('class="eligibility-form"', 1)[1].split(">", 1)[0]


def test_answers_posted_without_the_token_are_refused(odyssee):
    response = Client(enforce_csrf_checks=True).post(
        odyssee.url + "eligibility/", {"check": "1", "residence": "outside_france"}
    )
    assert response.status_code == 403


def test_old_links_with_answers_in_the_query_string_are_ignored(client, odyssee):
    response = client.get(odyssee.url + "eligibility/?check=1&residence=in_france")
    html = response.content.decode()
    assert response.status_code == 200
    assert "verdict__title" not in html
    assert 'id="id_residence_0" checked' not in html
    assert "no-store" in response["Cache-Control"]


def test_nora_boundary_exactly_five_years_ago(client, nora):
    today = timezone.localdate()
    answers = {
        "residence": "in_france",
        "refugee_status": "yes",
        "discipline": "musique",
        "career_stage": CareerStage.EMERGING,
    }
    _response, html = check(
        client, nora, refugee_since=years_before(today, 5).isoformat(), **answers
    )
    assert french("According to your answers, you can apply to this call.") in html

    too_early = years_before(today, 5) - dt.timedelta(days=1)
    _response, html = check(client, nora, refugee_since=too_early.isoformat(), **answers)
    reason = french(
        "This call is for people who obtained refugee status or international "
        "protection in the last year.",
        "This call is for people who obtained refugee status or international "
        "protection in the last %(years)d years.",
        5,
    ) % {"years": 5}
    assert reason in html


def test_every_failed_rule_is_explained(client, nora, site_tree):
    ThemeFactory(name="Théâtre", slug="theatre")
    _response, html = check(
        client,
        nora,
        residence="outside_france",
        refugee_status="no",
        discipline="theatre",
        career_stage=CareerStage.ESTABLISHED,
    )
    assert french("This call is for people who live in France.") in html
    assert (
        french(
            "This call is for people who have been granted refugee status "
            "or international protection in France."
        )
        in html
    )
    assert "Musique" in html  # the disciplines the call is open to
    reasons = html[
        html.index("verdict__reasons") : html.index("</ul>", html.index("verdict__reasons"))
    ]
    assert reasons.count("<li>") == 4


def test_invalid_answers_say_what_to_fix_and_keep_what_was_typed(client, nora):
    _response, html = check(
        client, nora, residence="in_france", refugee_status="yes", refugee_since="2030-02-30"
    )
    assert 'class="error-summary"' in html
    assert french("Enter the date as year-month-day, e.g. 2023-09-15.") in html
    assert french("Choose your discipline in the list.") in html
    assert 'aria-invalid="true"' in html
    assert 'value="2030-02-30"' in html
    assert 'value="yes" required id="id_refugee_status_0" checked' in html
    assert "verdict__title" not in html  # no verdict until the answers are valid


def test_closed_call_eligibility_page_says_it_is_closed(client, site_tree, odyssee):
    calls_index = calls_index_under(site_tree.home)
    odyssee.opens_at = timezone.now() - dt.timedelta(days=30)
    odyssee.closes_at = timezone.now() - dt.timedelta(days=1)
    odyssee.save_revision().publish()
    _response, html = check(client, odyssee, residence="outside_france")
    assert french("This call is closed") in html
    assert f'href="{calls_index.url}?status=open#results"' in html
