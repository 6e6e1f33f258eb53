"""Counted facet filters and JSON-LD escaping, the helpers the listings share."""

import json

from django.http import QueryDict

from portal.facets import count_facets
from portal.structured_data import json_ld

# Four items; "b" has two colours, "d" none.
ITEMS = {
    "a": {"colour": {"red"}, "size": {"S"}},
    "b": {"colour": {"red", "blue"}, "size": {"M"}},
    "c": {"colour": {"blue"}, "size": {"M"}},
    "d": {"colour": set(), "size": {"S"}},
}
OPTIONS = {
    "colour": [("red", "Red"), ("blue", "Blue"), ("green", "Green")],
    "size": [("S", "Small"), ("M", "Medium")],
}
LABELS = {"colour": ("Colour", "All colours"), "size": ("Size", "All sizes")}


def facets(query, normalise=None):
    return count_facets(ITEMS, OPTIONS, LABELS, QueryDict(query), normalise)


def counts(filters, name):
    facet = filters.facet(name)
    return {"": facet.total} | {option.value: option.count for option in facet.options}


def test_without_selection_every_item_is_counted_and_nothing_is_filtered():
    filters = facets("")
    assert not filters.is_active and filters.matching_ids is None
    assert counts(filters, "colour") == {"": 4, "red": 2, "blue": 2, "green": 0}
    assert counts(filters, "size") == {"": 4, "S": 2, "M": 2}
    assert [facet.name for facet in filters.facets] == ["colour", "size"]
    assert [option.label for option in filters.facet("colour").options] == ["Red", "Blue", "Green"]


def test_each_facet_is_counted_over_the_other_selections():
    filters = facets("colour=blue&size=M")
    assert filters.matching_ids == {"b", "c"}
    # The colour facet ignores the colour selection but keeps the size one.
    assert counts(filters, "colour") == {"": 2, "red": 1, "blue": 2, "green": 0}
    assert counts(filters, "size") == {"": 2, "S": 0, "M": 2}
    assert filters.selected == {"colour": "blue", "size": "M"}
    assert filters.facet("colour").selected_option.label == "Blue"
    assert [option.selected for option in filters.facet("size").options] == [False, True]


def test_unknown_values_are_ignored_and_values_are_normalised():
    filters = facets("colour=purple&size=%3Cscript%3E&other=1")
    assert not filters.is_active and filters.active_facets == []

    filters = facets("size=+m+", normalise={"size": str.upper})
    assert filters.matching_ids == {"b", "c"}
    assert filters.facet("size").selected == "M"


def test_json_ld_cannot_close_its_script_element():
    data = {"name": "</script><!-- A & B >"}
    text = json_ld(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
