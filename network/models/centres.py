"""The centre page, one centre's profile with its gallery images, and the map tiles
setting that the centre page and the directory's map share."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
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
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from portal.cards import prepare_cards
from portal.fields import LocalizedThemesMixin, image_field, themes_field
from portal.i18n import default_locale, fallback_language, locale_by_id, with_source_fallback
from portal.structured_data import json_ld


def map_tiles():
    """The tile server of the maps (``settings.MAP_TILES_URL``); an empty URL draws no tiles."""
    return {
        "url": getattr(settings, "MAP_TILES_URL", ""),
        "attribution": getattr(settings, "MAP_TILES_ATTRIBUTION", ""),
    }


class CentrePage(LocalizedThemesMixin, Page):
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
    latest_news_count = 3

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

    def get_source_centre(self):
        """The French centre: programmes, calls and news link to it, whatever the language."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return self.get_translation_or_none(default_locale()) or self

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def has_practical_information(self):
        return bool(self.languages_spoken or self.accessibility or self.getting_there)

    @property
    def openstreetmap_url(self):
        """The centre on openstreetmap.org: the map for visitors without JavaScript."""
        if not self.has_coordinates:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=15/{self.latitude}/{self.longitude}"
        )

    # What ``map_marker`` reads: a map of every centre loads only these.
    map_marker_fields = (
        "id",
        "title",
        "url_path",
        "path",
        "depth",
        "locale_id",
        "heritage_site",
        "town",
        "country",
        "membership",
        "summary",
        "latitude",
        "longitude",
    )

    def map_marker(self, request=None):
        """The centre as a map marker: where it is and what its popup card shows.

        A French centre on another language's map says so, as its card does.
        """
        marker = {
            "id": self.pk,
            "title": self.title,
            "url": self.get_url(request),
            "heritage_site": self.heritage_site,
            "town": self.town,
            "country": str(self.country.name),
            # As the card writes it: "Saintes, France", "Saintes، فرنسا".
            "place": _("%(town)s, %(country)s") % {"town": self.town, "country": self.country.name},
            "membership": self.membership,
            "membership_label": str(self.get_membership_display()),
            "summary": Truncator(self.summary).words(40),
            "latitude": float(self.latitude),
            "longitude": float(self.longitude),
        }
        other_language = fallback_language(self)
        if other_language:
            marker.update(
                language=other_language.code,
                language_direction=other_language.direction,
                language_label=str(other_language.label),
            )
        return marker

    def get_postal_address(self):
        """A schema.org ``PostalAddress``; the free-text address goes in ``streetAddress``."""
        address = {
            "@type": "PostalAddress",
            "addressLocality": self.town,
            "addressCountry": self.country.code,
        }
        if self.region:
            address["addressRegion"] = self.region
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        if lines:
            address["streetAddress"] = ", ".join(lines)
        return address

    def structured_data(self, request=None):
        """schema.org JSON-LD: the centre, an ``Organization`` located at its heritage ``Place``."""
        url = self.get_full_url(request)
        address = self.get_postal_address()
        place = {
            "@type": "Place",
            "@id": f"{url}#place",
            "name": self.heritage_site,
            "address": address,
        }
        if self.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        organization = {
            "@type": "Organization",
            "@id": f"{url}#organization",
            "name": self.title,
            "url": url,
            "description": self.summary,
            "address": address,
            "location": {"@id": place["@id"]},
        }
        if self.contact_email:
            organization["email"] = self.contact_email
        if self.contact_phone:
            organization["telephone"] = self.contact_phone
        if self.website:
            organization["sameAs"] = [self.website]
        return {"@context": "https://schema.org", "@graph": [organization, place]}

    def get_social_image(self):
        return self.hero_image

    def clean(self):
        super().clean()
        # The reference is the import key (import_centres): unique among one
        # language's centres. Translations share it, so the check stays per locale;
        # ``locale`` lives on Page, so no database constraint can express it.
        if self.reference:
            duplicates = CentrePage.objects.filter(
                locale_id=self.locale_id, reference=self.reference
            ).exclude(pk=self.pk)
            if duplicates.exists():
                raise ValidationError(
                    {"reference": _("Another centre already has this reference.")}
                )

    def get_latest_news(self, source=None):
        """The newest live news items of this page's language that mention the centre."""
        source = source or self.get_source_centre()
        # news.NewsPage.related_centres points at the French centre in every
        # language; its reverse relation keeps this app free of imports from news.
        return (
            source.news_items.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("image", "category")
            .order_by("-date", "-pk")[: self.latest_news_count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.get_source_centre()
        # The reverse relations come from programmes.ProgrammePage and CallPage;
        # going through them keeps this app free of imports from the apps above it.
        # Translations share the French page's relations (synchronised), so each
        # programme and call is related once per language: keep the visitor's
        # language, else French.
        locale = locale_by_id(self.locale_id)
        programmes = with_source_fallback(source.programmes.live().public(), locale=locale)
        calls = with_source_fallback(source.calls.live().public(), locale=locale)
        context["programmes"] = prepare_cards(
            programmes.select_related("hero_image").order_by("title"), image_field="hero_image"
        )
        context["calls"] = prepare_cards(calls.with_status().in_display_order(), parents=True)
        context["latest_news"] = prepare_cards(
            self.get_latest_news(source), image_field="image", categories=True
        )
        context["gallery"] = prepare_cards(
            self.gallery_images.all(), image_field="image", image_template=self.template
        )
        context["map_data"] = [self.map_marker(request)] if self.has_coordinates else []
        context["map_tiles"] = map_tiles()
        context["structured_data"] = json_ld(self.structured_data(request))
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
