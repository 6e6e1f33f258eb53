"""The network: the directory of centres, each centre's profile, and the CCR label."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, AccordionBlock, BodyStreamBlock, ProcessStepsBlock
from portal.fields import image_field, themes_field
from portal.i18n import localized_snippets
from portal.pagination import paginate


class NetworkIndexPage(Page):
    """The directory of centres, filterable by country and by membership."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.CentrePage", "network.LabelPage"]
    max_count_per_parent = 1
    page_size = 24

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("directory of centres")

    def get_centres(self):
        return (
            CentrePage.objects.live()
            .public()
            .child_of(self)
            .select_related("hero_image")
            .order_by("title")
        )

    def get_filters(self, request):
        """The valid filters of the request; unknown values are ignored, never an error."""
        codes = (
            CentrePage.objects.live()
            .public()
            .child_of(self)
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        countries = sorted((Country(code) for code in codes), key=lambda country: country.name)
        selected_country = request.GET.get("country", "").upper()
        if selected_country not in {country.code for country in countries}:
            selected_country = ""
        selected_membership = request.GET.get("membership", "")
        if selected_membership not in CentrePage.Membership.values:
            selected_membership = ""
        return {
            "countries": countries,
            "memberships": CentrePage.Membership.choices,
            "country": selected_country,
            "membership": selected_membership,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        centres = self.get_centres()
        filters = self.get_filters(request)
        if filters["country"]:
            centres = centres.filter(country=filters["country"])
        if filters["membership"]:
            centres = centres.filter(membership=filters["membership"])
        context["filters"] = filters
        context["centres"] = paginate(request, centres, self.page_size)
        return context


class CentrePage(Page):
    """The profile of one Centre culturel de rencontre, in France or abroad."""

    class Membership(models.TextChoices):
        LABEL = "label", _("CCR label (France)")
        INTERNATIONAL = "international", _("International network")

    membership = models.CharField(
        _("membership"),
        max_length=20,
        choices=Membership.choices,
        default=Membership.LABEL,
        help_text=_(
            "Labelled by the French State, or member of the international network by co-optation."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences, shown on cards.")
    )
    hero_image = image_field(_("main image"))
    heritage_site = models.CharField(
        _("heritage site"), max_length=255, help_text=_("The monument, e.g. 'Abbaye de Noirlac'.")
    )
    heritage_history = RichTextField(
        _("history of the site"), features=RICH_TEXT_FEATURES, blank=True
    )
    town = models.CharField(_("town"), max_length=120)
    region = models.CharField(_("region or department"), max_length=120, blank=True)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    year_labelled = models.PositiveSmallIntegerField(
        _("year labelled or joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    themes = themes_field(_("disciplines and themes"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    languages_spoken = models.CharField(
        _("languages spoken on site"),
        max_length=255,
        blank=True,
        help_text=_("For residents, e.g. 'French, English, Spanish'."),
    )
    accessibility = RichTextField(
        _("physical accessibility"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Step-free access, adapted rooms and studios, what is not accessible."),
    )
    getting_there = RichTextField(
        _("how to get there"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Nearest station and airport, local transport, parking."),
    )
    reference = models.SlugField(
        _("reference"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_(
            "The centre's stable key in the team's spreadsheet (import_centres). "
            "Identical in every language; never reuse one."
        ),
    )

    # Relations and contact details stay identical in every language.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("contact_phone"),
        SynchronizedField("reference"),
    ]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [FieldPanel("heritage_site"), FieldPanel("heritage_history")],
            heading=_("Heritage site"),
        ),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Gallery"), heading=_("Gallery")),
    ]
    details_panels = [
        FieldPanel("membership"),
        FieldPanel("year_labelled"),
        MultiFieldPanel(
            [
                FieldPanel("town"),
                FieldPanel("region"),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages_spoken"),
                FieldPanel("accessibility"),
                FieldPanel("getting_there"),
            ],
            heading=_("Practical information for residents"),
        ),
        FieldPanel("reference"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Details")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("heritage_site", boost=2),
        index.AutocompleteField("heritage_site"),
        index.SearchField("heritage_history"),
        index.SearchField("town", boost=2),
        index.AutocompleteField("town"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("membership"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("membership"),
        APIField("heritage_site"),
        APIField("heritage_history"),
        APIField("town"),
        APIField("region"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("year_labelled"),
        APIField("themes"),
        APIField("body"),
        APIField("website"),
        APIField("languages_spoken"),
        APIField("accessibility"),
        APIField("getting_there"),
        APIField("reference"),
    ]

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")

    @property
    def in_france(self):
        return self.membership == self.Membership.LABEL

    @cached_property
    def localized_themes(self):
        return localized_snippets(self.themes.all())

    def get_source_centre(self):
        """The French centre: programmes, calls and news link to it, whatever the language."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.get_source_centre()
        # The reverse relations come from programmes.ProgrammePage and CallPage;
        # going through them keeps this app free of imports from the apps above it.
        programmes = source.programmes.live().public().select_related("hero_image")
        calls = source.calls.live().public().with_status().in_display_order()
        context["programmes"] = [page.localized for page in programmes.order_by("title")]
        context["calls"] = [page.localized for page in calls]
        return context


class CentreGalleryImage(TranslatableMixin, Orderable):
    """A gallery image; its alt text and caption are translated, the image is shared."""

    page = ParentalKey(CentrePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the image's own description."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")


class CharterCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(label=_("criterion"), max_length=255)
    explanation = blocks.TextBlock(
        required=False, label=_("explanation"), help_text=_("What meeting it looks like.")
    )

    class Meta:
        icon = "tick"
        label = _("Charter criterion")


class LabelPage(Page):
    """What the CCR label is, its criteria, how to apply, and frequent questions."""

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
    subpage_types = ["home.StandardPage"]
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
