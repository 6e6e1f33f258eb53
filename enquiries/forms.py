"""The enquiry form as visitors get it: Wagtail's form builder with two more field types.

- "country": every country django-countries knows, named in the visitor's
  language and stored as its ISO code, so submissions in every language compare;
- "language": the site's languages, each in its own name, preselected with the
  language of the page; stored as the language code.
"""

import datetime

from django import forms
from django.conf import settings
from django.core import validators
from django.utils.formats import date_format
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import Country
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

# The longest answer a real enquiry needs, per field type: a name or a site
# fits in a line, a project in a few paragraphs (about 700 words). Longer
# input is refused with Django's own message, in the visitor's language, and
# the form keeps what was typed.
MAX_LENGTHS = {
    "singleline": 255,
    "multiline": 5000,
    "email": 254,
    "url": 500,
    "hidden": 255,
}
# Field types whose value the visitor cannot write freely (a choice, a date, a
# number): the only ones repeated in the confirmation sent to the typed
# address, which may be somebody else's.
CONFIRMED_FIELD_TYPES = {
    "country",
    "language",
    "dropdown",
    "multiselect",
    "radio",
    "checkboxes",
    "checkbox",
    "date",
    "datetime",
    "number",
}

ENQUIRY_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES,
    ("country", _("Country")),
    ("language", _("Language")),
)


class CountryChoiceField(forms.ChoiceField):
    def __init__(self, **kwargs):
        # Built per request, so the names come in the visitor's language.
        kwargs["choices"] = [("", _("Choose a country")), *countries]
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "country")


class LanguageChoiceField(forms.ChoiceField):
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        # Each language in its own name: a visitor recognises theirs whatever the page's.
        kwargs["choices"] = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
        super().__init__(**kwargs)


class EnquiryForm(BaseForm):
    """The form of an enquiry page; ``page`` is the page being served."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page_language = self.page.locale.language_code if self.page else get_language()
        for field in self.fields.values():
            if isinstance(field, LanguageChoiceField) and not field.initial:
                field.initial = page_language


class EnquiryFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        form_field = super().create_singleline_field(field, options)
        return limit_length(form_field, MAX_LENGTHS["singleline"])

    def create_multiline_field(self, field, options):
        form_field = super().create_multiline_field(field, options)
        return limit_length(form_field, MAX_LENGTHS["multiline"])

    def create_email_field(self, field, options):
        form_field = limit_length(super().create_email_field(field, options), MAX_LENGTHS["email"])
        form_field.widget.attrs.setdefault("autocomplete", "email")
        return form_field

    def create_url_field(self, field, options):
        return limit_length(super().create_url_field(field, options), MAX_LENGTHS["url"])

    def create_hidden_field(self, field, options):
        return limit_length(super().create_hidden_field(field, options), MAX_LENGTHS["hidden"])

    def create_country_field(self, field, options):
        return CountryChoiceField(**options)

    def create_language_field(self, field, options):
        return LanguageChoiceField(**options)

    def get_form_class(self):
        return type("EnquiryForm", (EnquiryForm,), self.formfields)


def limit_length(form_field, max_length):
    """Refuse more than ``max_length`` characters (the browser's ``maxlength`` too)."""
    form_field.max_length = max_length
    form_field.validators = [
        validator
        for validator in form_field.validators
        if not isinstance(validator, validators.MaxLengthValidator)
    ]
    form_field.validators.append(validators.MaxLengthValidator(max_length))
    form_field.widget.attrs["maxlength"] = str(max_length)
    return form_field


def display_value(field_type, value):
    """A submitted value as a reader expects it, in the active language."""
    if value in (None, "", []):
        return ""
    if field_type == "country":
        return Country(value).name or value
    if field_type == "language":
        try:
            return get_language_info(value)["name_translated"]
        except KeyError:
            return value
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return value


def summary_lines(form_fields, data):
    """``[(label, value), ...]`` of a submission, in the order of ``form_fields``.

    ``form_fields`` may belong to another language's page than the one that
    received ``data``: translations share each field's ``clean_name``, so the
    team reads French labels whatever the visitor's language.
    """
    return [
        (field.label, display_value(field.field_type, data[field.clean_name]))
        for field in form_fields
        if field.clean_name in data
    ]
