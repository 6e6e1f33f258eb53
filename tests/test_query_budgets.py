"""Every public page renders within a fixed number of SQL queries, whatever its number of items.

How the budgets were measured: each page is requested twice by an anonymous
visitor with the page cache off, and the second request is counted (the
first one warms what a running site keeps warm: Wagtail's cached site root
paths and the image renditions, which ``generate_renditions`` creates ahead
of time in production). Counts were taken on SQLite with the ``budget_site``
fixture below (a menu and a footer, images on every card, an English
translation of every page) and with the demo content; each budget is the
highest count seen, French or English, plus two queries of margin. A page
that needs more has gained a query: find it (``CaptureQueriesContext``) before
raising its budget.

The list pages are also rendered with a few items, then with many more: their
count must not change, since a query per item is what makes a list slow. The
same holds in English for French items that are not translated, which the
listings show in French (docs/decisions.md, 2026-12-02).
"""

import datetime as dt

import pytest
import wagtail_factories
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from enquiries.tests.factories import build_enquiry_form
from home.models import Footer, FooterLink, HomePage, NavigationItem, NavigationMenu
from network.models import CentreGalleryImage, CentrePage
from network.tests.factories import CentrePageFactory
from news.tests.factories import (
    AdvocacyPositionPageFactory,
    NewsCategoryFactory,
    NewsPageFactory,
)
from portal.tests.factories import ThemeFactory
from portal.tests.translation import translate
from programmes.eligibility import Residence
from programmes.tests.factories import CallPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db

BUDGETS = {
    "home": 33,
    "standard": 22,
    "directory": 33,
    "centre": 38,
    "label": 31,
    "enquiry": 27,
    "programmes": 27,
    "programme": 33,
    "calls": 35,
    "call": 31,
    "eligibility": 32,
    "news_index": 30,
    "news": 39,
    "advocacy": 30,
    "position": 29,
    "search": 29,
    "sitemap": 36,
    "news_feed": 16,
    "advocacy_feed": 16,
    "calls_feed": 20,
    "deadlines": 19,
    "call_calendar": 15,
}

SEARCH_QUERY = "abbaye"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Whole-page caching would answer without any query: measure the pages themselves."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    """Empty Wagtail's rendition cache after the test.

    It is keyed by image id and outlives the test's database, whose ids are
    reused: a later test's image would be shown this test's renditions.
    """
    yield
    get_image_model().get_rendition_model().cache_backend.clear()


def new_image(title="Salle voûtée"):
    # Small originals: what is counted is queries, not pixels.
    return wagtail_factories.ImageFactory(title=title, file__width=320, file__height=200)


def new_document(title="Position"):
    return wagtail_factories.DocumentFactory(title=title)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def paper(document):
    return [
        {"type": "documents", "value": {"heading": "", "documents": [{"document": document.pk}]}}
    ]


def build_menus(tree):
    """A main menu and a footer linking to the sections, as the demo has, in French."""
    menu = NavigationMenu.objects.create(name="Menu principal", locale=tree.home.locale)
    footer = Footer.objects.create(
        about="L’association des centres culturels de rencontre.",
        address="Paris",
        email="contact@example.org",
        locale=tree.home.locale,
    )
    for order, page in enumerate(
        (tree.network, tree.programmes, tree.call_index, tree.news_index, tree.advocacy_index)
    ):
        NavigationItem.objects.create(
            menu=menu, label=page.title, link_page=page, locale=menu.locale, sort_order=order
        )
    for order, page in enumerate((tree.standard, tree.label)):
        FooterLink.objects.create(
            footer=footer, label=page.title, link_page=page, locale=footer.locale, sort_order=order
        )
    FooterLink.objects.create(
        footer=footer,
        label="Ministère",
        link_url="https://www.culture.gouv.fr/",
        sort_order=9,
        locale=footer.locale,
    )
    return menu, footer


@pytest.fixture
def furnished_site(site_tree):
    """The site tree with what the demo shows on each page: images, documents, menus, links."""
    tree = site_tree
    publish(tree.home, hero_image=new_image())
    publish(tree.centre, hero_image=new_image())
    publish(tree.programme, hero_image=new_image())
    publish(tree.news, image=new_image())
    publish(tree.position, position_papers=paper(new_document()))
    publish(
        tree.centre,
        gallery_images=[CentreGalleryImage(image=new_image()) for _ in range(2)],
    )
    tree.news.related_centres.set([tree.centre])
    tree.news.related_programmes.set([tree.programme])
    tree.news.tags.add("résidence")
    publish(tree.news)
    tree.programme.host_centres.set([tree.centre])
    tree.programme.themes.set([tree.theme])
    publish(tree.programme)
    tree.position.themes.set([tree.theme])
    publish(tree.position)
    publish(tree.call, residence_rule=Residence.OUTSIDE_FRANCE)
    tree.enquiry = build_enquiry_form(tree.label)
    tree.menu, tree.footer = build_menus(tree)
    return tree


@pytest.fixture
def budget_site(furnished_site, multilingual_tree):
    """The furnished site with every page, the menu and the footer in English too."""
    tree = furnished_site
    tree.en = {"home": multilingual_tree.en_home, "news": multilingual_tree.en_news}
    for name in (
        "network",
        "centre",
        "label",
        "enquiry",
        "programmes",
        "programme",
        "call",
        "call_index",
        "advocacy_index",
        "position",
        "standard",
    ):
        tree.en[name] = translate(getattr(tree, name), "en")
    tree.en["news_index"] = multilingual_tree.en_news.get_parent().specific
    translate(tree.menu, "en")
    translate(tree.footer, "en")
    return tree


# What a visitor requests, by budget name: (page name, path below the page).
PAGE_URLS = {
    "home": ("home", ""),
    "standard": ("standard", ""),
    "directory": ("network", ""),
    "centre": ("centre", ""),
    "label": ("label", ""),
    "enquiry": ("enquiry", ""),
    "programmes": ("programmes", ""),
    "programme": ("programme", ""),
    "calls": ("call_index", ""),
    "call": ("call", ""),
    "eligibility": ("call", "eligibility/?check=1&residence=outside_france"),
    "news_index": ("news_index", ""),
    "news": ("news", ""),
    "advocacy": ("advocacy_index", ""),
    "position": ("position", ""),
    "news_feed": ("news_index", "rss/"),
    "advocacy_feed": ("advocacy_index", "atom/"),
    "calls_feed": ("call_index", "rss/"),
    "deadlines": ("call_index", "deadlines/"),
    "call_calendar": ("call", "calendar/"),
}


def page_urls(pages, language_code):
    """The URLs to measure by budget name, for one language's pages (missing ones left out)."""
    urls = {
        name: pages[page_name].url + suffix
        for name, (page_name, suffix) in PAGE_URLS.items()
        if pages.get(page_name) is not None
    }
    urls["search"] = f"/{language_code}/search/?q={SEARCH_QUERY}"
    urls["sitemap"] = "/sitemap.xml"
    return urls


def french_pages(tree):
    return {
        "home": tree.home,
        "standard": tree.standard,
        "network": tree.network,
        "centre": tree.centre,
        "label": tree.label,
        "enquiry": tree.enquiry,
        "programmes": tree.programmes,
        "programme": tree.programme,
        "call_index": tree.call_index,
        "call": tree.call,
        "news_index": tree.news_index,
        "news": tree.news,
        "advocacy_index": tree.advocacy_index,
        "position": tree.position,
    }


def warm_then_count(client, url):
    """The number of queries of the second request for ``url`` (see the module docstring)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_within_budgets(client, urls, django_assert_max_num_queries):
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(BUDGETS[name], info=f"{name}: {url}"):
            assert client.get(url).status_code == 200, url


def test_every_french_page_type_stays_within_its_budget(
    client, budget_site, django_assert_max_num_queries
):
    urls = page_urls(french_pages(budget_site), "fr")
    assert_within_budgets(client, urls, django_assert_max_num_queries)


def test_every_english_page_type_stays_within_its_budget(
    client, budget_site, django_assert_max_num_queries
):
    urls = page_urls(budget_site.en, "en")
    assert_within_budgets(client, urls, django_assert_max_num_queries)


# --- Counts that must not grow with the number of items ----------------------------


def add_centres(tree, count):
    for _ in range(count):
        centre = CentrePageFactory(parent=tree.network, hero_image=new_image())
        centre.themes.set([ThemeFactory()])
        publish(centre)


def add_calls(tree, count, programme=None):
    """``count`` open, upcoming and closed calls each, with disciplines and a host centre.

    Every status from the start: the calls page shows one section per status,
    and a section appearing is not the list growing.
    """
    now = timezone.now()
    windows = [
        (now - dt.timedelta(days=5), now + dt.timedelta(days=30)),
        (now + dt.timedelta(days=10), now + dt.timedelta(days=60)),
        (now - dt.timedelta(days=90), now - dt.timedelta(days=30)),
    ]
    for opens_at, closes_at in windows * count:
        call = CallPageFactory(
            parent=programme or tree.programme, opens_at=opens_at, closes_at=closes_at
        )
        call.themes.set([ThemeFactory()])
        call.host_centres.set([tree.centre])
        publish(call)


def add_news(tree, count):
    for index in range(count):
        item = NewsPageFactory(
            parent=tree.news_index, image=new_image(), category=NewsCategoryFactory()
        )
        item.tags.add(f"sujet-{index}")
        item.related_centres.set([tree.centre])
        publish(item)


def add_positions(tree, count):
    for _ in range(count):
        position = AdvocacyPositionPageFactory(
            parent=tree.advocacy_index, position_papers=paper(new_document())
        )
        position.themes.set([ThemeFactory()])
        publish(position)


def add_programmes(tree, count):
    for _ in range(count):
        programme = ProgrammePageFactory(parent=tree.programmes, hero_image=new_image())
        programme.host_centres.set([tree.centre])
        publish(programme)
        add_calls(tree, 1, programme=programme)


def add_host_centres(tree, count):
    add_centres(tree, count)
    tree.programme.host_centres.set(CentrePage.objects.child_of(tree.network))
    publish(tree.programme)
    add_calls(tree, count)


def add_everything_on_the_home_page(tree, count):
    add_news(tree, count)
    add_calls(tree, count)
    add_centres(tree, count)


def add_search_hits(tree, count):
    # Every centre of the factory is an "Abbaye n°…": each one is a hit.
    add_centres(tree, count)
    for _ in range(count):
        NewsPageFactory(parent=tree.news_index, lead="Une abbaye accueille le réseau.")


GROWING_LISTS = {
    "directory": add_centres,
    "calls": add_calls,
    "news_index": add_news,
    "advocacy": add_positions,
    "programmes": add_programmes,
    "programme": add_host_centres,
    "centre": add_calls,
    "home": add_everything_on_the_home_page,
    "search": add_search_hits,
    "sitemap": add_everything_on_the_home_page,
    "news_feed": add_news,
    "advocacy_feed": add_positions,
    "calls_feed": add_calls,
    "deadlines": add_calls,
}


@pytest.mark.parametrize("name", GROWING_LISTS)
def test_query_count_does_not_grow_with_the_number_of_items(client, furnished_site, name):
    add_items = GROWING_LISTS[name]
    url = page_urls(french_pages(furnished_site), "fr")[name]
    add_items(furnished_site, 1)
    with_few = warm_then_count(client, url)
    add_items(furnished_site, 4)
    with_many = warm_then_count(client, url)
    assert with_many == with_few, (
        f"{name}: {with_few} queries with few items, {with_many} with many"
    )


# In English, the items added in French only are listed in French beside the English
# ones: their cards, markers and feed items must not cost a query each either.
GROWING_FRENCH_LISTS_IN_ENGLISH = {
    "directory": add_centres,
    "label": add_centres,
    "calls": add_calls,
    "programmes": add_programmes,
    "programme": add_calls,
    "centre": add_calls,
    "home": add_everything_on_the_home_page,
    "calls_feed": add_calls,
    "deadlines": add_calls,
}


@pytest.mark.parametrize("name", GROWING_FRENCH_LISTS_IN_ENGLISH)
def test_query_count_does_not_grow_with_french_items_listed_in_english(client, budget_site, name):
    add_items = GROWING_FRENCH_LISTS_IN_ENGLISH[name]
    url = page_urls(budget_site.en, "en")[name]
    add_items(budget_site, 1)
    with_few = warm_then_count(client, url)
    add_items(budget_site, 4)
    with_many = warm_then_count(client, url)
    assert with_many == with_few, (
        f"{name}: {with_few} queries with few French items, {with_many} with many"
    )


def test_english_pages_listing_french_items_stay_within_their_budgets(
    client, budget_site, django_assert_max_num_queries
):
    add_everything_on_the_home_page(budget_site, 1)
    add_programmes(budget_site, 1)
    urls = page_urls(budget_site.en, "en")
    assert_within_budgets(client, urls, django_assert_max_num_queries)


# --- The demo content: the realistic check -----------------------------------------


DEMO_PAGE_TYPES = {
    "standard": "home.standardpage",
    "network": "network.networkindexpage",
    "centre": "network.centrepage",
    "label": "network.labelpage",
    "enquiry": "enquiries.enquiryformpage",
    "programmes": "programmes.programmeindexpage",
    "programme": "programmes.programmepage",
    "call_index": "programmes.callindexpage",
    "call": "programmes.callpage",
    "news_index": "news.newsindexpage",
    "news": "news.newspage",
    "advocacy_index": "news.advocacyindexpage",
    "position": "news.advocacypositionpage",
}


def demo_pages(language_code):
    """The first live page of every type in one language of the demo, by page name."""
    home = HomePage.objects.live().get(locale__language_code=language_code)
    pages = {"home": home}
    names = {label: name for name, label in DEMO_PAGE_TYPES.items()}
    for page in Page.objects.live().descendant_of(home).order_by("path").specific():
        name = names.get(page._meta.label_lower)
        if name and name not in pages:
            pages[name] = page
    return pages


def test_demo_content_pages_stay_within_their_budgets(client, django_assert_max_num_queries):
    call_command("load_demo_content", verbosity=0)
    french = demo_pages("fr")
    assert set(french) == {"home", *DEMO_PAGE_TYPES}, "the demo has a page of every type"
    assert_within_budgets(client, page_urls(french, "fr"), django_assert_max_num_queries)
    english = demo_pages("en")
    assert_within_budgets(client, page_urls(english, "en"), django_assert_max_num_queries)
    # Spanish and Arabic list most centres and calls in French (untranslated).
    for code in ("es", "ar"):
        assert_within_budgets(
            client, page_urls(demo_pages(code), code), django_assert_max_num_queries
        )
