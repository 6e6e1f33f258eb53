"""A candidate checks their eligibility for a call: answers go in the form, never in the URL.

The answers (refugee status and its date among them) were sent in the query
string, and so were written to the web server's and proxies' access logs
(issue 13). The check is now a form posted from its own page, linked from the
call page; the answer page shows the verdict and the address carries nothing.
"""

import pytest

from tests.browser.conftest import ARABIC_LINK

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHECK_LINK = {"fr": "Vérifier mon éligibilité", "ar": "التحقق من أهليتي"}
ANSWER_HEADING = {"fr": "Le résultat", "ar": None}


def call_with_a_check(tab):
    """The first open call of the French calls page that offers the eligibility check."""
    tab.goto("/fr/appels/")
    calls = tab.locator("#open .card__link").evaluate_all("links => links.map(a => a.href)")
    for call in calls:
        tab.goto(call)
        if tab.get_by_role("link", name=CHECK_LINK["fr"]).count():
            return call
    pytest.fail("no open call of the demo offers the eligibility check")


def answer_every_question(tab):
    for group in tab.locator(".eligibility-form__field").all():
        radios = group.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
        date = group.locator("input[type=date]")
        if date.count():
            date.fill("2023-09-15")
        select = group.locator("select")
        if select.count():
            values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
            select.select_option([value for value in values if value][0])


@pytest.mark.parametrize(("lang", "device"), [("fr", "page"), ("ar", "phone")])
def test_a_candidate_checks_their_eligibility_and_no_answer_is_in_the_url(
    request, lang, device, shoot
):
    tab = request.getfixturevalue(device)
    call = call_with_a_check(tab)
    if lang == "ar":
        tab.goto(call)
        tab.goto(tab.locator(ARABIC_LINK).get_attribute("href"))
        if not tab.get_by_role("link", name=CHECK_LINK["ar"]).count():
            pytest.fail(f"the Arabic page of {call} offers no eligibility check")
    shoot(tab, f"call-page-{lang}", full_page=False)

    tab.get_by_role("link", name=CHECK_LINK[lang]).first.click()
    tab.wait_for_load_state()
    assert tab.locator(".eligibility-form").is_visible()
    shoot(tab, f"questions-{lang}")

    answer_every_question(tab)
    tab.locator(".eligibility-form button[type=submit]").click()
    tab.wait_for_load_state()
    shoot(tab, f"answer-{lang}")

    verdict = tab.locator("#answer")
    assert verdict.is_visible()
    assert verdict.locator(".verdict__title").inner_text().strip()
    if ANSWER_HEADING[lang]:
        assert ANSWER_HEADING[lang] in verdict.inner_text()
    assert "?" not in tab.url, f"the answers are in the address: {tab.url}"
    assert tab.url.endswith("/eligibility/#answer")
