"""The team that owns each page type can open its Wagtail edit view."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cockpit.roles import (
    ADMINISTRATORS_GROUP,
    COMMUNICATION_GROUP,
    NETWORK_GROUP,
    PROGRAMMES_GROUP,
    setup_roles,
)

# Which group edits each page type (README, "Roles").
PAGE_OWNERS = {
    "home": ADMINISTRATORS_GROUP,
    "standard": COMMUNICATION_GROUP,
    "network": NETWORK_GROUP,
    "centre": NETWORK_GROUP,
    "label": NETWORK_GROUP,
    "call_index": PROGRAMMES_GROUP,
    "programmes": PROGRAMMES_GROUP,
    "programme": PROGRAMMES_GROUP,
    "call": PROGRAMMES_GROUP,
    "news_index": COMMUNICATION_GROUP,
    "news": COMMUNICATION_GROUP,
    "advocacy_index": COMMUNICATION_GROUP,
    "position": COMMUNICATION_GROUP,
}


@pytest.mark.parametrize("attr", PAGE_OWNERS)
def test_edit_view_loads_for_the_owning_team(client, django_user_model, site_tree, attr):
    setup_roles()
    editor = django_user_model.objects.create_user(
        username="editrice", email="editrice@example.org", password="motdepasse-long-1"
    )
    editor.groups.add(Group.objects.get(name=PAGE_OWNERS[attr]))
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
