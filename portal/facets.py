"""Filters counted like search facets, shared by the listings (directory, calls).

Each option of a filter shows how many items it would give combined with the
*other* active filters, so that changing one select shows what it would give
before the visitor submits, and empty combinations are visible. Unknown or
malformed values are ignored, never an error: they come from URLs anyone can
type or old links.

Counting happens in Python over ``{item_id: {facet_name: set_of_values}}``
that each listing reads in a few plain queries (a listing has tens or hundreds
of items, not thousands), so it works the same on SQLite and PostgreSQL. An
item has a *set* of values per facet because it can have several (a centre's
disciplines, a call's host countries).
"""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class FacetOption:
    value: str
    label: str
    count: int = 0
    selected: bool = False

    def __str__(self):
        return str(self.label)


@dataclass
class Facet:
    """One filter: its query-string name, its options and their counts."""

    name: str
    label: str
    all_label: str
    options: list[FacetOption] = field(default_factory=list)
    selected: str = ""
    # Items matching the other active filters: the count of the "all" option.
    total: int = 0

    @property
    def selected_option(self):
        return next((option for option in self.options if option.selected), None)


@dataclass
class FacetFilters:
    facets: list[Facet]
    # Ids of the items matching every active filter; None when no filter is active.
    matching_ids: set | None = None

    @property
    def is_active(self):
        return self.matching_ids is not None

    @property
    def active_facets(self):
        return [facet for facet in self.facets if facet.selected]

    @property
    def selected(self):
        """``{name: value}`` of the active filters, in the facets' order (for query strings)."""
        return {facet.name: facet.selected for facet in self.active_facets}

    def facet(self, name):
        return next(facet for facet in self.facets if facet.name == name)


def by_label(options):
    """``(value, label)`` pairs sorted by label, ignoring case: a facet's usual order."""
    return sorted(options, key=lambda option: str(option[1]).casefold())


def _matches(values, selected, ignoring=None):
    return all(
        value in values[name] for name, value in selected.items() if value and name != ignoring
    )


def count_facets(items, options, labels, params, normalise=None):
    """The facets of a listing, validated and counted, and the ids they select.

    ``items``: ``{item_id: {facet_name: set_of_values}}``.
    ``options``: ``{facet_name: [(value, label), ...]}`` in display order; the
    facets come in the order of its keys.
    ``labels``: ``{facet_name: (label, all_label)}``.
    ``params``: the raw request values, e.g. ``request.GET``.
    ``normalise``: ``{facet_name: function}`` applied to the stripped raw value
    before it is checked against the options, e.g. ``str.upper`` for country codes.
    """
    normalise = normalise or {}
    selected = {}
    for name, choices in options.items():
        value = normalise.get(name, str)(params.get(name, "").strip())
        selected[name] = value if value in {known for known, _label in choices} else ""

    facets = []
    for name, choices in options.items():
        pool = [values for values in items.values() if _matches(values, selected, ignoring=name)]
        counts = Counter(value for values in pool for value in values[name])
        label, all_label = labels[name]
        facets.append(
            Facet(
                name=name,
                label=label,
                all_label=all_label,
                options=[
                    FacetOption(value, text, counts[value], value == selected[name])
                    for value, text in choices
                ],
                selected=selected[name],
                total=len(pool),
            )
        )
    matching_ids = None
    if any(selected.values()):
        matching_ids = {pk for pk, values in items.items() if _matches(values, selected)}
    return FacetFilters(facets=facets, matching_ids=matching_ids)
