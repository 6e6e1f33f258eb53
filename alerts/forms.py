from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.utils.translation import gettext_lazy as _

from portal.i18n import SOURCE_LOCALE_ONLY, localized_pages
from programmes.models import ProgrammePage

# Change the version whenever the wording below changes: each subscription
# stores the version and the exact text its owner agreed to.
CONSENT_VERSION = "1"
CONSENT_TEXT = _(
    "I agree to receive e-mails from the ACCR announcing new calls for applications. "
    "My address is used for these alerts only, and I can unsubscribe at any time "
    "with the link in every e-mail."
)


MAX_PAGE_ID = 2**63 - 1


class ProgrammeChoiceField(forms.ModelMultipleChoiceField):
    """French programme pages, each labelled with its title in the visitor's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = {}

    def localize_labels(self):
        programmes = list(self.queryset)
        self.labels = {
            source.pk: translated.title
            for source, translated in zip(programmes, localized_pages(programmes), strict=True)
        }

    def label_from_instance(self, obj):
        return self.labels.get(obj.pk, obj.title)

    def _check_values(self, value):
        # Django lets an integer beyond 64 bits through to the database, where
        # SQLite raises OverflowError (a 500): no page id is that large.
        for pk in value:
            try:
                out_of_range = abs(int(str(pk))) > MAX_PAGE_ID
            except ValueError:
                continue  # Django's own check refuses it
            if out_of_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:20]},
                )
        return super()._check_values(value)


class SubscriptionForm(forms.Form):
    ALL = "all"
    CHOSEN = "chosen"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    scope = forms.ChoiceField(
        label=_("Which calls?"),
        choices=[
            (ALL, _("Every new call, in every programme")),
            (CHOSEN, _("Only the calls of the programmes I choose below")),
        ],
        initial=ALL,
        widget=forms.RadioSelect,
    )
    programmes = ProgrammeChoiceField(
        label=_("Programmes"),
        queryset=ProgrammePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Tick this box to receive the alerts.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["programmes"]
        field.queryset = (
            ProgrammePage.objects.live().public().filter(SOURCE_LOCALE_ONLY).order_by("path")
        )
        field.localize_labels()

    def clean_email(self):
        # The domain is case-insensitive; the local part is kept as typed.
        return BaseUserManager.normalize_email(self.cleaned_data["email"].strip())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == self.CHOSEN and not cleaned.get("programmes"):
            self.add_error("programmes", _("Choose at least one programme, or every new call."))
        return cleaned

    def chosen_programmes(self):
        """The French programmes followed; empty for every programme."""
        if self.cleaned_data["scope"] == self.ALL:
            return []
        return list(self.cleaned_data["programmes"])
