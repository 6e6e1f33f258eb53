"""`load_demo_content` builds the whole French site, once, and every page of it renders."""

import datetime as dt
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Revision, Site

from home.demo.translations import DemoTranslator
from home.models import Footer, HomePage, NavigationMenu, StandardPage
from network.models import CentrePage, LabelPage
from news.models import AdvocacyPositionPage, NewsCategory, NewsPage
from portal.models import CustomImage, Theme
from programmes.models import CallPage, ProgrammePage

TODAY = dt.date(2026, 11, 25)
# Live pages of the demo in each language, the home page included.
PAGE_COUNTS = {"fr": 62, "en": 62, "es": 13, "ar": 13}
DEMO_SLUGS = {
    "fr": {"accessibilite": "accessibilite", "mentions-legales": "mentions-legales"},
    "en": {"accessibilite": "accessibility", "mentions-legales": "legal-notice"},
    "es": {"accessibilite": "accesibilidad", "mentions-legales": "aviso-legal"},
    "ar": {
        "accessibilite": "bayan-imkaniyat-al-wusul",
        "mentions-legales": "al-ishaarat-al-qanuniya",
    },
}
# (language, footer label of the statement, the statement's date in that language)
STATEMENTS = [
    ("fr", "Accessibilité : non conforme", "25 novembre 2026"),
    ("en", "Accessibility: not compliant", "25 November 2026"),
    ("es", "Accesibilidad: no conforme", "25 de noviembre de 2026"),
    ("ar", "إمكانية الوصول: غير مطابق", "25 نوفمبر 2026"),
]
COUNTED = [Page, Revision, CustomImage, Document, Theme, NewsCategory, NavigationMenu, Footer]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def count_pages(code):
    return Page.objects.live().filter(depth__gt=1, locale__language_code=code).count()


def load(today=TODAY):
    out = StringIO()
    call_command("load_demo_content", today=today.isoformat(), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_content_is_complete_idempotent_and_renders(client):
    load()
    first = counts()
    assert "nothing to do" in load()
    assert counts() == first

    home = HomePage.objects.get(locale__language_code="fr")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.locale.language_code == "fr"

    centres = CentrePage.objects.live().filter(locale=home.locale)
    assert centres.count() >= 12
    abroad = centres.filter(membership=CentrePage.Membership.INTERNATIONAL)
    assert abroad.count() >= 4
    assert not centres.filter(latitude__isnull=True).exists()
    assert {"LU", "AU", "BJ", "TN", "CA"} <= {c.country.code for c in abroad}

    assert {p.title for p in ProgrammePage.objects.filter(locale=home.locale)} >= {
        "Odyssée",
        "NORA",
    }
    assert ProgrammePage.objects.filter(kind=ProgrammePage.Kind.EMERGENCY).exists()
    statuses = [call.status for call in CallPage.objects.live().filter(locale=home.locale)]
    assert len(statuses) >= 6
    for status in CallPage.Status.values:
        assert statuses.count(status) >= 1, status

    assert NewsPage.objects.live().filter(locale=home.locale).count() >= 12
    assert not NewsPage.objects.filter(category__isnull=True).exists()
    positions = AdvocacyPositionPage.objects.live().filter(locale=home.locale)
    assert positions.count() >= 4
    for position in positions:
        assert any(block.value["documents"] for block in position.position_papers), position
    assert LabelPage.objects.live().filter(locale=home.locale).count() == 1

    missions = StandardPage.objects.get(slug="missions", locale=home.locale)
    headings = [b.value["text"] for b in missions.body if b.block_type == "heading"]
    assert "Accompagner et conseiller" in headings
    assert "Gérer des programmes & des projets" in headings
    assert "reconnue d’utilité publique en 1983" in missions.intro.replace("\xa0", " ")

    # English covers the whole site; Spanish and Arabic the pages candidates need first.
    french_pages = Page.objects.live().filter(depth__gt=1, locale=home.locale)
    english_pages = Page.objects.live().filter(locale__language_code="en")
    assert english_pages.count() == french_pages.count()
    for code in ("es", "ar"):
        translated = Page.objects.live().filter(locale__language_code=code).specific()
        types = {type(page).__name__ for page in translated}
        assert {"HomePage", "LabelPage", "ProgrammePage", "CallPage"} <= types, code
        assert "NewsPage" not in types
        # The footer's legal pages are in every language (the RGAA asks for the
        # accessibility statement to be one link away from every page).
        legal = {page.slug for page in translated if isinstance(page, StandardPage)}
        assert legal == {DEMO_SLUGS[code]["accessibilite"], DEMO_SLUGS[code]["mentions-legales"]}
    assert {code: count_pages(code) for code in ("fr", "en", "es", "ar")} == PAGE_COUNTS
    # No French is left on a translated page: every string, including those in
    # lists (steps, questions, figures), is in the language's catalogue.
    translator = DemoTranslator(home.locale, Counter(), [], TODAY)
    for code in ("en", "es", "ar"):
        assert translator.untranslated_strings(code) == set(), code
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    assert english_home.slug == "home" and english_home.title != home.title

    # Each language's footer links to that language's statement, its label giving the
    # compliance status; the statement's date is in the page's language.
    for code, label, date in STATEMENTS:
        statement = StandardPage.objects.get(
            slug=DEMO_SLUGS[code]["accessibilite"], locale__language_code=code
        )
        html = client.get(f"/{code}/").content.decode()
        assert f'href="{statement.url}"' in html, code
        assert label in html, code
        assert date in client.get(statement.url).content.decode(), code

    # Every page of the demo site is served, in its language, with one <h1>.
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        code = page.locale.language_code
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{code}" dir="{direction}"' in html, page.url
        assert len(re.findall(r"<h1[\s>]", html)) == 1, page.url
        assert page.title in html or page.title.replace("'", "&#x27;") in html, page.url

    # Media were generated, not downloaded, and each image has its credit and alt text.
    assert not CustomImage.objects.filter(credit="").exists()
    assert not CustomImage.objects.filter(description="").exists()


@pytest.mark.django_db
def test_bad_date_is_refused_with_a_readable_message():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("load_demo_content", today="25/11/2026", stdout=StringIO())
