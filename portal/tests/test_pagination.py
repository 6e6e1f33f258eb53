"""``portal.pagination.paginate``: any ``?page=`` a person can type gives a page."""

import pytest
from django.test import RequestFactory

from portal.pagination import paginate

ITEMS = list(range(25))  # three pages of ten


@pytest.mark.parametrize(
    ("page", "number"),
    [
        (None, 1),
        ("2", 2),
        ("3", 3),
        ("abc", 1),
        ("", 1),
        ("1.5", 1),
        ("999", 3),
        ("0", 3),
        ("-3", 3),
        ("9" * 400, 3),
    ],
)
def test_every_page_parameter_gives_a_page(page, number):
    query = {} if page is None else {"page": page}
    result = paginate(RequestFactory().get("/", query), ITEMS, 10)
    assert result.number == number
    assert list(result.object_list) == ITEMS[(number - 1) * 10 : number * 10]
