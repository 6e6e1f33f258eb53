"""Residency programmes (Odyssée, NORA, emergency programmes) and their calls."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, AccordionBlock, BodyStreamBlock, DocumentListBlock
from portal.fields import image_field, themes_field
from portal.i18n import SOURCE_LOCALE_ONLY, localized_snippets
from portal.pagination import paginate


class ProgrammeIndexPage(Page):
    """All programmes, and every call across them filtered by status."""

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
        return ProgrammePage.objects.live().public().child_of(self).select_related("hero_image")

    def get_calls(self):
        return CallPage.objects.live().public().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status", "")
        if status not in CallPage.Status.values:
            status = ""
        calls = self.get_calls().with_status().in_display_order()
        if status:
            calls = calls.filter(computed_status=status)
        context["programmes"] = self.get_programmes()
        context["statuses"] = CallPage.Status.choices
        context["status"] = status
        context["calls"] = paginate(request, calls, self.calls_page_size)
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


class ProgrammePage(Page):
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
        return CallPage.objects.live().public().child_of(self).with_status().in_display_order()

    @cached_property
    def localized_themes(self):
        return localized_snippets(self.themes.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calls"] = self.get_calls()
        context["host_centres"] = [
            centre.localized for centre in self.host_centres.live().public().order_by("title")
        ]
        return context


class CallQuerySet(PageQuerySet):
    def with_status(self, now=None):
        """Annotate ``computed_status`` so lists can filter and order by it in SQL."""
        now = now or timezone.now()
        return self.annotate(
            computed_status=Case(
                When(opens_at__gt=now, then=Value(CallPage.Status.UPCOMING)),
                When(closes_at__gt=now, then=Value(CallPage.Status.OPEN)),
                default=Value(CallPage.Status.CLOSED),
                output_field=models.CharField(),
            ),
            status_rank=Case(
                When(opens_at__gt=now, then=Value(1)),
                When(closes_at__gt=now, then=Value(0)),
                default=Value(2),
                output_field=IntegerField(),
            ),
        )

    def in_display_order(self):
        """Open calls by nearest deadline, then upcoming by opening, then closed, newest first."""
        return self.order_by(
            "status_rank",
            Case(When(status_rank=0, then=F("closes_at"))),
            Case(When(status_rank=1, then=F("opens_at"))),
            "-closes_at",
        )

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())


CallPageManager = PageManager.from_queryset(CallQuerySet)


class CallPage(Page):
    """A call for applications under a programme.

    Its status is never typed in: it follows from the opening and closing
    date-times, stored aware and entered in Paris time (``TIME_ZONE``).
    """

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    summary = models.TextField(_("summary"), max_length=400)
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    selection_on = models.DateField(_("selection committee"), null=True, blank=True)
    results_on = models.DateField(_("results announced"), null=True, blank=True)
    residency_starts_on = models.DateField(_("residencies start"), null=True, blank=True)
    residency_ends_on = models.DateField(_("residencies end"), null=True, blank=True)
    eligibility = RichTextField(_("who can apply"), features=RICH_TEXT_FEATURES)
    what_to_send = RichTextField(_("what to send"), features=RICH_TEXT_FEATURES)
    how_to_apply = RichTextField(_("how to apply"), features=RICH_TEXT_FEATURES)
    application_url = models.URLField(_("application form link"), blank=True)
    application_email = models.EmailField(_("application e-mail address"), blank=True)
    themes = themes_field(_("disciplines"))
    host_centres = ParentalManyToManyField(
        "network.CentrePage",
        verbose_name=_("host centres"),
        blank=True,
        related_name="calls",
        limit_choices_to=SOURCE_LOCALE_ONLY,
    )
    documents = StreamField(
        [("documents", DocumentListBlock())],
        verbose_name=_("documents"),
        blank=True,
        max_num=1,
    )
    faq = StreamField(
        [("faq", AccordionBlock())], verbose_name=_("frequent questions"), blank=True, max_num=1
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    objects = CallPageManager()

    # Dates, links and documents follow the French call; only the text is translated.
    override_translatable_fields = [
        SynchronizedField("host_centres"),
        SynchronizedField("themes"),
    ]

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("selection_on"), FieldPanel("results_on")]),
                FieldRowPanel([FieldPanel("residency_starts_on"), FieldPanel("residency_ends_on")]),
            ],
            heading=_("Dates (Paris time)"),
        ),
        FieldPanel("eligibility"),
        FieldPanel("what_to_send"),
        MultiFieldPanel(
            [
                FieldPanel("how_to_apply"),
                FieldPanel("application_url"),
                FieldPanel("application_email"),
            ],
            heading=_("How to apply"),
        ),
        FieldPanel("documents"),
        FieldPanel("faq"),
        FieldPanel("body"),
    ]
    relations_panels = [
        FieldPanel("host_centres", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(relations_panels, heading=_("Centres and disciplines")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("eligibility"),
        index.SearchField("what_to_send"),
        index.SearchField("how_to_apply"),
        index.SearchField("faq"),
        index.SearchField("body"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("selection_on"),
        APIField("results_on"),
        APIField("residency_starts_on"),
        APIField("residency_ends_on"),
        APIField("status"),
        APIField("eligibility"),
        APIField("what_to_send"),
        APIField("how_to_apply"),
        APIField("application_url"),
        APIField("themes"),
        APIField("host_centres"),
        APIField("documents"),
        APIField("faq"),
    ]

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_it_opens",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("A call must close after it opens.")
        if (
            self.residency_starts_on
            and self.residency_ends_on
            and self.residency_ends_on < self.residency_starts_on
        ):
            errors["residency_ends_on"] = _("Residencies cannot end before they start.")
        if errors:
            raise ValidationError(errors)

    def status_at(self, moment):
        if moment < self.opens_at:
            return self.Status.UPCOMING
        if moment < self.closes_at:
            return self.Status.OPEN
        return self.Status.CLOSED

    @property
    def status(self):
        # Lists annotate the status in SQL (CallQuerySet.with_status): reuse it so
        # that a card always agrees with the filter that selected it.
        annotated = getattr(self, "computed_status", None)
        return annotated or self.status_at(timezone.now())

    def get_status_display(self):
        return self.Status(self.status).label

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def days_left(self):
        """Whole days until the deadline while the call is open, else None."""
        if not self.is_open:
            return None
        return (self.closes_at - timezone.now()).days

    @cached_property
    def localized_themes(self):
        return localized_snippets(self.themes.all())

    @property
    def programme(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["host_centres"] = [
            centre.localized for centre in self.host_centres.live().public().order_by("title")
        ]
        return context
