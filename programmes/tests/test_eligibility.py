"""The "Am I eligible?" rules, one by one and at their boundaries (no database)."""

import datetime as dt

import pytest
from django.utils import translation

from programmes.eligibility import (
    Answers,
    CareerStage,
    EligibilityRules,
    Residence,
    check,
    describe_audience,
    years_before,
)
from programmes.forms import EligibilityForm

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_no_rules_means_anyone_can_apply():
    rules = EligibilityRules()
    assert not rules.has_rules
    assert check(rules, Answers(), TODAY).eligible


@pytest.mark.parametrize(
    ("residence", "lives_in_france", "eligible"),
    [
        (Residence.OUTSIDE_FRANCE, False, True),
        (Residence.OUTSIDE_FRANCE, True, False),
        (Residence.IN_FRANCE, True, True),
        (Residence.IN_FRANCE, False, False),
        (Residence.ANY, True, True),
        (Residence.ANY, False, True),
    ],
)
def test_residence(residence, lives_in_france, eligible):
    verdict = check(
        EligibilityRules(residence=residence), Answers(lives_in_france=lives_in_france), TODAY
    )
    assert verdict.eligible is eligible


def test_residence_reason_is_plain_words():
    verdict = check(
        EligibilityRules(residence=Residence.OUTSIDE_FRANCE), Answers(lives_in_france=True), TODAY
    )
    assert verdict.reasons == ["This call is for people who live outside France."]


def test_refugee_status_required():
    rules = EligibilityRules(refugee_status_required=True)
    assert check(rules, Answers(has_refugee_status=True), TODAY).eligible
    verdict = check(rules, Answers(has_refugee_status=False), TODAY)
    assert verdict.reasons == [
        "This call is for people who have been granted refugee status "
        "or international protection in France."
    ]


@pytest.mark.parametrize(
    ("since", "eligible"),
    [
        (dt.date(2021, 11, 25), True),  # exactly five years ago: still within
        (dt.date(2021, 11, 24), False),  # one day too early
        (dt.date(2021, 11, 26), True),
        (TODAY, True),
    ],
)
def test_refugee_status_obtained_within_years_boundary(since, eligible):
    rules = EligibilityRules(refugee_status_required=True, refugee_status_within_years=5)
    verdict = check(rules, Answers(has_refugee_status=True, refugee_status_since=since), TODAY)
    assert verdict.eligible is eligible
    if not eligible:
        assert verdict.reasons == [
            "This call is for people who obtained refugee status or international "
            "protection in the last 5 years."
        ]


def test_refugee_status_years_reason_is_plural_aware():
    rules = EligibilityRules(refugee_status_required=True, refugee_status_within_years=1)
    verdict = check(
        rules, Answers(has_refugee_status=True, refugee_status_since=dt.date(2020, 1, 1)), TODAY
    )
    assert "in the last year." in verdict.reasons[0]


def test_years_before_handles_leap_day():
    assert years_before(dt.date(2028, 2, 29), 5) == dt.date(2023, 2, 28)
    assert years_before(TODAY, 5) == dt.date(2021, 11, 25)


def test_discipline_must_be_one_of_the_calls():
    rules = EligibilityRules(disciplines={"musique": "Music", "theatre": "Theatre"})
    assert check(rules, Answers(discipline="theatre"), TODAY).eligible
    verdict = check(rules, Answers(discipline="danse"), TODAY)
    assert verdict.reasons == ["This call is open to these disciplines only: Music, Theatre."]


def test_career_stages():
    rules = EligibilityRules(career_stages=frozenset({CareerStage.EMERGING}))
    assert rules.asks_career_stage
    assert check(rules, Answers(career_stage=CareerStage.EMERGING), TODAY).eligible
    verdict = check(rules, Answers(career_stage=CareerStage.ESTABLISHED), TODAY)
    assert verdict.reasons == [
        "This call is for artists and researchers at these career stages: Emerging."
    ]


def test_every_career_stage_chosen_is_no_rule():
    rules = EligibilityRules(career_stages=frozenset(CareerStage.values))
    assert not rules.asks_career_stage
    assert check(rules, Answers(career_stage=None), TODAY).eligible


def test_every_failed_rule_is_listed():
    rules = EligibilityRules(
        residence=Residence.IN_FRANCE,
        refugee_status_required=True,
        disciplines={"musique": "Music"},
    )
    verdict = check(
        rules, Answers(lives_in_france=False, has_refugee_status=False, discipline="other"), TODAY
    )
    assert len(verdict.reasons) == 3


def test_audience_line_from_rules():
    rules = EligibilityRules(residence=Residence.OUTSIDE_FRANCE)
    assert describe_audience(rules) == "People living outside France"
    assert describe_audience(EligibilityRules()) == ""


# --- The form --------------------------------------------------------------------------


def test_form_asks_only_what_the_rules_need():
    form = EligibilityForm(EligibilityRules(residence=Residence.OUTSIDE_FRANCE), today=TODAY)
    assert list(form.fields) == ["residence"]
    rules = EligibilityRules(
        refugee_status_required=True,
        refugee_status_within_years=5,
        disciplines={"musique": "Music"},
        career_stages=frozenset({CareerStage.EMERGING}),
    )
    form = EligibilityForm(rules, disciplines=[("musique", "Music")], today=TODAY)
    assert list(form.fields) == ["refugee_status", "refugee_since", "discipline", "career_stage"]


def test_form_requires_the_date_when_status_is_granted():
    rules = EligibilityRules(refugee_status_required=True, refugee_status_within_years=5)
    form = EligibilityForm(rules, today=TODAY, data={"refugee_status": "yes"})
    assert not form.is_valid()
    assert "refugee_since" in form.errors

    form = EligibilityForm(rules, today=TODAY, data={"refugee_status": "no"})
    assert form.is_valid()
    assert form.answers().has_refugee_status is False


def test_form_rejects_a_future_date_and_bad_input():
    rules = EligibilityRules(refugee_status_required=True, refugee_status_within_years=5)
    form = EligibilityForm(
        rules, today=TODAY, data={"refugee_status": "yes", "refugee_since": "2030-01-01"}
    )
    assert form.errors["refugee_since"] == ["This date is in the future: check the year."]
    form = EligibilityForm(
        rules, today=TODAY, data={"refugee_status": "yes", "refugee_since": "last spring"}
    )
    assert form.errors["refugee_since"] == ["Enter the date as year-month-day, e.g. 2023-09-15."]


def test_form_answers_feed_the_check():
    rules = EligibilityRules(residence=Residence.OUTSIDE_FRANCE)
    form = EligibilityForm(rules, today=TODAY, data={"residence": "in_france"})
    assert form.is_valid()
    assert form.answers().lives_in_france is True
    assert not check(rules, form.answers(), TODAY).eligible
