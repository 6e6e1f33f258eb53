"""An editor can open the Wagtail edit view of every page type."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="editrice", email="editrice@example.org", password="motdepasse-long-1"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


PAGE_ATTRS = [
    "home",
    "standard",
    "network",
    "centre",
    "label",
    "call_index",
    "programmes",
    "programme",
    "call",
    "news_index",
    "news",
    "advocacy_index",
    "position",
]


@pytest.mark.parametrize("attr", PAGE_ATTRS)
def test_edit_view_loads_for_an_editor(client, editor, site_tree, attr):
    page = getattr(site_tree, attr)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize(
    "model_path", ["portal/theme", "news/newscategory", "home/navigationmenu", "home/footer"]
)
def test_snippet_listings_load_for_an_admin(admin_client, site_tree, model_path):
    app_label, model_name = model_path.split("/")
    url = reverse(f"wagtailsnippets_{app_label}_{model_name}:list")
    assert admin_client.get(url).status_code == 200
