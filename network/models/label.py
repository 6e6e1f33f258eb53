"""The CCR label page: the two routes to join, the charter's self-check list, and the
member centres who could sponsor a project."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import Country
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from network.models.centres import CentrePage
from network.regions import REGIONS, region_of
from portal.blocks import RICH_TEXT_FEATURES, AccordionBlock, BodyStreamBlock, ProcessStepsBlock
from portal.i18n import country_code, locale_by_id, with_source_fallback


class CharterCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(label=_("criterion"), max_length=255)
    explanation = blocks.TextBlock(
        required=False, label=_("explanation"), help_text=_("What meeting it looks like.")
    )

    class Meta:
        icon = "tick"
        label = _("Charter criterion")


@dataclass
class SponsorSuggestions:
    """The members a project in ``country`` could ask to sponsor it."""

    country: Country
    region: object  # network.regions.Region, or None for an unknown code
    centres: list
    # True when the region has no member: ``centres`` is then the international network.
    is_fallback: bool = False


class LabelPage(Page):
    """The CCR label: the two routes to join, the charter, the members who could sponsor."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    route_france = RichTextField(
        _("route in France"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("How the French State grants the label to a site in France."),
    )
    route_abroad = RichTextField(
        _("route outside France"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("How a site abroad joins the international network by co-optation."),
    )
    criteria = RichTextField(_("criteria"), features=RICH_TEXT_FEATURES)
    charter_checklist = StreamField(
        [("criterion", CharterCriterionBlock())],
        verbose_name=_("charter self-check list"),
        blank=True,
        help_text=_(
            "The charter's criteria, one per item: visitors tick what their project meets."
        ),
    )
    steps = StreamField(
        [("steps", ProcessStepsBlock())],
        verbose_name=_("steps to apply"),
        blank=True,
        max_num=1,
    )
    faq = StreamField(
        [("faq", AccordionBlock())], verbose_name=_("frequent questions"), blank=True, max_num=1
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    parent_page_types = ["home.HomePage", "network.NetworkIndexPage"]
    subpage_types = ["home.StandardPage", "enquiries.EnquiryFormPage"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("route_france"), FieldPanel("route_abroad")],
            heading=_("The two routes"),
        ),
        FieldPanel("criteria"),
        FieldPanel("charter_checklist"),
        FieldPanel("steps"),
        FieldPanel("faq"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("route_france"),
        index.SearchField("route_abroad"),
        index.SearchField("criteria"),
        index.SearchField("charter_checklist"),
        index.SearchField("steps"),
        index.SearchField("faq"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("route_france"),
        APIField("route_abroad"),
        APIField("criteria"),
        APIField("charter_checklist"),
        APIField("steps"),
        APIField("faq"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("CCR label page")

    def get_member_centres(self):
        """Every public member centre, in this page's language or else in French, with
        their card images fetched."""
        return (
            with_source_fallback(
                CentrePage.objects.live().public(), locale=locale_by_id(self.locale_id)
            )
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def get_sponsors(self, country_code):
        """Members who could sponsor a project in ``country_code`` (ISO alpha-2).

        The members of the country's world region, those of the country itself
        first; when the region has none, every member of the international
        network, since co-optation needs a sponsor wherever it is.
        """
        country = Country(country_code.upper())
        region = region_of(country.code)
        centres = self.get_member_centres()
        neighbours = []
        if region:
            neighbours = list(
                centres.filter(country__in=region.countries)
                .annotate(
                    other_country=models.Case(
                        models.When(country=country.code, then=models.Value(0)),
                        default=models.Value(1),
                    )
                )
                .order_by("other_country", "title")
            )
        if neighbours:
            return SponsorSuggestions(country, region, neighbours)
        international = centres.filter(membership=CentrePage.Membership.INTERNATIONAL)
        return SponsorSuggestions(
            country, region, list(international.order_by("title")), is_fallback=True
        )

    def get_members_by_region(self):
        """Every member centre grouped by world region: ``[(region, [centre, ...]), ...]``."""
        centres_by_region = {}
        for centre in self.get_member_centres().order_by("title"):
            region = region_of(centre.country.code)
            if region:
                centres_by_region.setdefault(region.code, []).append(centre)
        return [
            (region, centres_by_region[region.code])
            for region in REGIONS
            if region.code in centres_by_region
        ]

    def get_enquiry_page(self):
        """The enquiry form for project holders: the first live form page below this one.

        Looked up by content type, so that this app never imports ``enquiries``
        (which sits above it); children of a page share its language.
        """
        page = (
            self.get_children()
            .live()
            .public()
            .filter(content_type__app_label="enquiries", content_type__model="enquiryformpage")
            .first()
        )
        return page.specific if page else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Unknown codes are ignored: the page then lists members by region.
        selected = country_code(request.GET.get("country"))
        enquiry_page = self.get_enquiry_page()
        subpages = self.get_children().live().public()
        if enquiry_page:
            subpages = subpages.exclude(pk=enquiry_page.pk)
        context.update(
            countries=list(countries),
            selected_country=selected,
            sponsors=self.get_sponsors(selected) if selected else None,
            members_by_region=None if selected else self.get_members_by_region(),
            enquiry_page=enquiry_page,
            subpages=subpages,
        )
        return context
