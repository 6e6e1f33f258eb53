"""Filters of the calls page, counted like facets.

Four filters (programme, discipline, host country, status). Each option shows
how many calls it would give with the *other* filters kept, so that a
candidate sees before submitting which combinations are empty. A few plain
queries read every call's programme, disciplines, host countries and status
(a locale has tens of calls, not thousands); counting happens in Python, the
same way on SQLite and PostgreSQL. Unknown values are ignored.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from wagtail.models import Page

from portal.i18n import localized_snippets


@dataclass
class Option:
    value: str
    label: str
    count: int = 0

    def __str__(self):
        return self.label


@dataclass
class Facet:
    name: str
    label: str
    all_label: str
    options: list[Option] = field(default_factory=list)
    selected: str = ""


@dataclass
class FilteredCalls:
    facets: list[Facet]
    ids: set[int]

    @property
    def selected(self):
        return {facet.name: facet.selected for facet in self.facets if facet.selected}

    @property
    def is_filtered(self):
        return bool(self.selected)


def filter_calls(calls, params, statuses):
    """The facets and the ids of the calls of ``calls`` that ``params`` selects.

    ``calls`` is a queryset annotated by ``CallQuerySet.with_status()``;
    ``statuses`` the (value, label) pairs of the status filter, in display order.
    """
    model = calls.model
    rows = list(calls.order_by().values_list("pk", "computed_status", "path"))
    ids = [pk for pk, _status, _path in rows]
    values = {pk: {"status": {status}} for pk, status, _path in rows}

    parent_paths = {pk: path[: -Page.steplen] for pk, _status, path in rows}
    programmes = {
        page.path: page
        for page in Page.objects.filter(path__in=set(parent_paths.values())).only(
            "path", "slug", "title"
        )
    }
    for pk, parent_path in parent_paths.items():
        programme = programmes.get(parent_path)
        values[pk]["programme"] = {programme.slug} if programme else set()

    theme_links = list(
        model.themes.through.objects.filter(callpage_id__in=ids).select_related("theme")
    )
    themes_by_slug = {}
    for pk in ids:
        values[pk]["discipline"] = set()
        values[pk]["country"] = set()
    for link in theme_links:
        values[link.callpage_id]["discipline"].add(link.theme.slug)
        themes_by_slug.setdefault(link.theme.slug, link.theme)
    for pk, country in model.host_centres.through.objects.filter(
        callpage_id__in=ids, centrepage__live=True
    ).values_list("callpage_id", "centrepage__country"):
        if country:
            values[pk]["country"].add(str(country))

    theme_names = dict(
        zip(
            themes_by_slug,
            (theme.name for theme in localized_snippets(themes_by_slug.values())),
            strict=True,
        )
    )
    facets = [
        Facet(
            "programme",
            _("Programme"),
            _("All programmes"),
            sorted(
                (Option(page.slug, page.title) for page in programmes.values()),
                key=lambda option: option.label.casefold(),
            ),
        ),
        Facet(
            "discipline",
            _("Discipline"),
            _("All disciplines"),
            sorted(
                (Option(slug, name) for slug, name in theme_names.items()),
                key=lambda option: option.label.casefold(),
            ),
        ),
        Facet(
            "country",
            _("Host country"),
            _("All countries"),
            sorted(
                (
                    Option(code, str(Country(code).name))
                    for code in {code for value in values.values() for code in value["country"]}
                ),
                key=lambda option: option.label.casefold(),
            ),
        ),
        Facet(
            "status",
            _("Status"),
            _("All calls"),
            [Option(value, label) for value, label in statuses],
        ),
    ]
    for facet in facets:
        requested = params.get(facet.name, "")
        if facet.name == "country":
            requested = requested.upper()
        if requested in {option.value for option in facet.options}:
            facet.selected = requested

    def matches(pk, except_facet=None):
        return all(
            facet.selected in values[pk][facet.name]
            for facet in facets
            if facet.selected and facet.name != except_facet
        )

    for facet in facets:
        counts = {}
        for pk in ids:
            if matches(pk, except_facet=facet.name):
                for value in values[pk][facet.name]:
                    counts[value] = counts.get(value, 0) + 1
        for option in facet.options:
            option.count = counts.get(option.value, 0)
    return FilteredCalls(facets=facets, ids={pk for pk in ids if matches(pk)})
