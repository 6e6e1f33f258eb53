"""Fixtures shared by every app's tests."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, Site

from home.tests.factories import HomePageFactory, StandardPageFactory
from network.tests.factories import CentrePageFactory, LabelPageFactory, NetworkIndexPageFactory
from news.tests.factories import (
    AdvocacyIndexPageFactory,
    AdvocacyPositionPageFactory,
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from portal.tests.factories import ThemeFactory
from portal.tests.translation import translate
from programmes.tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run in ``make test-postgres`` only (CI runs both)."""
    if connection.vendor == "postgresql":
        return
    selected = [item for item in items if "postgres" not in item.keywords]
    deselected = [item for item in items if "postgres" in item.keywords]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.fixture(autouse=True)
def clear_caches():
    """Caches outlive a test's database rollback: a rendition cached under an
    image id, or a page cached under a URL, would otherwise leak into the next test."""
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """Tests read the interface in French: compile the catalogs even when pytest runs alone."""
    call_command("compile_catalogs", stdout=StringIO())


@pytest.fixture
def multilingual_tree(site_tree):
    """The site tree with English, Spanish and Arabic homes; the news item in en and ar."""
    tree = site_tree
    tree.en_home = translate(tree.home, "en", {"Accueil": "Home", "accueil": "home"})
    tree.es_home = translate(tree.home, "es", {"Accueil": "Inicio", "accueil": "inicio"})
    tree.ar_home = translate(tree.home, "ar", {"Accueil": "الرئيسية", "accueil": "al-raisiya"})
    for code, title, slug in (("en", "News", "news"), ("ar", "الأخبار", "al-akhbar")):
        translate(tree.news_index, code, {"Actualités": title, "actualites": slug})
    tree.en_news = translate(
        tree.news, "en", {"Rencontre annuelle": "Annual meeting", tree.news.slug: "annual-meeting"}
    )
    tree.ar_news = translate(
        tree.news, "ar", {"Rencontre annuelle": "الاجتماع السنوي", tree.news.slug: "al-ijtima"}
    )
    return tree


@pytest.fixture
def site_tree(db):
    """One page of every type, in French, served by the default site."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.depth == 2:
        old_root.delete()

    theme = ThemeFactory(name="Musique", slug="musique")
    category = NewsCategoryFactory(name="Vie du réseau", slug="vie-du-reseau")
    network = NetworkIndexPageFactory(parent=home)
    centre = CentrePageFactory(parent=network, title="Abbaye de Noirlac", slug="noirlac")
    centre.themes.set([theme])
    centre.save_revision().publish()
    label = LabelPageFactory(parent=network)
    programmes = ProgrammeIndexPageFactory(parent=home)
    programme = ProgrammePageFactory(parent=programmes, title="Odyssée", slug="odyssee")
    call = CallPageFactory(parent=programme, title="Appel Odyssée", slug="appel-odyssee")
    call.host_centres.set([centre])
    call.save_revision().publish()
    call_index = CallIndexPageFactory(parent=home)
    news_index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=news_index, title="Rencontre annuelle", category=category)
    advocacy_index = AdvocacyIndexPageFactory(parent=home)
    position = AdvocacyPositionPageFactory(parent=advocacy_index, title="Pour le patrimoine")
    standard = StandardPageFactory(parent=home, title="Les missions", slug="missions")
    return SimpleNamespace(
        site=site,
        home=home,
        network=network,
        centre=centre,
        label=label,
        programmes=programmes,
        programme=programme,
        call=call,
        call_index=call_index,
        news_index=news_index,
        news=news,
        advocacy_index=advocacy_index,
        position=position,
        standard=standard,
        theme=theme,
        category=category,
    )
