"""Anonymous visitors never see drafts, private pages or unpublished translations.

Not by their URL, and not through any other way in: menus, listings, search,
the sitemap, the feeds or the API.
"""

from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsPageFactory

PASSWORD = "un-mot-de-passe-assez-long-7"


@pytest.fixture
def hidden(multilingual_tree):
    """One page of each kind an anonymous visitor must not see, beside public ones."""
    tree = multilingual_tree
    draft = NewsPageFactory(
        parent=tree.news_index, title="Brouillon confidentiel", lead="Texte du brouillon."
    )
    draft.unpublish()
    board = StandardPageFactory(
        parent=tree.home,
        title="Espace du conseil",
        slug="conseil",
        intro="Réservé aux administrateurs.",
        show_in_menus=True,
    )
    PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.LOGIN)
    minutes = StandardPageFactory(
        parent=board, title="Procès-verbal secret", slug="proces-verbal", show_in_menus=True
    )
    protected = NewsPageFactory(
        parent=tree.news_index, title="Note protégée", lead="Le contenu protégé par mot de passe."
    )
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    tree.ar_news.unpublish()
    return SimpleNamespace(
        tree=tree,
        draft=draft,
        board=board,
        minutes=minutes,
        protected=protected,
        unpublished_translation=tree.ar_news,
        titles=[
            "Brouillon confidentiel",
            "Espace du conseil",
            "Procès-verbal secret",
            "Note protégée",
            "الاجتماع السنوي",
        ],
        hidden_pks={draft.pk, board.pk, minutes.pk, protected.pk, tree.ar_news.pk},
    )


def assert_no_hidden_title(content, hidden):
    leaked = [title for title in hidden.titles if title in content]
    assert not leaked, leaked


# --- By URL ---------------------------------------------------------------------------------


def test_draft_answers_404(client, hidden):
    assert client.get(hidden.draft.url).status_code == 404


def test_unpublished_translation_answers_404(client, hidden):
    assert (
        not type(hidden.unpublished_translation)
        .objects.get(pk=hidden.unpublished_translation.pk)
        .live
    )
    response = client.get(hidden.unpublished_translation.url)
    assert response.status_code == 404
    # The French page it translates stays public.
    assert client.get(hidden.tree.news.url).status_code == 200


@pytest.mark.parametrize("attr", ["board", "minutes"])
def test_private_page_and_its_children_send_to_the_sign_in_page(client, hidden, attr):
    page = getattr(hidden, attr)
    response = client.get(page.url)
    assert response.status_code == 302
    sign_in_url = response.headers["Location"]
    assert "next=" in sign_in_url
    # The sign-in page exists (a redirect to a 404 would leave members stranded)...
    sign_in = client.get(sign_in_url)
    assert sign_in.status_code == 200
    # ...and shows nothing of the page.
    assert page.title not in sign_in.content.decode()


def test_private_page_opens_to_a_signed_in_member(client, hidden, django_user_model):
    member = django_user_model.objects.create_user(username="membre", password=PASSWORD)
    client.force_login(member)
    response = client.get(hidden.board.url)
    assert response.status_code == 200
    assert "Réservé aux administrateurs." in response.content.decode()


def test_password_protected_page_shows_only_the_password_form(client, hidden):
    response = client.get(hidden.protected.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="password"' in content
    assert "Le contenu protégé par mot de passe." not in content


# --- Other ways in ----------------------------------------------------------------------------


def test_menus_leave_them_out(client, hidden):
    for page in (hidden.tree.home, hidden.tree.news_index, hidden.tree.standard):
        content = client.get(page.url).content.decode()
        assert_no_hidden_title(content, hidden)
    content = client.get(hidden.tree.ar_home.url).content.decode()
    assert_no_hidden_title(content, hidden)


def test_listings_leave_them_out(client, hidden):
    content = client.get(hidden.tree.news_index.url).content.decode()
    assert "Rencontre annuelle" in content  # the public item is listed
    assert_no_hidden_title(content, hidden)
    ar_index = hidden.tree.news_index.get_translation(hidden.tree.ar_home.locale)
    assert_no_hidden_title(client.get(ar_index.url).content.decode(), hidden)


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("fr", "Brouillon"),
        ("fr", "conseil"),
        ("fr", "Procès-verbal"),
        ("fr", "protégée"),
        ("ar", "الاجتماع"),
    ],
)
def test_search_leaves_them_out(client, hidden, language, query):
    for params in ({"q": query}, {"q": query, "languages": "all"}):
        response = client.get(f"/{language}/search/", params)
        assert response.status_code == 200
        assert_no_hidden_title(response.content.decode(), hidden)
    suggestions = client.get(f"/{language}/search/suggest/", {"q": query})
    assert_no_hidden_title(suggestions.content.decode(), hidden)


def test_sitemap_leaves_them_out(client, hidden):
    content = client.get("/sitemap.xml").content.decode()
    assert hidden.tree.news.full_url in content
    for page in (hidden.draft, hidden.board, hidden.minutes, hidden.protected):
        assert page.full_url not in content
    assert hidden.unpublished_translation.full_url not in content


def test_feeds_leave_them_out(client, hidden):
    for url in (hidden.tree.news_index.url + "rss/", hidden.tree.news_index.url + "atom/"):
        response = client.get(url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Rencontre annuelle" in content
        assert_no_hidden_title(content, hidden)
    ar_index = hidden.tree.news_index.get_translation(hidden.tree.ar_home.locale)
    assert_no_hidden_title(client.get(ar_index.url + "rss/").content.decode(), hidden)


def test_api_leaves_them_out(client, hidden):
    listed = set()
    url = "/api/v2/pages/?limit=20"
    response = client.get(url)
    payload = response.json()
    assert payload["meta"]["total_count"] <= 20
    listed = {item["id"] for item in payload["items"]}
    assert hidden.tree.news.pk in listed
    assert not listed & hidden.hidden_pks
    for pk in hidden.hidden_pks:
        assert client.get(f"/api/v2/pages/{pk}/", follow=True).status_code == 404
    search = client.get("/api/v2/pages/", {"search": "Brouillon"}).json()
    assert not {item["id"] for item in search["items"]} & hidden.hidden_pks


def test_editors_still_reach_drafts_in_the_admin(admin_client, hidden):
    """The hiding is the public side's: editors keep working on these pages."""
    response = admin_client.get(f"/admin/pages/{hidden.draft.pk}/edit/")
    assert response.status_code == 200
