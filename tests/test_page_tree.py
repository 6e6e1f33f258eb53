"""Editors can only put each page type where it belongs."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from enquiries.models import EnquiryFormPage
from home.models import HomePage, StandardPage
from network.models import CentrePage, LabelPage, NetworkIndexPage
from news.models import AdvocacyIndexPage, AdvocacyPositionPage, NewsIndexPage, NewsPage
from programmes.models import CallIndexPage, CallPage, ProgrammeIndexPage, ProgrammePage

ALL_PAGE_TYPES = {
    HomePage,
    StandardPage,
    NetworkIndexPage,
    CentrePage,
    LabelPage,
    ProgrammeIndexPage,
    ProgrammePage,
    CallPage,
    CallIndexPage,
    NewsIndexPage,
    NewsPage,
    AdvocacyIndexPage,
    AdvocacyPositionPage,
    EnquiryFormPage,
}

# Each page type and the only parents it accepts.
ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage, LabelPage},
    NetworkIndexPage: {HomePage},
    CentrePage: {NetworkIndexPage},
    LabelPage: {HomePage, NetworkIndexPage},
    ProgrammeIndexPage: {HomePage},
    ProgrammePage: {ProgrammeIndexPage},
    CallPage: {ProgrammePage},
    CallIndexPage: {HomePage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    AdvocacyIndexPage: {HomePage},
    AdvocacyPositionPage: {AdvocacyIndexPage},
    EnquiryFormPage: {LabelPage},
}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_every_page_type_is_covered(self):
        project_page_types = {
            model
            for model in get_page_models()
            if model._meta.app_label
            in {"home", "network", "programmes", "news", "enquiries", "search"}
        }
        self.assertEqual(project_page_types, ALL_PAGE_TYPES)

    def test_allowed_parents(self):
        for child, parents in ALLOWED_PARENTS.items():
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents)

    def test_forbidden_parents(self):
        for child, parents in ALLOWED_PARENTS.items():
            for parent in ALL_PAGE_TYPES - parents:
                with self.subTest(child=child.__name__, parent=parent.__name__):
                    self.assertCanNotCreateAt(parent, child)

    def test_leaf_pages_have_no_children(self):
        leaves = (
            CentrePage,
            CallPage,
            CallIndexPage,
            NewsPage,
            AdvocacyPositionPage,
            EnquiryFormPage,
        )
        for leaf in leaves:
            with self.subTest(page=leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, set())
