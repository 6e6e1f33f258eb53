"""Filters of the calls page, counted like facets (see ``portal.facets``).

Four filters (programme, discipline, host country, status). Each option shows
how many calls it would give with the *other* filters kept, so that a
candidate sees before submitting which combinations are empty. A few plain
queries read every call's programme, disciplines, host countries and status
(a locale has tens of calls, not thousands); ``portal.facets`` counts them in
Python, the same way on SQLite and PostgreSQL. Unknown values are ignored.

A programme is one option whatever the language of its calls: a listing holds
its language's calls and the French calls not translated into it
(``portal.i18n.with_source_fallback``), whose programmes are the French pages,
with French slugs ("programmes-d-urgence" where the Spanish page says
"programas-de-emergencia"). Calls are matched to programmes by translation
key, the option's value is the slug in the listing's language, and the French
slug is understood too. Every public programme is an option, with or without
calls: its "all the calls of this programme" link must then list none, not
every call as an unknown value would.
"""

from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from wagtail.models import Page

from portal.facets import by_label, count_facets
from portal.i18n import localized_snippets


def programme_options(programmes, locale_id):
    """``(by_key, aliases)``: each programme once, and the slug its filter value is.

    ``by_key``: ``{translation_key: programme}``, the programme in the listing's
    language (``locale_id``) when it is translated, else the French one.
    ``aliases``: ``{slug in either language: slug of that option}``.
    """
    programmes = sorted(programmes, key=lambda page: page.locale_id == locale_id)
    by_key = {}
    for programme in programmes:  # the listing's own language last, so it wins
        by_key[programme.translation_key] = programme
    aliases = {programme.slug: by_key[programme.translation_key].slug for programme in programmes}
    return by_key, aliases


def filter_calls(calls, params, statuses, programmes, locale_id):
    """The facets of ``calls`` and the ids of those that ``params`` selects.

    ``calls`` is a queryset annotated by ``CallQuerySet.with_status()``;
    ``statuses`` the (value, label) pairs of the status filter, in display order;
    ``programmes`` the public programmes of the listing's language
    (``locale_id``) and of French, every one of them an option.
    """
    model = calls.model
    rows = list(calls.order_by().values_list("pk", "computed_status", "path"))
    ids = [pk for pk, _status, _path in rows]
    values = {pk: {"status": {status}} for pk, status, _path in rows}

    programmes = list(programmes.only("path", "slug", "title", "translation_key", "locale_id"))
    by_key, aliases = programme_options(programmes, locale_id)
    by_path = {programme.path: programme for programme in programmes}
    for pk, _status, path in rows:
        parent = by_path.get(path[: -Page.steplen])
        values[pk]["programme"] = {by_key[parent.translation_key].slug} if parent else set()

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
        "programme": by_label((page.slug, page.title) for page in by_key.values()),
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
    return count_facets(
        values,
        options,
        labels,
        params,
        normalise={"country": str.upper, "programme": lambda slug: aliases.get(slug, slug)},
    )
