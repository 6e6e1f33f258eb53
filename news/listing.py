"""Filters of the news and advocacy indexes, counted like facets (see ``portal.facets``).

News are filtered by category and tag, positions by theme. Each option shows
how many items it would give with the *other* filters kept, like the
directory and the calls page, and the same include renders them
(``includes/facet_filters.html``). An index holds one language's items: a few
plain queries read every item's values, ``portal.facets`` counts them in
Python. Unknown values are ignored, never an error.

Categories and themes are snippets translated with wagtail-localize: a
translation keeps its French slug, so the slug is the option's value in every
language and the label is the name in the visitor's language.
"""

from django.utils.translation import gettext_lazy as _

from portal.facets import by_label, count_facets
from portal.i18n import SOURCE_LOCALE_ONLY, localized_snippets
from portal.models import Theme


def _names_in_visitors_language(snippets):
    """``{slug: name}`` of ``snippets`` (French ones), named in the active language."""
    snippets = list(snippets)
    return {
        source.slug: localized.name
        for source, localized in zip(snippets, localized_snippets(snippets), strict=True)
    }


def filter_news(items, params, categories, tag_links):
    """The category and tag facets of ``items`` (news pages) and the ids ``params`` selects.

    ``categories``: the French categories, every one an option (as before the
    counts, a category without news shows with 0). ``tag_links``: the
    ``NewsPageTag`` rows of the index's items.
    """
    values = {
        pk: {"category": {slug} if slug else set(), "tag": set()}
        for pk, slug in items.order_by().values_list("pk", "category__slug")
    }
    tag_names = {}
    for pk, slug, name in tag_links.values_list("content_object_id", "tag__slug", "tag__name"):
        if pk in values:
            values[pk]["tag"].add(slug)
            tag_names[slug] = name
    options = {
        "category": by_label(_names_in_visitors_language(categories).items()),
        "tag": by_label(tag_names.items()),
    }
    labels = {
        "category": (_("Category"), _("All categories")),
        "tag": (_("Tag"), _("All tags")),
    }
    return count_facets(values, options, labels, params, normalise={"tag": str.lower})


def filter_positions(items, params):
    """The theme facet of ``items`` (advocacy positions) and the ids ``params`` selects."""
    values = {pk: {"theme": set()} for pk in items.order_by().values_list("pk", flat=True)}
    for pk, slug in items.filter(themes__isnull=False).order_by().values_list("pk", "themes__slug"):
        values[pk]["theme"].add(slug)
    used = {slug for value in values.values() for slug in value["theme"]}
    themes = Theme.objects.filter(SOURCE_LOCALE_ONLY, slug__in=used)
    options = {"theme": by_label(_names_in_visitors_language(themes).items())}
    labels = {"theme": (_("Theme"), _("All themes"))}
    return count_facets(values, options, labels, params, normalise={"theme": str.lower})
