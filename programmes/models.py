"""Residency programmes (Odyssée, NORA, emergency programmes) and their calls."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
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
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, AccordionBlock, BodyStreamBlock, DocumentListBlock
from portal.cards import prepare_cards, prepare_page_of_cards
from portal.fields import LocalizedThemesMixin, image_field, themes_field
from portal.i18n import (
    SOURCE_LOCALE_ONLY,
    default_locale,
    in_source_order,
    locale_by_id,
    localized_pages,
    localized_snippets,
    with_source_fallback,
)
from portal.models import Theme
from portal.pagination import paginate
from portal.previews import CardPreviewMixin, live_related
from portal.structured_data import json_ld
from programmes import eligibility, feeds, listing, structured_data
from programmes.eligibility import CareerStage, EligibilityRules, Residence
from programmes.forms import EligibilityForm
from programmes.timeline import build_timeline


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
    return CallIndexPage.objects.live().public().filter(locale_id=locale_id).first()


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


class CallIndexPage(RoutablePageMixin, Page):
    """Every call of a language across programmes: open, then upcoming, then the archive.

    Serves the calls as RSS (``rss/``), Atom (``atom/``) and an iCalendar feed of
    deadlines (``deadlines/``); feeds accept the page's filters, e.g.
    ``rss/?programme=odyssee``.
    """

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    archive_page_size = 12
    feed_size = 50

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("calls for applications page")

    def get_calls(self):
        """Every public call, in this language or else in French (docs/decisions.md)."""
        return with_source_fallback(
            CallPage.objects.live().public(), locale=locale_by_id(self.locale_id)
        )

    def get_programmes(self):
        """The programmes the filter offers: this language's and the French ones."""
        return (
            ProgrammePage.objects.live()
            .public()
            .filter(locale_id__in={self.locale_id, default_locale().pk})
        )

    def filter_calls(self, request, now):
        """The facets of the request and the matching calls, status annotated at ``now``.

        The page, its RSS and Atom feeds and its deadlines calendar all filter here.
        """
        calls = self.get_calls().with_status(now)
        statuses = [
            (status, CallPage.Status(status).label)
            for status in (CallPage.Status.OPEN, CallPage.Status.UPCOMING, CallPage.Status.CLOSED)
        ]
        filters = listing.filter_calls(
            calls, request.GET, statuses, self.get_programmes(), self.locale_id
        )
        if filters.is_active:
            calls = calls.filter(pk__in=filters.matching_ids)
        return filters, calls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        filtered, calls = self.filter_calls(request, now)
        context["filters"] = filtered
        context["feed_query"] = f"?{urlencode(filtered.selected)}" if filtered.is_active else ""
        context["total"] = calls.count()
        context["open_calls"] = calls.filter(computed_status=CallPage.Status.OPEN).order_by(
            "closes_at", "pk"
        )
        context["upcoming_calls"] = calls.filter(computed_status=CallPage.Status.UPCOMING).order_by(
            "opens_at", "pk"
        )
        context["closed_calls"] = paginate(
            request,
            calls.filter(computed_status=CallPage.Status.CLOSED).order_by("-closes_at", "pk"),
            self.archive_page_size,
        )
        # The three sections' cards, fetched together: a fixed number of queries
        # whichever sections have calls.
        for name in ("open_calls", "upcoming_calls"):
            context[name] = list(context[name])
        context["closed_calls"].object_list = list(context["closed_calls"].object_list)
        prepare_cards(
            [
                *context["open_calls"],
                *context["upcoming_calls"],
                *context["closed_calls"].object_list,
            ],
            parents=True,
            themes=True,
        )
        return context

    def get_feed_calls(self, request):
        """The filtered calls for the feeds: latest announced first."""
        _filtered, calls = self.filter_calls(request, timezone.now())
        return list(
            calls.order_by(F("first_published_at").desc(nulls_last=True), "-opens_at")[
                : self.feed_size
            ]
        )

    @path("rss/", name="rss")
    def rss_view(self, request):
        return feeds.CallsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_view(self, request):
        return feeds.CallsAtomFeed(self)(request)

    @path("deadlines/", name="deadlines")
    def deadlines_view(self, request):
        _filtered, calls = self.filter_calls(request, timezone.now())
        calendar = feeds.deadlines_calendar(self, calls.order_by("closes_at", "pk"), request)
        response = HttpResponse(calendar.to_ical(), content_type=feeds.ICALENDAR_CONTENT_TYPE)
        response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
        return response
