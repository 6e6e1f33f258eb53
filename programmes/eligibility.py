"""The "Am I eligible?" check: a call's rules against a candidate's answers.

Pure code, no database and no request: ``EligibilityRules`` says what a call
asks for, ``Answers`` holds what a candidate typed (nothing is stored), and
``check()`` returns every rule the candidate does not meet, each with a reason
in plain words in the active language. The call page builds the rules from
its fields (``CallPage.eligibility_rules``) and the form from the rules
(``programmes.forms.EligibilityForm``).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class Residence(models.TextChoices):
    """Where a call's candidates must live."""

    ANY = "any", _("Anywhere")
    OUTSIDE_FRANCE = "outside_france", _("Outside France")
    IN_FRANCE = "in_france", _("In France")


class CareerStage(models.TextChoices):
    EMERGING = "emerging", _("Emerging")
    MID_CAREER = "mid_career", _("Mid-career")
    ESTABLISHED = "established", _("Established")


@dataclass(frozen=True)
class EligibilityRules:
    """What a call requires. Empty collections and ``Residence.ANY`` mean "no rule"."""

    residence: str = Residence.ANY
    refugee_status_required: bool = False
    # Refugee status must have been obtained at most this many years ago (None: any time).
    refugee_status_within_years: int | None = None
    # Slug -> display name of the disciplines the call is open to (empty: every discipline).
    disciplines: dict[str, str] = field(default_factory=dict)
    career_stages: frozenset[str] = frozenset()

    @property
    def asks_residence(self):
        return self.residence != Residence.ANY

    @property
    def asks_refugee_status(self):
        return self.refugee_status_required

    @property
    def asks_refugee_status_date(self):
        return self.refugee_status_required and self.refugee_status_within_years is not None

    @property
    def asks_discipline(self):
        return bool(self.disciplines)

    @property
    def asks_career_stage(self):
        # Choosing every stage is the same as choosing none: no question to ask.
        return bool(self.career_stages) and self.career_stages != set(CareerStage.values)

    @property
    def has_rules(self):
        return (
            self.asks_residence
            or self.asks_refugee_status
            or self.asks_discipline
            or self.asks_career_stage
        )


@dataclass(frozen=True)
class Answers:
    """A candidate's answers; None for a question that was not asked."""

    lives_in_france: bool | None = None
    has_refugee_status: bool | None = None
    refugee_status_since: dt.date | None = None
    discipline: str | None = None
    career_stage: str | None = None


@dataclass(frozen=True)
class Verdict:
    reasons: list[str]

    @property
    def eligible(self):
        return not self.reasons


def years_before(day, years):
    """The same calendar day ``years`` earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def check(rules, answers, today):
    """Every rule of ``rules`` that ``answers`` fail, as plain-language reasons.

    ``today`` is the candidate's day in Paris (the call's time zone). Status
    obtained exactly ``refugee_status_within_years`` years ago still counts.
    """
    reasons = []
    if rules.residence == Residence.OUTSIDE_FRANCE and answers.lives_in_france:
        reasons.append(gettext("This call is for people who live outside France."))
    elif rules.residence == Residence.IN_FRANCE and answers.lives_in_france is False:
        reasons.append(gettext("This call is for people who live in France."))

    if rules.refugee_status_required:
        if not answers.has_refugee_status:
            reasons.append(
                gettext(
                    "This call is for people who have been granted refugee status "
                    "or international protection in France."
                )
            )
        elif rules.refugee_status_within_years is not None and (
            answers.refugee_status_since is None
            or answers.refugee_status_since < years_before(today, rules.refugee_status_within_years)
        ):
            years = rules.refugee_status_within_years
            reasons.append(
                ngettext(
                    "This call is for people who obtained refugee status or international "
                    "protection in the last year.",
                    "This call is for people who obtained refugee status or international "
                    "protection in the last %(years)d years.",
                    years,
                )
                % {"years": years}
            )

    if rules.disciplines and answers.discipline not in rules.disciplines:
        reasons.append(
            gettext("This call is open to these disciplines only: %(disciplines)s.")
            % {"disciplines": ", ".join(rules.disciplines.values())}
        )

    if rules.asks_career_stage and answers.career_stage not in rules.career_stages:
        stages = [str(stage.label) for stage in CareerStage if stage.value in rules.career_stages]
        reasons.append(
            gettext("This call is for artists and researchers at these career stages: %(stages)s.")
            % {"stages": ", ".join(stages)}
        )
    return Verdict(reasons)


def describe_audience(rules):
    """A short "who can apply" line derived from the rules, for cards with no summary."""
    parts = []
    if rules.residence == Residence.OUTSIDE_FRANCE:
        parts.append(gettext("People living outside France"))
    elif rules.residence == Residence.IN_FRANCE:
        parts.append(gettext("People living in France"))
    if rules.refugee_status_required:
        parts.append(gettext("Refugees or beneficiaries of international protection in France"))
    if rules.asks_career_stage:
        stages = [str(stage.label) for stage in CareerStage if stage.value in rules.career_stages]
        parts.append(gettext("Career stage: %(stages)s") % {"stages": ", ".join(stages)})
    return " · ".join(parts)
