"""What a member of the team does in Wagtail's admin, in a browser: only clicks,
typing and navigation a person could do (no request made by hand, no function
called on the site).

Each person works in their own browser context (their own session), in French.
"""

import re
from contextlib import contextmanager

from playwright.sync_api import expect

from tests.browser.conftest import local_context
from tests.browser.team import PASSWORD, TEAM


@contextmanager
def signed_in(chromium, live_site, outside_requests, username):
    """A tab of ``username``'s own browser, signed in through the login page."""
    context = local_context(chromium, live_site, outside_requests)
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.get_by_label("Nom d’utilisateur").fill(username)
    tab.get_by_label("Mot de passe").fill(PASSWORD.format(username=username))
    tab.get_by_role("button", name=re.compile("S[’']identifier")).click()
    expect(tab.get_by_role("heading", name=TEAM[username][0])).to_be_visible()
    try:
        yield tab
    finally:
        context.close()


def messages(tab):
    """The admin's messages after an action (success, warning, error)."""
    area = tab.locator(".messages")
    return area.inner_text() if area.count() else ""


def listing_row(tab, title):
    return tab.locator("tr").filter(has=tab.get_by_role("link", name=title, exact=True))


def row_action(tab, title, action):
    """Open the "…" menu of a page in the listing and click one of its actions."""
    row = listing_row(tab, title)
    row.get_by_role("button", name=re.compile("Plus d’options|Plus d'options")).click()
    row.get_by_role("link", name=action).click()


def header_action(tab, action):
    """Open the "…" menu of the page header (editor or listing) and click an action."""
    tab.locator("header").get_by_role("button", name="Actions", exact=True).first.click()
    tab.get_by_role("link", name=action).click()


def dashboard_panel(tab, heading):
    """The dashboard panel titled ``heading`` (after going to the admin's home)."""
    tab.goto("/admin/")
    return tab.locator("section").filter(has=tab.get_by_role("heading", name=heading))


def translate_texts(tab, translate):
    """In wagtail-localize's editor, translate each text left, as a translator types it.

    ``translate`` gives the translation of a French text. Returns how many were typed.
    """
    editor = tab.locator(".js-translation-editor")
    expect(editor.locator("li").first).to_be_visible()
    typed = 0
    # The editor has one tab per tab of the page's form (Contenu, Promotion…).
    for tab_link in editor.get_by_role("tab").all():
        tab_link.click()
        typed += _translate_visible_texts(tab, editor, translate)
    return typed


def _translate_visible_texts(tab, editor, translate):
    pending = editor.locator("li.incomplete:visible").filter(
        has=tab.get_by_role("button", name="Traduire", exact=True)
    )
    frenches = [segment.locator("p").first.inner_text() for segment in pending.all()]
    for french in frenches:
        segment = editor.locator("li.incomplete").filter(
            has=tab.locator("p").get_by_text(french, exact=True)
        )
        segment.get_by_role("button", name="Traduire", exact=True).click()
        segment.locator("textarea").fill(translate(french))
        segment.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(
            editor.locator("li:not(.incomplete)").filter(has_text=translate(french)).last
        ).to_be_visible()
    return len(frenches)
