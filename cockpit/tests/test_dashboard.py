"""The admin home page's panels on a known tree (cockpit/dashboard.py)."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.users.models import UserProfile

from enquiries.tests.factories import build_enquiry_form
from portal.groups import COMMUNICATION_GROUP, NETWORK_GROUP, PROGRAMMES_GROUP, REVIEWERS_GROUP
from programmes.tests.factories import CallPageFactory
from translations.review import submit_for_review

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def cockpit(multilingual_tree, admin_user):
    tree = multilingual_tree
    now = timezone.now()
    tree.closing_soon = CallPageFactory(
        parent=tree.programme,
        title="Appel qui ferme bientôt",
        slug="ferme-bientot",
        opens_at=now - 10 * DAY,
        closes_at=now + 3 * DAY + datetime.timedelta(hours=1),
    )
    tree.closing_later = CallPageFactory(
        parent=tree.programme,
        title="Appel qui ferme plus tard",
        slug="ferme-plus-tard",
        opens_at=now - 10 * DAY,
        closes_at=now + 30 * DAY,
    )
    tree.opening_soon = CallPageFactory(
        parent=tree.programme,
        title="Appel qui ouvre bientôt",
        slug="ouvre-bientot",
        opens_at=now + 5 * DAY,
        closes_at=now + 60 * DAY,
    )
    tree.form = build_enquiry_form(tree.label)
    FormSubmission.objects.create(
        page=tree.form,
        form_data={"nom_complet": "Ana", "pays": "PT", "adresse_e_mail": "ana@example.org"},
    )
    call_command("setup_languages", stdout=StringIO())
    # The English news item waits for a reviewer.
    submit_for_review(tree.en_news, admin_user)
    # The French news item changed after its Arabic translation: out of date.
    tree.news.lead = "Un chapô réécrit."
    tree.news.save_revision().publish()
    # The position goes live next week; the standard page expires next month.
    tree.position.save_revision(approved_go_live_at=now + 7 * DAY)
    tree.standard.expire_at = now + 30 * DAY
    tree.standard.save_revision().publish()
    return tree


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def member(django_user_model, group):
    user = django_user_model.objects.create_user(username=group.lower(), password="x-long-pw-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_calls_closing_within_14_days_and_opening_soon(client, cockpit, admin_user):
    html = dashboard(client, admin_user)
    assert "Appel qui ferme bientôt" in html
    assert "Appel qui ferme plus tard" not in html, "closes in 30 days"
    assert "Appel qui ouvre bientôt" in html
    assert reverse("wagtailadmin_pages:edit", args=[cockpit.closing_soon.pk]) in html
    assert 'id="portal-calls-closing-section"' in html and "<caption" in html


def test_translation_in_review_appears_under_its_language(client, cockpit, admin_user):
    html = dashboard(client, admin_user)
    panel = html[html.index('id="translations-in-review-section"') :]
    assert "Annual meeting" in panel
    assert reverse("wagtailadmin_pages:edit", args=[cockpit.en_news.pk]) in panel


def test_out_of_date_translation_appears_with_its_sync_link(client, cockpit, admin_user):
    html = dashboard(client, admin_user)
    panel = html[html.index('id="translations-outdated-section"') :]
    assert "Rencontre annuelle" in panel
    assert reverse("translations_status") + "?status=outdated" in panel


def test_latest_enquiry_appears_with_language_country_and_link(client, cockpit, admin_user):
    html = dashboard(client, admin_user)
    panel = html[html.index('id="portal-latest-enquiries-section"') :]
    assert "Portugal" in panel
    assert reverse("wagtailforms:list_submissions", args=[cockpit.form.pk]) in panel


def test_scheduled_publication_and_expiry_appear(client, cockpit, admin_user):
    html = dashboard(client, admin_user)
    panel = html[html.index('id="portal-scheduled-pages-section"') :]
    assert cockpit.position.title in panel
    assert cockpit.standard.title in panel


def test_each_team_sees_only_what_it_may_act_on(client, cockpit, django_user_model):
    programmes = dashboard(client, member(django_user_model, PROGRAMMES_GROUP))
    assert "Appel qui ferme bientôt" in programmes
    assert 'id="portal-latest-enquiries-section"' not in programmes
    assert 'id="translations-outdated-section"' not in programmes

    network = dashboard(client, member(django_user_model, NETWORK_GROUP))
    assert 'id="portal-latest-enquiries-section"' in network
    assert "Appel qui ferme bientôt" not in network

    communication = dashboard(client, member(django_user_model, COMMUNICATION_GROUP))
    assert 'id="translations-outdated-section"' in communication
    assert 'id="portal-scheduled-pages-section"' in communication  # the position is theirs
    assert 'id="portal-calls-closing-section"' not in communication

    reviewers = dashboard(client, member(django_user_model, REVIEWERS_GROUP))
    assert 'id="translations-in-review-section"' in reviewers
    assert 'id="portal-latest-enquiries-section"' not in reviewers

    translator = dashboard(client, member(django_user_model, "Translators (ar)"))
    assert 'id="portal-' not in translator, "a translator has nothing to act on here"


def test_the_admin_speaks_french_to_a_french_editor(client, cockpit, django_user_model):
    editor = member(django_user_model, PROGRAMMES_GROUP)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="fr"' in html
    assert "Tableau de bord" in html  # Wagtail's own French catalogue
    profile.preferred_language = "en"
    profile.save()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Dashboard" in html
