"""Hand-edited addresses, as a visitor sees them: a page that says what happened, never an error.

Each of these answered a blank "Server Error (500)" before issue 13. They are
looked at in French and Arabic, on a desktop and on a 390 px phone.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NUL_MESSAGES = {
    "fr": "Cette adresse contient un caractère qu’aucune adresse de ce site n’utilise.",
    "ar": "يحتوي هذا العنوان على حرف لا يستخدمه أي عنوان في هذا الموقع.",
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("device", ["page", "phone"])
def test_a_quote_in_a_search_gives_its_results(request, lang, device, shoot):
    tab = request.getfixturevalue(device)
    response = tab.goto(f"/{lang}/search/?q=r%C3%A9sidence%22")
    assert response.status == 200
    assert tab.locator("h1").first.inner_text().strip() != ""
    assert tab.locator("#search-results, .search-results, main").first.is_visible()
    assert "Server Error" not in tab.locator("body").inner_text()
    shoot(tab, f"search-with-a-quote-{lang}-{device}", full_page=False)


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("device", ["page", "phone"])
def test_a_nul_character_in_an_address_is_explained(request, lang, device, shoot):
    tab = request.getfixturevalue(device)
    response = tab.goto(f"/{lang}/search/?q=abc%00")
    assert response.status == 400
    assert tab.locator("html").get_attribute("lang") == lang
    text = tab.locator("main").inner_text()
    assert NUL_MESSAGES[lang] in text
    # The way on: the site's sections, as on the "not found" page.
    assert tab.locator("main a").count() >= 3
    shoot(tab, f"nul-character-{lang}-{device}", full_page=False)
