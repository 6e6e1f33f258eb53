"""Each editorial group can do its work and cannot do the others' (cockpit/roles.py)."""

import importlib
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.models import GroupPagePermission

from cockpit.roles import (
    ADMINISTRATORS_GROUP,
    COMMUNICATION_GROUP,
    NETWORK_GROUP,
    PROGRAMMES_GROUP,
    REVIEWERS_GROUP,
    ROLES,
    setup_roles,
)
from enquiries.tests.factories import build_enquiry_form
from portal.tests.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles_tree(multilingual_tree):
    tree = multilingual_tree
    tree.form = build_enquiry_form(tree.label)
    tree.en_network = translate(tree.network, "en", {"Réseau": "Network"})
    tree.en_label = translate(tree.label, "en")
    tree.en_form = translate(tree.form, "en")
    call_command("setup_languages", stdout=StringIO())
    return tree


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        username=group_name.lower().replace(" ", "-").strip("()"), password="x-long-password-1"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def users(django_user_model, roles_tree):
    return {
        name: member_of(django_user_model, name)
        for name in (
            COMMUNICATION_GROUP,
            PROGRAMMES_GROUP,
            NETWORK_GROUP,
            ADMINISTRATORS_GROUP,
            REVIEWERS_GROUP,
            "Translators (en)",
        )
    }


def can_edit(page, user):
    return page.permissions_for_user(user).can_edit()


def can_publish(page, user):
    return page.permissions_for_user(user).can_publish()


def test_the_migration_created_the_groups_without_wagtails_broad_defaults(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {*ROLES, REVIEWERS_GROUP} <= names
    # Wagtail's "Editors" and "Moderators" could edit every page of every language.
    assert not names & {"Editors", "Moderators"}
    communication = Group.objects.get(name=COMMUNICATION_GROUP)
    assert communication.permissions.filter(codename="change_newscategory").exists()
    assert communication.collection_permissions.filter(permission__codename="add_image").exists()


def rights_by_group():
    return {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(group.collection_permissions.values_list("permission__codename", flat=True)),
        )
        for group in Group.objects.all()
    }


def test_the_groups_migration_again_changes_nothing(roles_tree):
    """A database migrated before the roles moved to ``cockpit`` ran the groups'
    migration as ``portal`` 0002; it now runs again as ``cockpit`` 0001."""
    from django.apps import apps

    groups_migration = importlib.import_module("cockpit.migrations.0001_editorial_groups")
    before = rights_by_group()
    groups_migration.create_groups(apps, schema_editor=None)
    assert rights_by_group() == before


def test_setup_roles_is_idempotent(roles_tree):
    rules = GroupPagePermission.objects.count()
    assert setup_roles() == []
    assert GroupPagePermission.objects.count() == rules


def test_communication_edits_news_advocacy_and_standard_pages_only(roles_tree, users):
    user, tree = users[COMMUNICATION_GROUP], roles_tree
    for page in (tree.news, tree.news_index, tree.position, tree.standard):
        assert can_edit(page, user) and can_publish(page, user), page.url_path
    for page in (tree.call, tree.programme, tree.centre, tree.label, tree.home, tree.en_news):
        assert not can_edit(page, user), page.url_path
    assert tree.news_index.permissions_for_user(user).can_add_subpage()


def test_programmes_edit_calls_not_news_nor_centres(roles_tree, users):
    user, tree = users[PROGRAMMES_GROUP], roles_tree
    for page in (tree.call, tree.programme, tree.call_index):
        assert can_edit(page, user) and can_publish(page, user), page.url_path
    for page in (tree.news, tree.centre, tree.label, tree.standard, tree.home):
        assert not can_edit(page, user), page.url_path


def test_network_edits_centres_and_label_not_calls(roles_tree, users):
    user, tree = users[NETWORK_GROUP], roles_tree
    for page in (tree.centre, tree.label, tree.network, tree.form):
        assert can_edit(page, user) and can_publish(page, user), page.url_path
    for page in (tree.call, tree.news, tree.position, tree.home, tree.en_network):
        assert not can_edit(page, user), page.url_path


def test_administrators_edit_every_language(roles_tree, users):
    user, tree = users[ADMINISTRATORS_GROUP], roles_tree
    for page in (tree.home, tree.call, tree.centre, tree.en_news, tree.ar_home):
        assert can_edit(page, user) and can_publish(page, user), page.url_path
    assert user.has_perm("auth.change_user") and not user.is_superuser


def test_translators_edit_their_language_only_and_reviewers_publish_translations(roles_tree, users):
    tree = roles_tree
    translator, reviewer = users["Translators (en)"], users[REVIEWERS_GROUP]
    assert can_edit(tree.en_news, translator) and not can_publish(tree.en_news, translator)
    for page in (tree.news, tree.ar_news):
        assert not can_edit(page, translator)
    assert can_publish(tree.en_news, reviewer) and can_publish(tree.ar_news, reviewer)
    assert not can_edit(tree.news, reviewer), "French pages are the content teams'"


def test_edit_views_answer_each_team(client, roles_tree, users):
    tree = roles_tree
    cases = [
        (COMMUNICATION_GROUP, tree.news, 200),
        (COMMUNICATION_GROUP, tree.call, 302),
        (PROGRAMMES_GROUP, tree.call, 200),
        (PROGRAMMES_GROUP, tree.news, 302),
        (NETWORK_GROUP, tree.centre, 200),
        (NETWORK_GROUP, tree.call, 302),
    ]
    for group, page, status in cases:
        client.force_login(users[group])
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        # Wagtail answers a refused edit with a redirect to the dashboard.
        assert response.status_code == status, (group, page.url_path)


def test_snippets_belong_to_communication_and_administrators(client, roles_tree, users):
    for group, allowed in (
        (COMMUNICATION_GROUP, True),
        (ADMINISTRATORS_GROUP, True),
        (PROGRAMMES_GROUP, False),
        (NETWORK_GROUP, False),
    ):
        user = users[group]
        assert user.has_perm("news.change_newscategory") is allowed, group
        assert user.has_perm("home.change_navigationmenu") is allowed, group
        client.force_login(user)
        response = client.get(reverse("wagtailsnippets_news_newscategory:list"))
        assert (response.status_code == 200) is allowed, group


def test_only_those_who_edit_the_french_form_read_enquiries_in_every_language(
    client, roles_tree, users
):
    tree = roles_tree
    both = {tree.form.pk, tree.en_form.pk}
    for group, expected in (
        (NETWORK_GROUP, both),
        (ADMINISTRATORS_GROUP, both),
        (COMMUNICATION_GROUP, set()),
        (PROGRAMMES_GROUP, set()),
        # Translators edit the English form's labels, but do not read the
        # project holders' personal data.
        ("Translators (en)", set()),
        (REVIEWERS_GROUP, set()),
    ):
        forms = set(get_forms_for_user(users[group]).values_list("pk", flat=True))
        assert forms == expected, group

    client.force_login(users[NETWORK_GROUP])
    submissions = reverse("wagtailforms:list_submissions", args=[tree.en_form.pk])
    assert client.get(submissions).status_code == 200
    client.force_login(users["Translators (en)"])
    assert client.get(submissions).status_code in (302, 403)


def test_programmes_and_administrators_manage_the_alert_subscribers(client, roles_tree, users):
    subscribers = reverse("alert_subscriptions:index")
    for group, allowed in (
        (PROGRAMMES_GROUP, True),
        (ADMINISTRATORS_GROUP, True),
        (COMMUNICATION_GROUP, False),
        (NETWORK_GROUP, False),
        ("Translators (en)", False),
    ):
        user = users[group]
        assert user.has_perm("alerts.delete_subscription") is allowed, group
        assert not user.has_perm("alerts.add_subscription"), group
        client.force_login(user)
        response = client.get(subscribers + "?export=csv")
        assert (response.status_code == 200) is allowed, group
