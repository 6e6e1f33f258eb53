"""Demo translations, made through wagtail-localize's own machinery.

For each language with a catalogue in ``home/demo/translations/<code>.po``
(French source text -> translation), every object to translate gets a
wagtail-localize ``TranslationSource`` and ``Translation``; the translation's
PO export is filled from the catalogue and imported back (exactly what a
translator's PO upload does), then the target is saved and published.

English covers the whole site; Spanish and Arabic cover the home page, the
label page and its enquiry form, the programmes, the calls page, the open
calls, the accessibility statement and the legal notice (linked from every
page's footer), so that the translation status report has translated, missing
and (see ``make_one_translation_outdated``) outdated rows. Objects that
already have a translation are left alone.
"""

import datetime as dt
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from enquiries.models import EnquiryFormPage
from home.models import Footer, HomePage, NavigationMenu, StandardPage
from network.models import LabelPage, NetworkIndexPage
from news.models import NewsCategory, NewsPage
from portal.dates import site_timezone
from portal.models import Theme
from programmes.models import CallIndexPage, CallPage, ProgrammeIndexPage, ProgrammePage

CATALOGUES = Path(__file__).resolve().parent / "translations"
WHOLE_SITE_LANGUAGES = {"en"}
PARTIAL_SITE_TYPES = (
    HomePage,
    NetworkIndexPage,
    LabelPage,
    EnquiryFormPage,
    ProgrammeIndexPage,
    ProgrammePage,
    CallIndexPage,
)
# Standard pages (children of the home page) translated into every language: the
# footer links to them, and the RGAA asks for the accessibility statement to be
# one link away from every page.
PARTIAL_SITE_SLUGS = {"accessibilite", "mentions-legales"}
OUTDATED_DEMO_SLUG = "rencontre-annuelle-du-reseau-europeen"


def load_catalogue(code):
    path = CATALOGUES / f"{code}.po"
    if not path.exists():
        return None
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


class DemoTranslator:
    def __init__(self, source_locale, counter, changes, today):
        self.source_locale = source_locale
        self.created = counter
        self.changes = changes
        # The calls translated into the partial languages are those open on
        # the demo's day (``load_demo_content --today``), the day their dates
        # were built from, not at the clock's now: a past --today would
        # otherwise translate a different set of calls once a deadline passed.
        self.moment = dt.datetime.combine(today, dt.time(12), tzinfo=site_timezone())

    def translate(self):
        for code, _name in settings.LANGUAGES:
            if code == self.source_locale.language_code:
                continue
            catalogue = load_catalogue(code)
            if catalogue is None:
                continue
            locale, _ = Locale.objects.get_or_create(language_code=code)
            created = [
                obj
                for obj in self.objects_for(code)
                if self.translate_object(obj, locale, catalogue)
            ]
            if created and code in WHOLE_SITE_LANGUAGES:
                self.make_one_translation_outdated()

    def objects_for(self, code):
        snippets = [
            *Theme.objects.filter(locale=self.source_locale),
            *NewsCategory.objects.filter(locale=self.source_locale),
            *NavigationMenu.objects.filter(locale=self.source_locale),
            *Footer.objects.filter(locale=self.source_locale),
        ]
        # Tree order: a parent is always translated before its children.
        pages = Page.objects.live().filter(locale=self.source_locale, depth__gt=1).order_by("path")
        pages = list(pages.specific())
        if code not in WHOLE_SITE_LANGUAGES:
            pages = [
                page
                for page in pages
                if isinstance(page, PARTIAL_SITE_TYPES)
                or (
                    isinstance(page, CallPage)
                    and page.status_at(self.moment) == CallPage.Status.OPEN
                )
                or (isinstance(page, StandardPage) and page.slug in PARTIAL_SITE_SLUGS)
            ]
        return snippets + pages

    def untranslated_strings(self, code):
        """French strings of the objects translated into ``code`` that its catalogue lacks.

        wagtail-localize leaves such strings in French on the translated page.
        Reads each object's source as it was translated, so the French page that is
        deliberately changed afterwards (the out-of-date example) does not count.
        """
        catalogue = load_catalogue(code) or {}
        missing = set()
        for obj in self.objects_for(code):
            source, _ = TranslationSource.get_or_create_from_instance(obj)
            strings = StringSegment.objects.filter(source=source).values_list(
                "string__data", flat=True
            )
            missing.update(text for text in strings if text not in catalogue)
        return missing

    def translate_object(self, obj, locale, catalogue):
        if obj.get_translations().filter(locale=locale).exists():
            return False
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = translation.export_po()
        for entry in po:
            entry.msgstr = catalogue.get(entry.msgid, "")
        translation.import_po(po, tool_name="demo content")
        if isinstance(obj, Page):
            # wagtail-localize defers publishing to the end of the transaction, with a
            # copy of the page taken now; publishing the whole tree in one transaction
            # that way would reset each parent's child count. Publish at once instead.
            translation.save_target(publish=False)
            target = obj.get_translation(locale)
            target.get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
        self.created[f"translations ({locale.language_code})"] += 1
        return True

    def make_one_translation_outdated(self):
        """Change one French news item after its translation, as editors do."""
        item = NewsPage.objects.filter(slug=OUTDATED_DEMO_SLUG, locale=self.source_locale).first()
        if item is None:
            return
        item.lead = item.lead.rstrip() + " Le compte rendu complet est désormais en ligne."
        item.save_revision().publish()
        self.changes.append(f"updated “{item.title}” after its translation (an outdated example)")
