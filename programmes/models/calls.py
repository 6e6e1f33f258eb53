"""Calls for applications: the call page, its status queryset and manager, its
"Am I eligible?" check and its calendar file."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, AccordionBlock, BodyStreamBlock, DocumentListBlock
from portal.fields import LocalizedThemesMixin, themes_field
from portal.i18n import SOURCE_LOCALE_ONLY, localized_pages, localized_snippets
from portal.models import Theme
from portal.page_tree import nearest_live_ancestor
from portal.previews import CardPreviewMixin, live_related
from portal.structured_data import json_ld
from programmes import eligibility, feeds, structured_data
from programmes.eligibility import EligibilityRules, Residence
from programmes.forms import EligibilityForm
from programmes.models.shared import CareerStagesField, find_call_index
from programmes.timeline import build_timeline


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


class CallPage(LocalizedThemesMixin, CardPreviewMixin, RoutablePageMixin, Page):
    """A call for applications under a programme.

    Its status is never typed in: it follows from the opening and closing
    date-times, stored aware and entered in Paris time (``TIME_ZONE``).
    Besides the page itself it serves ``eligibility/`` (the "Am I eligible?"
    check) and ``calendar/`` (an .ics file of its deadline and residency period).
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
    audience_summary = models.CharField(
        _("who can apply, in one line"),
        max_length=160,
        blank=True,
        help_text=_(
            'Shown on the calls list, e.g. "Artists and researchers living outside France". '
            "Leave empty to describe the eligibility rules below."
        ),
    )
    eligibility = RichTextField(_("who can apply"), features=RICH_TEXT_FEATURES)
    residence_rule = models.CharField(
        _("where candidates live"),
        max_length=20,
        choices=Residence.choices,
        default=Residence.ANY,
    )
    refugee_status_required = models.BooleanField(
        _("refugee status or international protection in France required"), default=False
    )
    refugee_status_within_years = models.PositiveSmallIntegerField(
        _("obtained within the last … years"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty if the date it was obtained does not matter."),
    )
    career_stages = CareerStagesField(
        _("career stages"), help_text=_("Tick none if the call is open to every career stage.")
    )
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
        FieldPanel("audience_summary"),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [
                FieldPanel("residence_rule", widget=forms.RadioSelect),
                FieldRowPanel(
                    [
                        FieldPanel("refugee_status_required"),
                        FieldPanel("refugee_status_within_years"),
                    ]
                ),
                FieldPanel("career_stages"),
            ],
            heading=_("Eligibility rules"),
            help_text=_(
                'They build the "Am I eligible?" form. If the call has disciplines '
                '("Centres and disciplines" tab), candidates must work in one of them.'
            ),
        ),
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
        APIField("audience_summary"),
        APIField("eligibility"),
        APIField("residence_rule"),
        APIField("refugee_status_required"),
        APIField("refugee_status_within_years"),
        APIField("career_stages"),
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
        if self.refugee_status_within_years is not None and not self.refugee_status_required:
            errors["refugee_status_within_years"] = _(
                "Only for calls that require refugee status or international protection."
            )
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

    @property
    def programme(self):
        return self.get_parent().specific

    def _rules(self, disciplines):
        return EligibilityRules(
            residence=self.residence_rule,
            refugee_status_required=self.refugee_status_required,
            refugee_status_within_years=(
                self.refugee_status_within_years if self.refugee_status_required else None
            ),
            disciplines=disciplines,
            career_stages=frozenset(self.career_stages or ()),
        )

    @cached_property
    def eligibility_rules(self):
        """The rules of the "Am I eligible?" check, disciplines in the visitor's language."""
        return self._rules({theme.slug: theme.name for theme in self.localized_themes})

    @property
    def audience_line(self):
        """Who can apply, in one line: the editor's words, else derived from the rules.

        Uses no query (disciplines are left out), so cards can show it in lists.
        """
        return self.audience_summary or eligibility.describe_audience(self._rules({}))

    def timeline(self, now=None):
        return build_timeline(self, now or timezone.now())

    card_preview_template = "programmes/previews/call_cards.html"
    card_preview_cards = {"parents": True, "themes": True}

    def get_card_preview_neighbours(self, mode_name):
        """The other calls of the same language as the home page and the calls page
        list them: open ones by nearest deadline, then upcoming ones."""
        return (
            CallPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .with_status()
            .exclude(computed_status=CallPage.Status.CLOSED)
            .in_display_order()[: self.card_preview_count]
        )

    def get_context(self, request, *args, eligibility_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["host_centres"] = localized_pages(live_related(self.host_centres).order_by("title"))
        context["calls_index"] = find_call_index(self.locale_id)
        if context["calls_index"] is None and self.status == self.Status.CLOSED:
            # The closed notice's way to open calls, when the language has no calls page
            # (by app label, as find_call_index: the programmes module imports this one).
            context["programmes_index"] = nearest_live_ancestor(
                self, apps.get_model("programmes", "ProgrammeIndexPage")
            )
        context["timeline"] = self.timeline()
        context["structured_data"] = json_ld(structured_data.call_grant(self, request))
        # The call page links to the check (eligibility/); only that page holds the
        # form, whose CSRF token would keep the call page out of the page cache.
        context["has_eligibility_check"] = self.eligibility_rules.has_rules
        context["eligibility_form"] = eligibility_form
        return context

    def eligibility_form(self, data=None):
        # Candidates choose among every discipline, in their language, so that
        # one outside the call's list gets a reason rather than no option at all.
        disciplines = [
            (theme.slug, theme.name)
            for theme in localized_snippets(Theme.objects.filter(SOURCE_LOCALE_ONLY))
        ]
        disciplines.sort(key=lambda choice: choice[1].casefold())
        return EligibilityForm(
            self.eligibility_rules,
            disciplines=disciplines,
            today=timezone.localdate(),
            data=data,
        )

    @path("eligibility/", name="eligibility")
    def eligibility_view(self, request):
        """The "Am I eligible?" questions (GET) and answer (POST); nothing is stored.

        The answers (refugee status and its date among them) are posted, so that
        they never appear in a URL, hence in access logs, browser history or a
        Referer. Answers in the query string of an old link are ignored.
        """
        form = None
        verdict = None
        if self.eligibility_rules.has_rules:
            submitted = request.method == "POST"
            form = self.eligibility_form(data=request.POST if submitted else None)
            if submitted and form.is_valid():
                verdict = eligibility.check(
                    self.eligibility_rules, form.answers(), timezone.localdate()
                )
        context = self.get_context(request, eligibility_form=form)
        context["verdict"] = verdict
        response = TemplateResponse(request, "programmes/call_eligibility.html", context)
        # Answers in the page: keep it out of shared caches and of other sites' logs.
        # Not "no-referrer": browsers then send "Origin: null" with the page's own
        # form, which Django's CSRF check refuses (a 403 for every candidate).
        patch_cache_control(response, private=True, no_store=True)
        response["Referrer-Policy"] = "same-origin"
        return response

    # Wagtail serves only paths made of [\w-]+/ segments: no ".ics" in the URL, so
    # the file name comes with Content-Disposition.
    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """The deadline and, when set, the residency period, for the visitor's calendar."""
        response = HttpResponse(
            feeds.call_calendar(self, request).to_ical(),
            content_type=feeds.ICALENDAR_CONTENT_TYPE,
        )
        filename = f"{slugify(self.slug) or 'call'}.ics"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
