"""Translations go live only after review, and translators work in their own language only."""

import io
from io import StringIO

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow
from wagtail_localize.models import Translation, TranslationSource

from network.models import CentrePage
from portal.tests.translation import translate
from translations.review import REVIEWERS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflows(multilingual_tree):
    call_command("setup_languages", stdout=StringIO())
    return multilingual_tree


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="x-long-password-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def arabic_translator(django_user_model, workflows):
    return member_of(django_user_model, "Translators (ar)", "traductrice-ar")


@pytest.fixture
def reviewer(django_user_model, workflows):
    return member_of(django_user_model, REVIEWERS_GROUP, "relectrice")


def test_setup_creates_one_workflow_and_translators_group_per_language_once(workflows):
    # Named in French, which every admin user reads (they translate from it).
    names = {
        "Relecture des traductions (en)",
        "Relecture des traductions (es)",
        "Relecture des traductions (ar)",
    }
    ours = Workflow.objects.filter(name__startswith="Relecture des traductions")
    assert set(ours.values_list("name", flat=True)) == names
    assert Group.objects.filter(name__startswith="Translators (").count() == 3
    call_command("setup_languages", stdout=StringIO())
    assert ours.count() == 3
    task = GroupApprovalTask.objects.get(name="Relecture de la traduction")
    assert task.groups.get().name == REVIEWERS_GROUP
    assert workflows.ar_home.get_workflow().name == "Relecture des traductions (ar)"
    assert workflows.home.get_workflow() is None, "French pages are published by their teams"


def test_arabic_translator_edits_arabic_only_and_cannot_publish(
    client, workflows, arabic_translator
):
    arabic = workflows.ar_news.permissions_for_user(arabic_translator)
    assert arabic.can_edit() and not arabic.can_publish()
    for page in (workflows.es_home, workflows.en_news, workflows.news):
        perms = page.permissions_for_user(arabic_translator)
        assert not perms.can_edit() and not perms.can_publish(), page.url

    client.force_login(arabic_translator)
    edit_spanish = client.get(reverse("wagtailadmin_pages:edit", args=[workflows.es_home.pk]))
    assert edit_spanish.status_code in (302, 403)
    submit_spanish = client.post(
        reverse("translations_submit_for_review", args=[workflows.es_home.pk])
    )
    assert submit_spanish.status_code in (302, 403)
    workflows.es_home.refresh_from_db()
    assert not workflows.es_home.workflow_in_progress
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[workflows.ar_news.pk])).status_code
        == 200
    )
    # wagtail-localize's editor refuses to publish for a translator.
    translation = Translation.objects.get(
        source__object_id=workflows.news.translation_key, target_locale=workflows.ar_news.locale
    )
    workflows.ar_news.refresh_from_db()
    live_revision = workflows.ar_news.live_revision_id
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[workflows.ar_news.pk]), {"action": "publish"}
    )
    assert response.status_code in (302, 403)
    workflows.ar_news.refresh_from_db()
    assert workflows.ar_news.live_revision_id == live_revision
    assert translation.target_locale.language_code == "ar"


def test_a_finished_translation_waits_for_a_reviewer(
    client, workflows, arabic_translator, reviewer
):
    news, ar_news = workflows.news, workflows.ar_news
    translation = Translation.objects.get(
        source__object_id=news.translation_key, target_locale=ar_news.locale
    )
    # The translator corrects the title in the translation editor's strings.
    po = translation.export_po()
    for entry in po:
        if entry.msgid == news.title:
            entry.msgstr = "الاجتماع السنوي للشبكة"
    translation.import_po(po, user=arabic_translator)

    client.force_login(arabic_translator)
    response = client.post(reverse("translations_submit_for_review", args=[ar_news.pk]))
    assert response.status_code == 302
    ar_news.refresh_from_db()
    assert ar_news.workflow_in_progress
    assert ar_news.has_unpublished_changes
    assert "الاجتماع السنوي للشبكة" not in client.get(ar_news.url).content.decode()

    client.force_login(reviewer)
    task_state = ar_news.current_workflow_state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[ar_news.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    ar_news.refresh_from_db()
    assert not ar_news.workflow_in_progress
    assert ar_news.title == "الاجتماع السنوي للشبكة"
    assert "الاجتماع السنوي للشبكة" in client.get(ar_news.url).content.decode()


def test_sync_sends_complete_translations_to_review_and_the_others_to_translators(
    admin_client, workflows
):
    news = workflows.news
    source = TranslationSource.objects.get(object_id=news.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert (
        "Envoyer les traductions mises à jour en relecture"
        in admin_client.get(url).content.decode()
    )
    # Only a synchronised field changes: every text keeps its translation.
    news.date = news.date.replace(year=news.date.year - 1)
    news.save_revision().publish()
    assert admin_client.post(url, {"publish_translations": "on"}).status_code == 302
    for page in (workflows.en_news, workflows.ar_news):
        page.refresh_from_db()
        assert page.workflow_in_progress, page.url
        assert page.specific.date != news.date  # the live version is unchanged

    # A text changes: the translations go back to their translators, out of review.
    news.lead = "Un nouveau chapô."
    news.save_revision().publish()
    response = admin_client.post(url, {"publish_translations": "on"}, follow=True)
    html = response.content.decode()
    assert "Retour aux traducteurs" in html
    for page in (workflows.en_news, workflows.ar_news):
        page.refresh_from_db()
        assert not page.workflow_in_progress, "a review would approve the old text"
        assert "Un nouveau chapô." not in page.specific.lead


def test_synchronised_fields_follow_the_source(multilingual_tree):
    centre = multilingual_tree.centre
    english = translate(centre, "en", {centre.title: "Noirlac Abbey"})
    assert list(english.themes.all()) == [multilingual_tree.theme]
    other_theme = multilingual_tree.theme.__class__.objects.create(
        name="Patrimoine", slug="patrimoine", locale=centre.locale
    )
    centre.latitude = "46.000001"
    centre.themes.set([other_theme])
    centre.save_revision().publish()
    source = TranslationSource.objects.get(object_id=centre.translation_key)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale=english.locale).save_target(publish=True)
    english = CentrePage.objects.get(pk=english.pk)
    assert str(english.latitude) == "46.000001"
    assert list(english.themes.all()) == [other_theme]
    assert english.title == "Noirlac Abbey"


def test_po_file_download_and_upload_round_trip(admin_client, multilingual_tree):
    en_news = multilingual_tree.en_news
    translation = Translation.objects.get(
        source__object_id=en_news.translation_key, target_locale=en_news.locale
    )
    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    titles = [entry for entry in po if entry.msgid == multilingual_tree.news.title]
    assert titles and titles[0].msgstr == "Annual meeting"
    titles[0].msgstr = "The network's annual meeting"
    upload = io.BytesIO(str(po).encode())
    upload.name = "en.po"
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}
    )
    assert response.status_code == 302
    translation.save_target(publish=False)
    Page.objects.get(pk=en_news.pk).get_latest_revision().publish()
    en_news.refresh_from_db()
    assert en_news.title == "The network's annual meeting"


def test_a_whole_section_is_translated_into_every_language_at_once_as_drafts(
    admin_client, workflows
):
    programmes = workflows.programmes
    locales = [workflows.en_home.locale, workflows.es_home.locale, workflows.ar_home.locale]
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[programmes.pk]),
        {"locales": [locale.pk for locale in locales], "include_subtree": "on"},
    )
    assert response.status_code == 302
    for locale in locales:
        for page in (programmes, workflows.programme, workflows.call):
            translated = page.get_translation_or_none(locale)
            assert translated is not None, (page.title, locale)
            assert not translated.live, "new translations wait for a translator and a reviewer"
    spanish_call = workflows.call.get_translation(workflows.es_home.locale)
    assert spanish_call.get_workflow().name == "Relecture des traductions (es)"


def test_translator_sees_the_submit_for_review_button(client, workflows, arabic_translator):
    client.force_login(arabic_translator)
    arabic_news_index = workflows.ar_news.get_parent()
    response = client.get(reverse("wagtailadmin_explore", args=[arabic_news_index.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    submit_url = reverse("translations_submit_for_review", args=[workflows.ar_news.pk])
    assert submit_url in html
    assert "Envoyer la traduction en relecture" in html


def test_setup_renames_the_workflows_of_an_earlier_install(multilingual_tree):
    """Sites set up before 2026-12 have English names: they are renamed, not doubled."""
    task = GroupApprovalTask.objects.create(name="Translation review")
    old = Workflow.objects.create(name="Translation review (en)")
    call_command("setup_languages", stdout=StringIO())
    old.refresh_from_db()
    task.refresh_from_db()
    assert old.name == "Relecture des traductions (en)"
    assert task.name == "Relecture de la traduction"
    assert not Workflow.objects.filter(name__startswith="Translation review").exists()
    assert GroupApprovalTask.objects.filter(name="Relecture de la traduction").count() == 1
