"""What the call and programme modules share: the career stages field of calls, and the
lookup of a language's calls page (by its app label, so that no module imports the page)."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from programmes.eligibility import CareerStage


class CareerStagesField(models.JSONField):
    """The career stages a call is open to, stored as a list of ``CareerStage`` values.

    A JSON list rather than three booleans, so that editors tick boxes in one
    question and SQLite and PostgreSQL store it the same way.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            choices=CareerStage.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = set(value or []) - set(CareerStage.values)
        if unknown:
            raise ValidationError(_("Unknown career stage: %(stages)s"), params={"stages": unknown})


def find_call_index(locale_id):
    """The live calls page of a locale, or None: pages link to it and announce its feeds."""
    # Looked up by app label: the calls page's module imports the modules that call
    # this function, and a deferred import would still be a cycle (app_imports --check).
    CallIndexPage = apps.get_model("programmes", "CallIndexPage")
    return CallIndexPage.objects.live().public().filter(locale_id=locale_id).first()
