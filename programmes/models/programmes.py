"""The programmes: the programmes index page, with the calls it lists, and the programme
page with its partners and host centres."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from portal.cards import prepare_cards, prepare_page_of_cards
from portal.fields import LocalizedThemesMixin, image_field, themes_field
from portal.i18n import SOURCE_LOCALE_ONLY, in_source_order, localized_pages, with_source_fallback
from portal.pagination import paginate
from portal.previews import live_related
from programmes.models.calls import CallPage
from programmes.models.shared import find_call_index


class ProgrammeIndexPage(Page):
    """All programmes, with their open calls and a link to the calls page.

    Without a calls page in its language, it lists every call, filtered by status.
    """

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1
    calls_page_size = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("programmes index")

    def get_programmes(self):
        """Every public programme, in this language or else in French, in the French order."""
        programmes = with_source_fallback(ProgrammePage.objects.live().public(), under=self)
        return in_source_order(programmes).select_related("hero_image")

    def get_calls(self):
        return with_source_fallback(CallPage.objects.live().public(), under=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = prepare_cards(self.get_programmes(), image_field="hero_image")
        calls_index = find_call_index(self.locale_id)
        context["calls_index"] = calls_index
        if calls_index:
            # The calls page has the filters and the archive: show what candidates want now.
            context["open_calls"] = prepare_cards(
                self.get_calls().open().order_by("closes_at"), parents=True
            )
            return context
        status = request.GET.get("status", "")
        if status not in CallPage.Status.values:
            status = ""
        calls = self.get_calls().with_status().in_display_order()
        if status:
            calls = calls.filter(computed_status=status)
        context["statuses"] = CallPage.Status.choices
        context["status"] = status
        context["calls"] = prepare_page_of_cards(
            paginate(request, calls, self.calls_page_size), parents=True
        )
        return context


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"))
    role = blocks.ChoiceBlock(
        choices=[("partner", _("Partner")), ("funder", _("Funder"))],
        default="partner",
        label=_("role"),
    )
    url = blocks.URLBlock(required=False, label=_("website"))

    class Meta:
        icon = "group"
        label = _("Partner or funder")


class ProgrammePage(LocalizedThemesMixin, Page):
    """A residency or emergency programme run by the association."""

    class Kind(models.TextChoices):
        RESIDENCY = "residency", _("Residency programme")
        EMERGENCY = "emergency", _("Emergency programme")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RESIDENCY)
    since_year = models.PositiveSmallIntegerField(_("running since"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=400)
    hero_image = image_field(_("main image"))
    purpose = RichTextField(_("purpose"), features=RICH_TEXT_FEATURES)
    audience = RichTextField(_("who it is for"), features=RICH_TEXT_FEATURES)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    partners = StreamField(
        [("partner", PartnerBlock())], verbose_name=_("partners and funders"), blank=True
    )
    host_centres = ParentalManyToManyField(
        "network.CentrePage",
        verbose_name=_("host centres"),
        blank=True,
        related_name="programmes",
        limit_choices_to=SOURCE_LOCALE_ONLY,
    )
    themes = themes_field(_("disciplines and themes"))

    override_translatable_fields = [
        SynchronizedField("host_centres"),
        SynchronizedField("themes"),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.CallPage"]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("since_year")]),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("purpose"),
        FieldPanel("audience"),
        FieldPanel("body"),
        FieldPanel("partners"),
        FieldPanel("host_centres", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("purpose"),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("kind"),
        APIField("since_year"),
        APIField("summary"),
        APIField("purpose"),
        APIField("audience"),
        APIField("body"),
        APIField("partners"),
        APIField("host_centres"),
        APIField("themes"),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_calls(self):
        """The programme's public calls, in this language or else in French."""
        calls = with_source_fallback(CallPage.objects.live().public(), under=self)
        return calls.with_status().in_display_order()

    def get_social_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calls"] = self.get_calls()
        context["host_centres"] = prepare_cards(
            localized_pages(live_related(self.host_centres).order_by("title")),
            image_field="hero_image",
        )
        context["calls_index"] = find_call_index(self.locale_id)
        return context
