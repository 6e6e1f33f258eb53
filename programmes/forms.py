"""The "Am I eligible?" form, built from one call's eligibility rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programmes.eligibility import Answers, CareerStage

YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]
OTHER_DISCIPLINE = "other"


class EligibilityForm(forms.Form):
    """Only the questions the call's rules need; every field name is stable in the URL.

    ``disciplines`` lists (slug, name) for every discipline a candidate can
    choose from, in the visitor's language; the call's own list decides the
    verdict. Nothing typed here is stored.
    """

    def __init__(self, rules, disciplines=(), today=None, **kwargs):
        super().__init__(**kwargs)
        self.rules = rules
        self.today = today
        if rules.asks_residence:
            self.fields["residence"] = forms.ChoiceField(
                label=_("Where do you live?"),
                choices=[("in_france", _("In France")), ("outside_france", _("Outside France"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Say whether you live in France or elsewhere.")},
            )
        if rules.asks_refugee_status:
            self.fields["refugee_status"] = forms.ChoiceField(
                label=_(
                    "Have you been granted refugee status or international protection in France?"
                ),
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Answer yes or no.")},
            )
        if rules.asks_refugee_status_date:
            self.fields["refugee_since"] = forms.DateField(
                label=_("On what date was it granted?"),
                help_text=_("Only if you answered yes. For example: 2023-09-15."),
                required=False,
                widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
                error_messages={"invalid": _("Enter the date as year-month-day, e.g. 2023-09-15.")},
            )
        if rules.asks_discipline:
            self.fields["discipline"] = forms.ChoiceField(
                label=_("What is your discipline?"),
                choices=[
                    ("", _("Choose your discipline")),
                    *disciplines,
                    (OTHER_DISCIPLINE, _("Another discipline")),
                ],
                error_messages={"required": _("Choose your discipline in the list.")},
            )
        if rules.asks_career_stage:
            self.fields["career_stage"] = forms.ChoiceField(
                label=_("At what stage of your career are you?"),
                choices=CareerStage.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose the stage of your career.")},
            )

    def clean_refugee_since(self):
        since = self.cleaned_data.get("refugee_since")
        if since and self.today and since > self.today:
            raise forms.ValidationError(_("This date is in the future: check the year."))
        return since

    def clean(self):
        cleaned = super().clean()
        if (
            "refugee_since" in self.fields
            and cleaned.get("refugee_status") == YES
            and not cleaned.get("refugee_since")
            and "refugee_since" not in self.errors
        ):
            self.add_error(
                "refugee_since",
                _("Give the date your refugee status or international protection was granted."),
            )
        return cleaned

    def answers(self):
        """The cleaned answers, for ``eligibility.check``; call after ``is_valid()``."""
        data = self.cleaned_data
        residence = data.get("residence")
        refugee_status = data.get("refugee_status")
        return Answers(
            lives_in_france=None if residence is None else residence == "in_france",
            has_refugee_status=None if refugee_status is None else refugee_status == YES,
            refugee_status_since=data.get("refugee_since"),
            discipline=data.get("discipline"),
            career_stage=data.get("career_stage"),
        )
