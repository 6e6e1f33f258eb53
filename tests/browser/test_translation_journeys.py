"""The README's walk-through, clicked through in Chromium by each member of the team.

A French news item goes to English and Arabic: Communication (Claire) writes
and publishes it and asks for the translations; the English translator (Tom)
translates it segment by segment in the editor and submits it from there; the
Arabic translator (Amal) translates by PO file and submits from the page's
menu; the reviewer (Rita) asks Amal for changes, Amal sees the comment and
resubmits, Rita approves both; a visitor reads the three languages. Then
Claire changes the French text and syncs for review: the translations go back
to their translators, who see what changed; Rita approves the updates.

Everything happens through the admin's pages, as these people would do it:
clicks, typing, navigation. Each step is saved as a screenshot
(``test-screenshots/test_translation_journeys/``).
"""

import re
import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import polib
import pytest
from playwright.sync_api import expect

from tests.browser.admin import (
    dashboard_panel,
    header_action,
    messages,
    row_action,
    signed_in,
    translate_texts,
)
from tests.browser.conftest import PHONE, local_context

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TITLE = "Rencontre des jeunes programmateurs du réseau"
LEAD = "Les centres accueillent une rencontre de jeunes programmateurs venus de douze pays."
PARAGRAPH = "La rencontre se tient à l'abbaye de Noirlac, du 3 au 5 mars."
NEW_LEAD = "Les centres accueillent une rencontre de jeunes programmateurs venus de quinze pays."

ENGLISH = {
    TITLE: "Young programmers of the network meet",
    LEAD: "The centres host a meeting of young programmers from twelve countries.",
    PARAGRAPH: "The meeting takes place at Noirlac Abbey, from 3 to 5 March.",
    NEW_LEAD: "The centres host a meeting of young programmers from fifteen countries.",
    "rencontre-des-jeunes-programmateurs-du-reseau": "young-programmers-meet",
}
ARABIC = {
    TITLE: "لقاء المبرمجين الشباب في الشبكة",
    LEAD: "تستضيف المراكز لقاءً للمبرمجين الشباب القادمين من اثني عشر بلدًا.",
    PARAGRAPH: "يُعقد اللقاء في دير نوارلاك من 3 إلى 5 مارس.",
    NEW_LEAD: "تستضيف المراكز لقاءً للمبرمجين الشباب القادمين من خمسة عشر بلدًا.",
    "rencontre-des-jeunes-programmateurs-du-reseau": "liqa-al-mubarmijin",
}
# Texts the demo's news index has (its Arabic copy is created with the item's).
ARABIC_FALLBACK = "ترجمة: {}"


def english(text):
    return ENGLISH.get(text, f"EN {text}")


def arabic(text):
    return ARABIC.get(text, ARABIC_FALLBACK.format(text))


@pytest.fixture(scope="module")
def team(live_site):
    live_site.manage("shell", "-c", "from tests.browser.team import create_team; create_team()")


def write_news_item(tab, title, lead, paragraph):
    """Claire adds a news item under "Actualités" and saves it as a draft."""
    tab.get_by_role("button", name="Pages").click()
    tab.get_by_role("link", name="Actualités", exact=True).click()
    tab.get_by_role("link", name="Ajouter une sous-page").click()
    tab.get_by_placeholder("Titre de la page*").fill(title)
    tab.get_by_role("textbox", name="Chapô*").fill(lead)
    tab.get_by_role("button", name="Insérer un bloc").first.click()
    tab.get_by_role("option", name="Paragraphe").click()
    tab.locator(".public-DraftEditor-content").first.click()
    tab.keyboard.type(paragraph)
    # Draftail copies what is typed into the form a moment later.
    expect(tab.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(paragraph.split("'")[0]))
    )
    tab.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(tab.locator(".messages")).to_contain_text("créée")


def publish(tab):
    """The editor's "Publier" (or, with a go-live date ahead, "Programmer pour publication")."""
    tab.get_by_role("button", name="Plus d'actions").click()
    tab.get_by_role("button", name=re.compile("^(Publier|Programmer pour publication)$")).click()


def write_and_publish_news_item(tab, shoot):
    write_news_item(tab, TITLE, LEAD, PARAGRAPH)
    shoot(tab, "claire-wrote-the-news-item")
    publish(tab)
    expect(tab.locator(".messages")).to_contain_text("publiée")
    shoot(tab, "claire-published-it")


def ask_for_translations(tab, shoot):
    row_action(tab, TITLE, "Traduire cette page")
    tab.get_by_label("Anglais").check()
    tab.get_by_label("Arabe").check()
    shoot(tab, "claire-asks-for-english-and-arabic")
    tab.get_by_role("button", name="Soumettre").click()
    expect(tab.locator(".messages")).to_contain_text("traducteurs")
    # She stays on the French listing: no "you do not have permission" on the way.
    assert "autorisation" not in messages(tab)
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Actualités")
    shoot(tab, "claire-back-on-the-listing")


@contextmanager
def visitor(chromium, live_site, outside_requests, **options):
    context = local_context(chromium, live_site, outside_requests, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


def correct_text(tab, french, corrected):
    """In the translation editor, change the translation of one French text."""
    editor = tab.locator(".js-translation-editor")
    segment = editor.locator("li").filter(has=tab.get_by_text(french, exact=True)).last
    segment.get_by_role("button", name="Modifier", exact=True).click()
    segment.locator("textarea").fill(corrected)
    segment.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(editor.get_by_text(corrected, exact=True)).to_be_visible()


def read_in_three_languages(chromium, live_site, outside_requests, shoot, lead, arabic_paragraph):
    for name, options in {"desktop": {}, "phone": {"viewport": PHONE}}.items():
        with visitor(chromium, live_site, outside_requests, **options) as tab:
            tab.goto("/fr/")
            tab.locator("main").get_by_role("link", name=TITLE).first.click()
            expect(tab.locator("h1")).to_have_text(TITLE)
            expect(tab.locator("main")).to_contain_text(lead)
            shoot(tab, f"visitor-reads-french-{name}")
            hreflangs = tab.locator("link[rel=alternate][hreflang]").evaluate_all(
                "links => links.map(link => link.hreflang)"
            )
            assert {"fr", "en", "ar", "x-default"} <= set(hreflangs)
            tab.locator('.language-switcher a[hreflang="en"]').click()
            expect(tab.locator("h1")).to_have_text(ENGLISH[TITLE])
            expect(tab.locator("main")).to_contain_text(ENGLISH[lead])
            shoot(tab, f"visitor-reads-english-{name}")
            tab.locator('.language-switcher a[hreflang="ar"]').click()
            expect(tab.locator("html")).to_have_attribute("dir", "rtl")
            expect(tab.locator("h1")).to_have_text(ARABIC[TITLE])
            expect(tab.locator("main")).to_contain_text(arabic_paragraph)
            expect(tab.locator("main")).to_contain_text(ARABIC[lead])
            assert lead not in tab.locator("main").inner_text(), "no French on the Arabic page"
            shoot(tab, f"visitor-reads-arabic-{name}")


def open_from_dashboard(tab, link_text):
    panel = dashboard_panel(tab, "Traductions qui vous attendent")
    expect(panel).to_be_visible()
    panel.get_by_role("link", name=re.compile(re.escape(link_text))).click()


def test_news_item_to_english_and_arabic_through_review(
    chromium, live_site, outside_requests, team, shoot, tmp_path
):
    with signed_in(chromium, live_site, outside_requests, "claire") as claire:
        write_and_publish_news_item(claire, shoot)
        ask_for_translations(claire, shoot)

    # Tom translates into English in the editor, text by text, and submits from there.
    with signed_in(chromium, live_site, outside_requests, "tom") as tom:
        open_from_dashboard(tom, TITLE)
        expect(tom.locator(".translation-review")).to_contain_text("à traduire")
        # wagtail-localize's editor writes this heading in English: translated here.
        expect(tom.locator(".js-translation-editor h3").first).to_have_text(
            "Traduction : Français → Anglais"
        )
        shoot(tom, "tom-opens-the-translation")
        assert translate_texts(tom, english) >= 3
        tom.reload()
        expect(tom.locator(".translation-review")).to_contain_text("sont traduits")
        shoot(tom, "tom-translated-every-text")
        tom.get_by_role("button", name="Envoyer la traduction en relecture").click()
        expect(tom.locator(".messages")).to_contain_text("envoyée en relecture")
        expect(tom.locator(".translation-review")).to_contain_text("En attente de relecture")
        shoot(tom, "tom-sent-it-for-review")

    # Amal translates the Arabic copy of the news index in the editor, then the item
    # by PO file, which she submits from the page listing's "…" menu.
    with signed_in(chromium, live_site, outside_requests, "amal") as amal:
        panel = dashboard_panel(amal, "Traductions qui vous attendent")
        expect(panel).to_contain_text(TITLE)
        expect(panel).to_contain_text("Actualités")
        shoot(amal, "amal-dashboard-lists-the-item-and-its-new-parent")

        open_from_dashboard(amal, "« Actualités »")
        translate_texts(amal, arabic)
        # She sends it from the "…" menu of the page's header in the page listing.
        amal.get_by_role("button", name="Pages").click()
        amal.locator("#wagtail-sidebar").get_by_role(
            "link", name=re.compile("Actualités")
        ).first.click()
        header_action(amal, "Envoyer la traduction en relecture")
        expect(amal.locator(".messages")).to_contain_text("envoyée en relecture")

        open_from_dashboard(amal, f"« {TITLE} »")
        with amal.expect_download() as download:
            amal.get_by_role("link", name="Télécharger un fichier PO").click()
        po_path = tmp_path / "arabic.po"
        download.value.save_as(po_path)
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue:  # what her PO editor does
            entry.msgstr = arabic(entry.msgid)
        catalogue.save(str(po_path))
        with amal.expect_file_chooser() as chooser:
            amal.get_by_role("button", name="Transférer un fichier PO").click()
        chooser.value.set_files(po_path)
        expect(amal.locator(".messages")).to_contain_text("importées")
        expect(amal.locator(".translation-review")).to_contain_text("sont traduits")
        shoot(amal, "amal-uploaded-her-po-file")

        amal.get_by_role("button", name="Pages").click()
        amal.locator("#wagtail-sidebar").get_by_role(
            "link", name=re.compile("Actualités")
        ).first.click()
        row_action(amal, ARABIC[TITLE], "Envoyer la traduction en relecture")
        expect(amal.locator(".messages")).to_contain_text("envoyée en relecture")
        shoot(amal, "amal-submitted-from-the-listing-menu")

    # Nothing of it is public yet: not the item, not its new parent.
    with visitor(chromium, live_site, outside_requests) as tab:
        assert tab.goto("/ar/").ok
        assert "Actualités" not in tab.locator("header").inner_text()

    # Rita approves the English translation, asks Amal for a change.
    with signed_in(chromium, live_site, outside_requests, "rita") as rita:
        panel = dashboard_panel(rita, "Traductions en attente de relecture")
        expect(panel).to_contain_text(ENGLISH[TITLE])
        expect(panel).to_contain_text(ARABIC[TITLE])
        shoot(rita, "rita-dashboard-lists-three-reviews")

        panel.get_by_role("link", name=re.compile(re.escape(ENGLISH[TITLE]))).click()
        review = rita.locator(".translation-review-actions")
        with rita.expect_popup() as popup:
            review.get_by_role("link", name="Prévisualiser la version envoyée en relecture").click()
        preview = popup.value
        expect(preview.locator("main")).to_contain_text(ENGLISH[LEAD])
        assert LEAD not in preview.locator("main").inner_text(), "no French in the preview"
        shoot(preview, "rita-previews-the-english-version")
        preview.close()
        review.get_by_role("button", name="Approuver et publier").click()
        expect(rita.locator(".messages")).to_contain_text("approuvée et publiée")

        rita.goto("/admin/")
        dashboard_panel(rita, "Traductions en attente de relecture").get_by_role(
            "link", name=re.compile(re.escape(ARABIC[TITLE]))
        ).click()
        review = rita.locator(".translation-review-actions")
        review.get_by_text("Demander des modifications").click()
        review.get_by_label("Que doit modifier le traducteur ?").fill(
            "Merci d’écrire « نوارلاك » sans le mot دير dans le paragraphe."
        )
        shoot(rita, "rita-asks-for-a-change")
        review.get_by_role("button", name="Envoyer la demande de modifications").click()
        expect(rita.locator(".messages")).to_contain_text("Modifications demandées")

        dashboard_panel(rita, "Traductions en attente de relecture").get_by_role(
            "link", name=re.compile("Actualités|" + re.escape(ARABIC_FALLBACK.format("Actualités")))
        ).click()
        rita.locator(".translation-review-actions").get_by_role(
            "button", name="Approuver et publier"
        ).click()
        expect(rita.locator(".messages")).to_contain_text("approuvée et publiée")

    # Amal reads the comment, corrects the paragraph and resubmits; Rita approves.
    corrected = ARABIC[PARAGRAPH].replace("دير ", "")
    with signed_in(chromium, live_site, outside_requests, "amal") as amal:
        panel = dashboard_panel(amal, "Traductions qui vous attendent")
        expect(panel).to_contain_text("Modifications demandées")
        open_from_dashboard(amal, f"« {ARABIC[TITLE]} »")
        status = amal.locator(".translation-review")
        expect(status).to_contain_text("sans le mot")
        expect(status).to_contain_text("Rita")
        shoot(amal, "amal-reads-the-reviewers-comment")
        correct_text(amal, PARAGRAPH, corrected)
        amal.get_by_role("button", name="Renvoyer en relecture").click()
        expect(amal.locator(".messages")).to_contain_text("envoyée en relecture")

    with signed_in(chromium, live_site, outside_requests, "rita") as rita:
        dashboard_panel(rita, "Traductions en attente de relecture").get_by_role(
            "link", name=re.compile(re.escape(ARABIC[TITLE]))
        ).click()
        rita.locator(".translation-review-actions").get_by_role(
            "button", name="Approuver et publier"
        ).click()
        expect(rita.locator(".messages")).to_contain_text("approuvée et publiée")

    # A visitor reads the three languages, linked by the switcher and hreflang.
    read_in_three_languages(chromium, live_site, outside_requests, shoot, LEAD, corrected)

    # Claire changes the French lead, publishes, and syncs the translations for review.
    with signed_in(chromium, live_site, outside_requests, "claire") as claire:
        claire.get_by_role("button", name="Pages").click()
        claire.get_by_role("link", name="Actualités", exact=True).click()
        claire.get_by_role("link", name=TITLE, exact=True).click()
        claire.get_by_role("textbox", name="Chapô*").fill(NEW_LEAD)
        publish(claire)
        expect(claire.locator(".messages")).to_contain_text("publiée")
        panel = dashboard_panel(claire, "Traductions à mettre à jour")
        expect(panel).to_contain_text(TITLE)
        shoot(claire, "claire-dashboard-lists-the-translations-to-update")
        panel.get_by_role("link", name="Synchroniser").first.click()
        claire.get_by_label("Envoyer les traductions mises à jour en relecture").check()
        shoot(claire, "claire-syncs-for-review")
        claire.get_by_role("button", name="Soumettre").click()
        expect(claire.locator(".messages")).to_contain_text("Retour aux traducteurs")
        assert "autorisation" not in messages(claire)
        shoot(claire, "claire-sees-where-the-translations-went")

    # Tom sees what changed, with his earlier translation, and translates the new lead.
    with signed_in(chromium, live_site, outside_requests, "tom") as tom:
        panel = dashboard_panel(tom, "Traductions qui vous attendent")
        expect(panel).to_contain_text("1 texte restant")
        open_from_dashboard(tom, ENGLISH[TITLE])
        changes = tom.locator(".translation-review__changes")
        expect(changes).to_contain_text(NEW_LEAD)
        expect(changes).to_contain_text(LEAD)
        expect(changes).to_contain_text(ENGLISH[LEAD])
        shoot(tom, "tom-sees-what-changed-in-french")
        assert translate_texts(tom, english) == 1
        tom.reload()
        tom.get_by_role("button", name="Envoyer la traduction en relecture").click()
        expect(tom.locator(".messages")).to_contain_text("envoyée en relecture")

    with signed_in(chromium, live_site, outside_requests, "amal") as amal:
        open_from_dashboard(amal, ARABIC[TITLE])
        assert translate_texts(amal, arabic) == 1
        amal.reload()
        amal.get_by_role("button", name="Envoyer la traduction en relecture").click()
        expect(amal.locator(".messages")).to_contain_text("envoyée en relecture")

    with signed_in(chromium, live_site, outside_requests, "rita") as rita:
        for title in (ENGLISH[TITLE], ARABIC[TITLE]):
            dashboard_panel(rita, "Traductions en attente de relecture").get_by_role(
                "link", name=re.compile(re.escape(title))
            ).click()
            rita.locator(".translation-review-actions").get_by_role(
                "button", name="Approuver et publier"
            ).click()
            expect(rita.locator(".messages")).to_contain_text("approuvée et publiée")

    read_in_three_languages(chromium, live_site, outside_requests, shoot, NEW_LEAD, corrected)


SCHEDULED_TITLE = "Appel à projets : la saison 2027 des résidences croisées"
SCHEDULED_LEAD = "Les centres ouvrent les candidatures pour les résidences croisées de 2027."
SCHEDULED_PARAGRAPH = "Les dossiers sont attendus jusqu'au 31 janvier."


def test_scheduled_news_item_and_its_translation_go_live_together(
    chromium, live_site, outside_requests, team, shoot
):
    """Claire schedules a news item; its English translation, approved before that
    date, waits for it; the scheduler's ``publish_scheduled`` puts both live."""
    paris = ZoneInfo("Europe/Paris")
    # Three whole minutes ahead (typed to the minute): time for the translation
    # and its review to be done before it, on a slow machine too.
    go_live = (datetime.now(paris) + timedelta(minutes=4)).replace(second=0, microsecond=0)
    with signed_in(chromium, live_site, outside_requests, "claire") as claire:
        write_news_item(claire, SCHEDULED_TITLE, SCHEDULED_LEAD, SCHEDULED_PARAGRAPH)
        claire.get_by_role("button", name="Afficher/masquer le statut").click()
        claire.get_by_role("button", name="Programmer").click()
        claire.get_by_label("Date/heure de publication").fill(go_live.strftime("%Y-%m-%d %H:%M"))
        # The date picker's own button, in English in Wagtail, speaks French here.
        expect(claire.locator(".xdsoft_save_selected").first).to_have_text(
            "Enregistrer la sélection"
        )
        shoot(claire, "claire-sets-the-go-live-date")
        # Clicking beside the calendar closes it, as a person would.
        claire.get_by_role("heading", name="Définir la programmation de publication").click()
        # Saving the schedule saves the draft with it, and reloads the editor.
        claire.get_by_role("button", name="Enregistrer la programmation").click()
        expect(claire.locator(".messages")).to_contain_text("mise à jour")
        shoot(claire, "claire-saved-the-schedule")
        publish(claire)
        expect(claire.locator(".messages")).to_contain_text("planifiée pour publication")
        shoot(claire, "claire-scheduled-it")
        row_action(claire, SCHEDULED_TITLE, "Traduire cette page")
        claire.get_by_label("Anglais").check()
        claire.get_by_role("button", name="Soumettre").click()
        expect(claire.locator(".messages")).to_contain_text("traducteurs")

    with signed_in(chromium, live_site, outside_requests, "tom") as tom:
        open_from_dashboard(tom, SCHEDULED_TITLE)
        translate_texts(tom, english)
        tom.reload()
        tom.get_by_role("button", name="Envoyer la traduction en relecture").click()
        expect(tom.locator(".messages")).to_contain_text("envoyée en relecture")

    with signed_in(chromium, live_site, outside_requests, "rita") as rita:
        dashboard_panel(rita, "Traductions en attente de relecture").get_by_role(
            "link", name=re.compile(re.escape(english(SCHEDULED_TITLE)))
        ).click()
        rita.locator(".translation-review-actions").get_by_role(
            "button", name="Approuver et publier"
        ).click()
        expect(rita.locator(".messages")).to_contain_text("avec sa page française")
        expect(rita.locator(".messages")).to_contain_text(go_live.strftime("%H:%M"))
        shoot(rita, "rita-approved-it-for-the-go-live-date")

    with visitor(chromium, live_site, outside_requests) as tab:
        tab.goto("/en/")
        assert english(SCHEDULED_TITLE) not in tab.locator("main").inner_text()
        tab.goto("/fr/actualites/")
        assert SCHEDULED_TITLE not in tab.locator("main").inner_text()

        # The scheduler runs publish_scheduled every minute (Procfile); here, once, on time.
        seconds_left = (go_live - datetime.now(paris)).total_seconds()
        time.sleep(max(0, seconds_left) + 1)
        live_site.manage("publish_scheduled")

        tab.goto("/fr/actualites/")
        tab.locator("main").get_by_role("link", name=SCHEDULED_TITLE).first.click()
        expect(tab.locator("h1")).to_have_text(SCHEDULED_TITLE)
        tab.locator('.language-switcher a[hreflang="en"]').click()
        expect(tab.locator("h1")).to_have_text(english(SCHEDULED_TITLE))
        shoot(tab, "visitor-reads-both-once-live")
