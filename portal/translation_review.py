"""The review step between a translator and the public site.

wagtail-localize's translation editor publishes directly and bypasses Wagtail's
moderation workflows (wagtail-localize#676). Here:

- translations are saved as drafts (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``);
- each language other than French has a Translators group that may edit, but
  not publish, that language's tree only, and a workflow on that tree whose
  one task is approved by the Reviewers group;
- a translator sends a finished translation for review ("Submit translation
  for review"): it is saved as a draft revision and enters the workflow; a
  reviewer's approval publishes it;
- wagtail-localize's "Sync translated pages" with "publish" is replaced by
  "sync and send for review": the updated translations go through the same
  workflow instead of going live.

``setup_translation_workflows`` creates the groups, the task and the workflows
(idempotent; run by ``make run`` and the Procfile's release).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import Translation

REVIEWERS_GROUP = "Reviewers"
TRANSLATORS_GROUP = "Translators ({code})"
REVIEW_TASK = "Translation review"
REVIEW_WORKFLOW = "Translation review ({code})"
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def locale_home_pages():
    """The home page of each language other than the source language, by language code."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    return {
        page.locale.language_code: page
        for page in site.root_page.get_translations(inclusive=True).select_related("locale")
        if page.locale.language_code != settings.LANGUAGE_CODE
    }


def _grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


@transaction.atomic
def setup_translation_workflows():
    """Create (or complete) the groups, task and per-language workflows. Returns a report."""
    report = []
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    reviewers, created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    reviewers.permissions.add(admin_access)
    if created:
        report.append(f"created group {reviewers.name}")
    task, created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
    task.groups.add(reviewers)
    if created:
        report.append(f"created task {task.name}")

    for code, home in sorted(locale_home_pages().items()):
        translators, created = Group.objects.get_or_create(name=TRANSLATORS_GROUP.format(code=code))
        translators.permissions.add(admin_access)
        if created:
            report.append(f"created group {translators.name}")
        _grant_page_permissions(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
        _grant_page_permissions(reviewers, home, REVIEWER_PAGE_PERMISSIONS)

        workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW.format(code=code))
        if created:
            report.append(f"created workflow {workflow.name}")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return report


def translation_for(page):
    """The enabled wagtail-localize translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_translation_as_draft(translation, page, user):
    """Save the translation as a new revision, leaving what visitors see unchanged.

    wagtail-localize's ``save_target(publish=False)`` also writes the translated
    fields to the page's row, which for a live page is its public content. The
    row is put back from the live revision; the translation waits in the new one.
    """
    live_revision = page.live_revision if page.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is None:
        return
    draft_revision = Page.objects.get(pk=page.pk).get_latest_revision()
    public = live_revision.as_object()
    public.latest_revision = draft_revision
    public.draft_title = draft_revision.object_str
    public.has_unpublished_changes = True
    public.save(clean=False)


def submit_for_review(page, user):
    """Save the translation of ``page`` as a draft and put it in its language's workflow.

    Returns the workflow state; raises PermissionDenied if ``user`` may not edit the
    page and ValueError if the page is not a translation or has no workflow.
    """
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    translation = translation_for(page)
    if translation is None:
        raise ValueError(_("This page is not a translation."))
    workflow = page.get_workflow()
    if workflow is None:
        raise ValueError(_("No review workflow covers this language."))
    with transaction.atomic():
        save_translation_as_draft(translation, page, user)
        page = Page.objects.get(pk=page.pk).specific
        state = page.current_workflow_state
        if state is not None:
            # A new draft was saved: the reviewer must see it, so the review restarts.
            state.cancel(user=user)
        return workflow.start(page, user)


def send_updated_translations_for_review(source, user):
    """After a sync, put every updated page translation of ``source`` through review."""
    states = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if isinstance(target, Page):
            try:
                states.append(submit_for_review(target, user))
            except ValueError:
                # No workflow in that language: keep the updated draft unpublished.
                translation.save_target(user=user, publish=False)
        else:
            # Snippets have no draft state in this project: they are applied directly.
            translation.save_target(user=user, publish=True)
    return states
