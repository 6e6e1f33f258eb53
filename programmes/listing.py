"""Filters of the calls page, counted like facets (see ``portal.facets``).

Four filters (programme, discipline, host country, status). Each option shows
how many calls it would give with the *other* filters kept, so that a
candidate sees before submitting which combinations are empty. A few plain
queries read every call's programme, disciplines, host countries and status
(a locale has tens of calls, not thousands); ``portal.facets`` counts them in
Python, the same way on SQLite and PostgreSQL. Unknown values are ignored.
"""

from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from wagtail.models import Page

from portal.facets import count_facets
from portal.i18n import localized_snippets


def filter_calls(calls, params, statuses):
    """The facets of ``calls`` and the ids of those that ``params`` selects.

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
    countries = {code for value in values.values() for code in value["country"]}
    options = {
        "programme": by_label((page.slug, page.title) for page in programmes.values()),
        "discipline": by_label(theme_names.items()),
        "country": by_label((code, str(Country(code).name)) for code in countries),
        "status": list(statuses),
    }
    labels = {
        "programme": (_("Programme"), _("All programmes")),
        "discipline": (_("Discipline"), _("All disciplines")),
        "country": (_("Host country"), _("All countries")),
        "status": (_("Status"), _("All calls")),
    }
    return count_facets(values, options, labels, params, normalise={"country": str.upper})


def by_label(options):
    """``(value, label)`` pairs sorted by label, ignoring case."""
    return sorted(options, key=lambda option: option[1].casefold())
