"""Enquiries from project holders who want to join the network.

``EnquiryFormPage`` is a Wagtail form-builder page under the label page: the
team builds the form (name, organisation, e-mail, country, heritage site,
project, preferred language) and translators translate its labels with
wagtail-localize. Every field keeps the same ``clean_name`` in every language,
so all submissions share columns. Wagtail stores each submission with the page
that received it: the admin's Forms menu lists each language's page with its
own submissions, and the page says the submission's language.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from enquiries import spam
from enquiries.forms import (
    CONFIRMED_FIELD_TYPES,
    ENQUIRY_FIELD_CHOICES,
    EnquiryFormBuilder,
    summary_lines,
)
from outbox import mail as outbox
from portal.blocks import RICH_TEXT_FEATURES

logger = logging.getLogger(__name__)


class EnquiryFormField(TranslatableMixin, AbstractFormField):
    """A field of the enquiry form; its wording is translated, its name and type are shared."""

    page = ParentalKey("EnquiryFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=ENQUIRY_FIELD_CHOICES
    )
    # As on AbstractFormField: previews need the type to build the field.
    field_type.required_on_save = True

    # wagtail-localize would otherwise offer ``clean_name`` for translation: it
    # is the key of the submitted data and must stay identical in every language.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class EnquiryFormPage(AbstractEmailForm):
    """The enquiry form for project holders, below the label page."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown once the enquiry is sent."),
    )

    form_builder = EnquiryFormBuilder

    # The team's e-mail is written in French from the French page: its address
    # and subject are the same for every language.
    override_translatable_fields = [
        SynchronizedField("to_address", overridable=False),
        SynchronizedField("subject", overridable=False),
    ]

    parent_page_types = ["network.LabelPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        FormSubmissionsPanel(),
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields"), heading=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the team"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("enquiry form")

    # --- Serving -------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        """Wagtail's form handling, with the spam checks before anything is stored."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if spam.honeypot_filled(request):
            logger.info("Enquiry discarded: honeypot filled (page %s)", self.pk)
            return self.render_landing_page(request, None, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self.render_form(request, form)
        # Counted before storing, atomically: simultaneous posts cannot all pass.
        if not spam.take_enquiry(request):
            form.add_error(
                None,
                _(
                    "Too many enquiries have been sent from your connection in the last "
                    "hour. Please try again later: what you typed is kept below."
                ),
            )
            return self.render_form(request, form, status=429)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field_name"] = spam.HONEYPOT_FIELD_NAME
        return context

    def get_submissions_list_view_class(self):
        from enquiries.views import EnquirySubmissionsListView  # the admin views, loaded late

        return self.submissions_list_view_class or EnquirySubmissionsListView

    # --- Storing and e-mailing ----------------------------------------------

    def process_form_submission(self, form):
        """Store the submission, then queue the e-mails to the team and the visitor.

        Wagtail saves the submission before calling ``send_mail``. The e-mails
        are stored in the outbox and sent by the task worker, retried when the
        mail server fails: the request never waits for the mail server, and a
        failing one loses neither the enquiry nor its e-mails.
        """
        submission = super().process_form_submission(form)
        self.send_confirmation(form)
        return submission

    def get_source_page(self):
        """The French page, whose wording the team reads."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def get_team_form_fields(self):
        """This page's fields, labelled as on the French page when it has them."""
        fields = list(self.get_form_fields())
        source = self.get_source_page()
        if source.pk != self.pk:
            source_labels = {field.clean_name: field.label for field in source.get_form_fields()}
            for field in fields:
                field.label = source_labels.get(field.clean_name, field.label)
        return fields

    def get_visitor_email(self, data):
        """The address typed in the form's first e-mail field, if the form has one."""
        for field in self.get_form_fields():
            if field.field_type == "email" and data.get(field.clean_name):
                return data[field.clean_name]
        return ""

    def get_team_addresses(self):
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def get_site_name(self):
        site = self.get_site()
        return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME

    def send_mail(self, form):
        """E-mail the team, in French whatever the visitor's language."""
        visitor_email = self.get_visitor_email(form.cleaned_data)
        with translation.override(settings.LANGUAGE_CODE):
            language = get_language_info(self.locale.language_code)["name_translated"]
            subject = self.get_source_page().subject or gettext("New enquiry")
            body = render_to_string(
                "enquiries/emails/team_notification.txt",
                {
                    "page": self,
                    "language": language,
                    "lines": summary_lines(self.get_team_form_fields(), form.cleaned_data),
                    "submissions_url": settings.WAGTAILADMIN_BASE_URL
                    + reverse("wagtailforms:list_submissions", args=[self.pk]),
                },
            )
            subject = f"{subject} ({language})"
        self.deliver(
            EmailMessage(
                subject,
                body,
                self.from_address or settings.DEFAULT_FROM_EMAIL,
                self.get_team_addresses(),
                reply_to=[visitor_email] if visitor_email else None,
                headers={"Auto-Submitted": "auto-generated"},
            ),
            purpose="enquiry to the team",
        )

    def send_confirmation(self, form):
        """E-mail the visitor a confirmation, in the language of the page they used.

        It repeats none of the text they typed (see ``CONFIRMED_FIELD_TYPES``).
        """
        visitor_email = self.get_visitor_email(form.cleaned_data)
        if not visitor_email:
            return
        with translation.override(self.locale.language_code):
            site_name = self.get_site_name()
            subject = gettext("Your enquiry to %(site_name)s") % {"site_name": site_name}
            body = render_to_string(
                "enquiries/emails/visitor_confirmation.txt",
                {
                    "page": self,
                    "site_name": site_name,
                    # Only choices and dates: the typed address may not be the
                    # sender's, who must not use it to mail anybody their text.
                    "lines": summary_lines(
                        [
                            field
                            for field in self.get_form_fields()
                            if field.field_type in CONFIRMED_FIELD_TYPES
                        ],
                        form.cleaned_data,
                    ),
                },
            )
        self.deliver(
            EmailMessage(
                subject,
                body,
                self.from_address or settings.DEFAULT_FROM_EMAIL,
                [visitor_email],
                reply_to=self.get_team_addresses() or None,
                headers={"Auto-Submitted": "auto-generated"},
            ),
            purpose="enquiry confirmation to the visitor",
        )

    def deliver(self, message, purpose):
        """Store ``message`` in the outbox and queue its sending (outbox/sending.py).

        Never raises for the mail server: the submission is already stored,
        and the visitor must not be shown an error (they would send again).
        """
        if not message.to:
            return None
        return outbox.queue(message, purpose=f"{purpose} (page {self.pk})")
