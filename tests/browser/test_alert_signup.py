"""A candidate signs up for call alerts and confirms from the e-mail's link, in a real browser.

The confirmation and unsubscription pages keep their token from other sites
(``Referrer-Policy``). With ``no-referrer`` a browser sends ``Origin: null``
with the page's own button, which Django's CSRF check refuses: every
confirmation was a 403, and only a browser shows it (the test client sends no
``Origin``). The e-mail is read where the development server writes it, its
log, as a candidate reads their inbox.
"""

import re
import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WORDS = {
    "fr": {"confirm": "Confirmer mon abonnement", "confirmed": "Abonnement confirmé"},
    "ar": {"confirm": "تأكيد اشتراكي", "confirmed": None},
}


def confirmation_path(live_site, lang, since):
    """The confirmation link of the last e-mail written to the site's log after ``since``."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = live_site.log.read_text(errors="replace")[since:]
        links = re.findall(rf"/{lang}/alerts/confirm/[^/\s]+/", text)
        if links:
            return links[-1]
        time.sleep(0.2)
    pytest.fail("no confirmation e-mail in the site's log")


@pytest.mark.parametrize(("lang", "device"), [("fr", "page"), ("ar", "phone")])
def test_a_candidate_subscribes_and_confirms_from_the_link(request, live_site, lang, device, shoot):
    tab = request.getfixturevalue(device)
    since = live_site.log.stat().st_size
    tab.goto(f"/{lang}/alerts/")
    tab.locator("input[type=email]").fill(f"candidate-{lang}-{device}@example.org")
    tab.locator("input[name=consent]").check()
    shoot(tab, f"sign-up-{lang}")
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_load_state()
    assert "/alerts/check-your-inbox/" in tab.url
    shoot(tab, f"check-your-inbox-{lang}", full_page=False)

    response = tab.goto(confirmation_path(live_site, lang, since))
    assert response.status == 200
    tab.get_by_role("button", name=WORDS[lang]["confirm"]).click()
    tab.wait_for_load_state()
    body = tab.locator("main").inner_text()
    assert "403" not in tab.title() and "CSRF" not in body
    if WORDS[lang]["confirmed"]:
        assert WORDS[lang]["confirmed"] in tab.title() + body
    shoot(tab, f"confirmed-{lang}", full_page=False)
