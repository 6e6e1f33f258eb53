"""The directory of centres: a filterable list of every centre, with a map."""

from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from network.models.centres import CentrePage, map_tiles
from portal.blocks import RICH_TEXT_FEATURES
from portal.cards import prepare_page_of_cards
from portal.facets import count_facets
from portal.i18n import SOURCE_LOCALE_ONLY, localized_snippets, with_source_fallback
from portal.models import Theme
from portal.page_tree import child_sections
from portal.pagination import paginate


class NetworkIndexPage(Page):
    """The directory of centres: a filterable list, with a map as an enhancement."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.CentrePage", "network.LabelPage"]
    max_count_per_parent = 1
    page_size = 24
    # The query-string parameters of the filters, in the order the form shows them.
    facet_names = ("country", "region", "discipline", "membership")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("directory of centres")

    def get_live_centres(self):
        """Every public centre: this language's, and the French ones not translated into it."""
        return with_source_fallback(CentrePage.objects.live().public(), under=self)

    def get_centres(self):
        """Every live centre of the directory, with what the cards need fetched up front."""
        return self.get_live_centres().select_related("hero_image").order_by("title")

    def get_facet_values(self):
        """What each centre offers to each facet, ``{pk: {"country": {"FR"}, ...}}``.

        Two small queries whatever the number of centres; a centre has a set of
        values per facet because it can have several disciplines.
        """
        centres = {}
        rows = (
            self.get_live_centres().order_by().values_list("pk", "country", "region", "membership")
        )
        for pk, country, region, membership in rows:
            centres[pk] = {
                "country": {country},
                "region": {region} if region else set(),
                "discipline": set(),
                "membership": {membership},
            }
        theme_rows = (
            self.get_live_centres()
            .filter(themes__isnull=False)
            .order_by()
            .values_list("pk", "themes__slug")
        )
        for pk, slug in theme_rows:
            centres[pk]["discipline"].add(slug)
        return centres

    def get_facet_options(self, centres):
        """The options of each facet: the values the directory's centres have, with labels."""
        values = {name: set() for name in self.facet_names}
        for centre in centres.values():
            for name in self.facet_names:
                values[name] |= centre[name]
        countries = sorted((Country(code) for code in values["country"]), key=lambda c: c.name)
        # Centres link to the French themes; show each in the visitor's language.
        themes = list(
            Theme.objects.filter(slug__in=values["discipline"]).filter(SOURCE_LOCALE_ONLY)
        )
        theme_names = {
            source.slug: localized.name
            for source, localized in zip(themes, localized_snippets(themes), strict=True)
        }
        return {
            "country": [(country.code, country.name) for country in countries],
            "region": [(region, region) for region in sorted(values["region"], key=str.casefold)],
            "discipline": sorted(theme_names.items(), key=lambda item: item[1].casefold()),
            "membership": [
                (value, label)
                for value, label in CentrePage.Membership.choices
                if value in values["membership"]
            ],
        }

    def get_filters(self, request):
        """The directory's filters, validated, each option counted like a search facet.

        An option's count is the number of centres it would show combined with
        the *other* active filters, so that changing one select shows what it
        would give. Unknown values are ignored, never an error.
        """
        centres = self.get_facet_values()
        labels = {
            "country": (_("Country"), _("All countries")),
            "region": (_("Region"), _("All regions")),
            "discipline": (_("Discipline"), _("All disciplines")),
            "membership": (_("Membership"), _("All members")),
        }
        return count_facets(
            centres,
            self.get_facet_options(centres),
            labels,
            request.GET,
            normalise={"country": str.upper, "discipline": str.lower},
        )

    def map_data(self, centres, request=None):
        """The markers of the map: every centre of ``centres`` that has coordinates.

        ``centres`` is the filtered queryset (all pages of the list, not only
        the current one), read in one query; each entry holds what the marker's
        popup shows, so the map costs no query per centre.
        """
        located = (
            centres.filter(latitude__isnull=False, longitude__isnull=False)
            .select_related(None)
            .only(*CentrePage.map_marker_fields)
        )
        return [centre.map_marker(request) for centre in located]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        centres = self.get_centres()
        if filters.is_active:
            centres = centres.filter(pk__in=filters.matching_ids)
        context["filters"] = filters
        context["centres"] = prepare_page_of_cards(
            paginate(request, centres, self.page_size), image_field="hero_image", themes=True
        )
        context["map_data"] = self.map_data(centres, request)
        context["map_tiles"] = map_tiles()
        context["sections"] = child_sections(self)
        return context
