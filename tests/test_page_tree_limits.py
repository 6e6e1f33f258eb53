"""Unique pages stay unique under their parent, per language tree."""

import pytest

from home.models import HomePage
from network.models import LabelPage, NetworkIndexPage
from news.models import AdvocacyIndexPage, NewsIndexPage
from programmes.models import CallIndexPage, ProgrammeIndexPage


@pytest.mark.parametrize(
    "model",
    [
        NetworkIndexPage,
        ProgrammeIndexPage,
        CallIndexPage,
        NewsIndexPage,
        AdvocacyIndexPage,
        LabelPage,
    ],
)
def test_index_pages_are_unique_under_the_home_page(site_tree, model):
    home = site_tree.home
    existing = home.get_children().type(model).exists()
    parent = home if existing else site_tree.network
    assert not model.can_create_at(parent)


def test_a_second_home_page_cannot_be_created_beside_the_first(site_tree):
    assert not HomePage.can_create_at(site_tree.home.get_parent())
