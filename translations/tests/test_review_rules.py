"""The rule "translations go live only through review, and only once complete", view by view.

Each test names the defect of issue 12 it guards against. The journeys
themselves are clicked through in ``tests/browser/test_translation_journeys.py``;
these check each state-changing path of wagtail-localize and of this app,
including the requests a person cannot make from the interface.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Workflow, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from news.models import NewsIndexPage, NewsPage
from news.tests.factories import NewsPageFactory
from portal.groups import COMMUNICATION_GROUP, REVIEWERS_GROUP
from portal.tests.translation import translate
from translations.review import ReviewRefused, submit_for_review, texts_left, translation_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflows(multilingual_tree):
    call_command("setup_languages", stdout=StringIO())
    return multilingual_tree


def member(django_user_model, group, username=None):
    user = django_user_model.objects.create_user(
        username=username or group.lower().replace(" ", ""), password="x-long-password-1"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def translator(django_user_model, workflows):
    return member(django_user_model, "Translators (ar)", "amal")


@pytest.fixture
def reviewer(django_user_model, workflows):
    return member(django_user_model, REVIEWERS_GROUP, "rita")


@pytest.fixture
def communication(django_user_model, workflows):
    return member(django_user_model, COMMUNICATION_GROUP, "claire")


def arabic_translation(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ar"
    )


def fill(translation, strings=None, user=None):
    """What a translator types: every text, ``strings`` where given."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (strings or {}).get(entry.msgid, f"ع {entry.msgid}")
    translation.import_po(po, user=user)


def change_french_lead(page, lead):
    page.lead = lead
    page.save_revision().publish()


# 1. "Submit translation for review" posted to the page the browser was on (405).
def test_the_menu_buttons_post_to_the_submit_view(client, workflows, translator):
    client.force_login(translator)
    listing = client.get(reverse("wagtailadmin_explore", args=[workflows.ar_news.get_parent().pk]))
    submit_url = reverse("translations_submit_for_review", args=[workflows.ar_news.pk])
    assert f'data-w-action-url-value="{submit_url}"' in listing.content.decode()
    header = client.get(reverse("wagtailadmin_explore", args=[workflows.ar_news.pk]))
    assert f'data-w-action-url-value="{submit_url}"' in header.content.decode()


def test_the_translation_editor_offers_submit_for_review_not_publish_or_delete(
    client, workflows, translator
):
    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[workflows.ar_news.pk])).content
    html = html.decode()
    actions = html[html.index('class="translation-review-actions"') :]
    assert "Envoyer la traduction en relecture" in actions
    assert reverse("translations_submit_for_review", args=[workflows.ar_news.pk]) in actions
    # wagtail-localize's own footer (Publish, or Delete for a translator) is hidden.
    assert "translation-review-editor" in html


# 2. Sync for review by Communication: "permission denied", no review, lost state.
def test_communication_syncs_for_review_without_a_permission_error(
    client, workflows, communication
):
    news = workflows.news
    news.date = news.date.replace(year=news.date.year - 1)  # synchronised: no text changes
    news.save_revision().publish()
    source = TranslationSource.objects.get(object_id=news.translation_key)
    client.force_login(communication)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
        follow=True,
    )
    html = response.content.decode()
    assert "autorisation" not in html and response.status_code == 200
    assert "Envoyées en relecture" in html or "Envoyée en relecture" in html
    for page in (workflows.en_news, workflows.ar_news):
        state = Page.objects.get(pk=page.pk).current_workflow_state
        assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == communication


# 3. Sync for review sent French text to the reviewer.
def test_an_incomplete_translation_goes_back_to_its_translator_not_to_review(
    client, workflows, communication, translator
):
    news = workflows.news
    change_french_lead(news, "Un chapô tout neuf.")
    source = TranslationSource.objects.get(object_id=news.translation_key)
    client.force_login(communication)
    client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    ar_news = Page.objects.get(pk=workflows.ar_news.pk)
    assert ar_news.current_workflow_state is None
    # The translator's dashboard lists it, with the text left.
    client.force_login(translator)
    panel = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = panel[panel.index('id="translations-for-you-section"') :]
    assert "الاجتماع السنوي" in panel and "1 texte restant" in panel


def test_an_incomplete_translation_cannot_be_submitted_nor_approved(
    client, workflows, translator, reviewer
):
    ar_news = workflows.ar_news
    submit_for_review(ar_news, translator)
    task_state = Page.objects.get(pk=ar_news.pk).current_workflow_state.current_task_state
    change_french_lead(workflows.news, "Un autre chapô.")
    TranslationSource.objects.get(object_id=workflows.news.translation_key).update_from_db()
    with pytest.raises(ReviewRefused):
        submit_for_review(ar_news, translator)
    client.force_login(reviewer)
    response = client.post(
        reverse("translations_review", args=[ar_news.pk, task_state.pk]),
        {"action": "approve"},
        follow=True,
    )
    assert "ne peut pas être approuvée" in response.content.decode()
    assert not Page.objects.get(pk=ar_news.pk).specific.lead.startswith("Un autre")


def test_the_reviewers_preview_and_the_page_show_no_french(client, workflows, translator):
    news = NewsPageFactory(parent=workflows.news_index, title="Journée d'étude", lead="Un chapô.")
    translate(news, "ar", {"Journée d'étude": "يوم دراسي", "Un chapô.": "مقدمة."}, publish=False)
    target = news.get_translation(workflows.ar_home.locale)
    fill(arabic_translation(news), {"Journée d'étude": "يوم دراسي", "Un chapô.": "مقدمة."})
    submit_for_review(target, translator)
    revision = Page.objects.get(pk=target.pk).get_latest_revision_as_object()
    assert revision.lead == "مقدمة."


# 4. Asking for a translation published the parent as a live French alias.
def test_missing_parents_are_created_as_draft_translations_not_live_aliases(
    admin_client, workflows
):
    spanish = workflows.es_home.locale
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[workflows.news.pk]),
        {"locales": [spanish.pk]},
    )
    index = NewsIndexPage.objects.get(locale=spanish)
    assert index.alias_of_id is None and not index.live
    assert Translation.objects.filter(
        source__object_id=workflows.news_index.translation_key, target_locale=spanish
    ).exists()
    # Publishing the French index again (which updates aliases) keeps it unpublished.
    workflows.news_index.save_revision().publish()
    assert not NewsIndexPage.objects.get(pk=index.pk).live
    assert admin_client.get(index.url or "/es/actualites/").status_code == 404
    assert NewsPage.objects.get(locale=spanish).live is False


# 5. A translator could publish without review.
def test_a_translator_cannot_convert_a_translation_to_an_alias(client, workflows, translator):
    client.force_login(translator)
    url = reverse("wagtail_localize:convert_to_alias", args=[workflows.ar_news.pk])
    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        assert "copie de la page française" in response.content.decode()
    page = Page.objects.get(pk=workflows.ar_news.pk)
    assert page.alias_of_id is None
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "localize-convert-to-alias" not in editor


@pytest.mark.parametrize("who", ["translator", "reviewer", "admin_user"])
def test_nobody_publishes_a_translation_from_the_editor(client, workflows, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    ar_news = workflows.ar_news
    fill(arabic_translation(workflows.news), {"Rencontre annuelle": "عنوان جديد"})
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[ar_news.pk]), {"action": "publish"}, follow=True
    )
    assert "quand un relecteur les approuve" in response.content.decode()
    assert Page.objects.get(pk=ar_news.pk).title == "الاجتماع السنوي"


def test_po_upload_stopping_and_restarting_change_nothing_visitors_see(
    client, workflows, translator
):
    ar_news = workflows.ar_news
    translation = arabic_translation(workflows.news)
    client.force_login(translator)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "نص جديد"
    upload = StringIO(str(po))
    upload.name = "ar.po"
    client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[ar_news.pk]), {"localize-restart-translation": ""}
    )
    page = Page.objects.get(pk=ar_news.pk)
    assert page.live and page.title == "الاجتماع السنوي"
    assert "نص جديد" not in client.get(page.url).content.decode()


def test_a_translator_cannot_translate_snippets(client, workflows, translator):
    client.force_login(translator)
    theme = workflows.theme
    response = client.get(
        reverse("wagtail_localize:submit_snippet_translation", args=["portal", "theme", theme.pk])
    )
    assert response.status_code in (302, 403)
    assert not theme.get_translations().exists()


# 6. "Submit to Moderators approval" on every French page, approved by nobody.
def test_french_pages_have_no_workflow(workflows, client, communication):
    assert workflows.news.get_workflow() is None
    assert not Workflow.objects.get(name="Moderators approval").active
    client.force_login(communication)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[workflows.news.pk]))
    assert "Moderators approval" not in editor.content.decode()


# 7. The reviewer landed in an editor whose main action was "Publish".
def test_the_reviewers_link_opens_the_review_panel(client, workflows, translator, reviewer):
    submit_for_review(workflows.ar_news, translator)
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[workflows.ar_news.pk])
    assert edit_url in dashboard[dashboard.index('id="translations-in-review-section"') :]
    editor = client.get(edit_url).content.decode()
    actions = editor[editor.index('class="translation-review-actions"') :]
    assert "Approuver et publier" in actions and "Demander des modifications" in actions
    assert "Prévisualiser la version envoyée en relecture" in actions


def test_a_request_for_changes_needs_a_comment_that_the_translator_then_reads(
    client, workflows, translator, reviewer
):
    submit_for_review(workflows.ar_news, translator)
    task_state = Page.objects.get(pk=workflows.ar_news.pk).current_workflow_state
    task_state = task_state.current_task_state
    url = reverse("translations_review", args=[workflows.ar_news.pk, task_state.pk])
    client.force_login(reviewer)
    empty = client.post(url, {"action": "reject", "comment": " "}, follow=True)
    assert "le commentaire est vide" in empty.content.decode()
    client.post(url, {"action": "reject", "comment": "Le titre est trop long."})
    state = Page.objects.get(pk=workflows.ar_news.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[workflows.ar_news.pk]))
    assert "Le titre est trop long." in editor.content.decode()
    submit_for_review(workflows.ar_news, translator)
    state = Page.objects.get(pk=workflows.ar_news.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.pk == task_state.workflow_state_id, "the same review resumes"


# 8. A translated slug made a public redirect to an unpublished address.
def test_submitting_a_translated_slug_creates_no_redirect(workflows, translator):
    translation = arabic_translation(workflows.news)
    fill(translation, {workflows.news.slug: "al-liqa-al-sanawi"})
    redirects_before = Redirect.objects.count()
    submit_for_review(workflows.ar_news, translator)
    assert Redirect.objects.count() == redirects_before
    page = Page.objects.get(pk=workflows.ar_news.pk)
    assert page.slug == "al-ijtima", "the public page keeps its address until approval"
    assert page.get_latest_revision_as_object().slug == "al-liqa-al-sanawi"


def test_translation_for_finds_only_enabled_translations(workflows):
    translation = arabic_translation(workflows.news)
    assert translation_for(workflows.ar_news) == translation
    translation.enabled = False
    translation.save()
    assert translation_for(workflows.ar_news) is None


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
)
def test_machine_translation_fills_texts_and_publishes_nothing(client, workflows, translator):
    news = NewsPageFactory(parent=workflows.news_index, title="Atelier", lead="Un atelier.")
    translate(news, "ar", publish=False)
    translation = arabic_translation(news)
    StringTranslation.objects.filter(locale=translation.target_locale).filter(
        context__object_id=news.translation_key
    ).delete()
    client.force_login(translator)
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert texts_left(translation) == 0
    target = Page.objects.get(pk=news.get_translation(workflows.ar_home.locale).pk)
    assert not target.live and target.current_workflow_state is None
