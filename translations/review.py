"""The review step between a translator and the public site.

The rule: **a translation goes live only through a reviewer's approval, and
only once every text of it is translated.** wagtail-localize alone breaks it
in several places (its editor publishes, its sync publishes, saving a draft
writes the translation over the live page, wagtail-localize#676); this module
and the views and hooks of this app close each of them:

- each language other than French has a ``Translators (<code>)`` group that
  may edit, but not publish, that language's tree, and a workflow on that
  tree whose one task is approved by the ``Reviewers`` group;
- a translator sends a finished translation for review (:func:`submit_for_review`):
  the translation is saved as a new draft revision, without touching what
  visitors see, and enters the workflow; an incomplete one is refused;
- after the French page changes, *Sync translated pages* with "send for
  review" (:func:`sync_for_review`) sends each complete translation to review
  and gives each incomplete one back to its translator, whose dashboard lists
  it; nothing is published by the sync;
- the translation editor does not publish pages (``views.refuse_publishing``)
  nor convert them to aliases of the French page.

``setup_translation_workflows`` creates the groups, the task and the workflows
(idempotent; run by ``manage.py setup_languages``).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.coreutils import find_available_slug
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.models import Translation

from portal.groups import REVIEWERS_GROUP

TRANSLATORS_GROUP = "Translators ({code})"
# Workflow and task names are data, shown as typed in every admin language. They
# are French: everyone in this admin reads French, the language translated from.
REVIEW_TASK = "Relecture de la traduction"
REVIEW_WORKFLOW = "Relecture des traductions ({code})"
# Names used before 2026-12, renamed by setup_translation_workflows.
OLD_REVIEW_TASK = "Translation review"
OLD_REVIEW_WORKFLOW = "Translation review ({code})"
# Wagtail's own default workflow, attached to the root: with its Moderators group
# gone (cockpit/roles.py), nobody could approve it.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


class ReviewRefused(ValueError):
    """A translation that cannot be sent for review; the message says why, to the user."""


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


def _renamed(model, old_name, new_name):
    """The object named ``new_name``, renaming the one called ``old_name`` if needed."""
    existing = model.objects.filter(name=new_name).first()
    if existing is None:
        existing = model.objects.filter(name=old_name).first()
        if existing is not None:
            existing.name = new_name
            existing.save(update_fields=["name"])
    return existing


def _detach_wagtail_default_workflow(report):
    """French pages have no workflow: their teams publish them (cockpit/roles.py).

    Wagtail's migration attaches "Moderators approval" to the root, so every
    French page offered "Submit to Moderators approval", a review nobody could
    approve. Detached unless an administrator gave it approvers of their own.
    """
    workflow = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if workflow is None:
        return
    has_approvers = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, groups__user__isnull=False
    ).exists()
    if workflow.active and not has_approvers:
        workflow.deactivate()
        report.append(f"deactivated workflow {workflow.name}")


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
    task = _renamed(GroupApprovalTask, OLD_REVIEW_TASK, REVIEW_TASK)
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
        report.append(f"created task {task.name}")
    task.groups.add(reviewers)

    for code, home in sorted(locale_home_pages().items()):
        translators, created = Group.objects.get_or_create(name=TRANSLATORS_GROUP.format(code=code))
        translators.permissions.add(admin_access)
        if created:
            report.append(f"created group {translators.name}")
        _grant_page_permissions(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
        _grant_page_permissions(reviewers, home, REVIEWER_PAGE_PERMISSIONS)

        name = REVIEW_WORKFLOW.format(code=code)
        workflow = _renamed(Workflow, OLD_REVIEW_WORKFLOW.format(code=code), name)
        if workflow is None:
            workflow = Workflow.objects.create(name=name)
            report.append(f"created workflow {workflow.name}")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    _detach_wagtail_default_workflow(report)
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


def texts_left(translation):
    """How many texts (string segments) of ``translation`` have no translation yet."""
    total, translated = translation.get_progress()
    return total - translated


def save_translation_as_draft(translation, user):
    """Save the translation's current texts as a new draft revision of its page.

    wagtail-localize's ``save_target(publish=False)`` writes the translated
    fields to the page's row, which for a live page is what visitors see, and
    saves a translated slug there at once (Wagtail then creates a public
    redirect to an address that is not live). Here the translated page is
    built in memory, as wagtail-localize's preview builds it, and only saved
    as a revision: Wagtail's ``save_revision`` updates the row's draft
    metadata, never its content, so the public page changes on approval only.
    """
    page = translation.get_target_instance()
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=page.pk
    )
    draft.go_live_at, draft.expire_at = _schedule_of(translation.source.get_source_instance())
    revision = draft.save_revision(user=user, log_action=True)
    # View restrictions are not revisioned: a private French page's translation
    # is private from now on, not from its approval.
    translation.source.sync_view_restrictions(translation.source.as_instance(), page)
    return revision


def _schedule_of(french_page):
    """(go live, expire) for a translation of ``french_page``: never before it.

    wagtail-localize does not synchronise the publishing schedule (and its editor
    hides it): a translation approved while its French page waits for its go-live
    date would go live first. It takes the French page's dates instead.
    """
    go_live_at = None
    if not french_page.live:
        scheduled = french_page.scheduled_revision
        go_live_at = scheduled.approved_go_live_at if scheduled else french_page.go_live_at
    return go_live_at, french_page.expire_at


def _refresh(page):
    return Page.objects.get(pk=page.pk).specific


@transaction.atomic
def submit_for_review(page, user, *, check_permission=True):
    """Save the translation of ``page`` as a draft and put it in its language's workflow.

    A review asked for changes is resumed (the reviewer's comments stay with
    it); a review in progress restarts with the new draft. Returns the workflow
    state. Raises PermissionDenied if ``user`` may not edit the page (unless
    ``check_permission`` is False: the sync acts for the translators) and
    ReviewRefused if the page is not a translation, has no workflow or is not
    completely translated.
    """
    page = page.specific
    if check_permission and not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    translation = translation_for(page)
    if translation is None:
        raise ReviewRefused(_("This page is not a translation."))
    workflow = page.get_workflow()
    if workflow is None:
        raise ReviewRefused(_("No review workflow covers this language."))
    left = texts_left(translation)
    if left:
        raise ReviewRefused(
            ngettext(
                "%(count)s text is not translated yet: translate it before sending the "
                "translation for review.",
                "%(count)s texts are not translated yet: translate them before sending the "
                "translation for review.",
                left,
            )
            % {"count": left}
        )
    try:
        save_translation_as_draft(translation, user)
    except ValidationError as error:
        raise ReviewRefused(" ".join(error.messages)) from error
    page = _refresh(page)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return _refresh(page).current_workflow_state
    if state is not None:
        # The reviewer must see the new draft: the review restarts with it.
        state.cancel(user=user)
    return workflow.start(page, user)


def return_to_translator(page, user):
    """Stop a review in progress of ``page``: its translation needs work first."""
    state = _refresh(page).current_workflow_state
    if state is not None:
        state.cancel(user=user)


@dataclass
class SyncOutcome:
    """What a sync did with each translation: the pages by what happens next."""

    sent_for_review: list = field(default_factory=list)
    back_to_translators: list = field(default_factory=list)
    snippets_updated: list = field(default_factory=list)
    snippets_to_translate: list = field(default_factory=list)


def sync_for_review(source, user):
    """After a sync, move each translation of ``source`` to its next step.

    Runs for the person who syncs (Communication), who may not edit the
    translations themselves: the workflow is started in their name, without
    the editor's permission check. A complete page translation goes to
    review; an incomplete one (texts changed in French) goes back to its
    translator, and a review in progress of it stops, since it would approve
    the old text. A complete snippet translation is applied (snippets have no
    review in Wagtail); an incomplete one keeps its current version until its
    texts are translated, rather than showing French.
    """
    outcome = SyncOutcome()
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        complete = texts_left(translation) == 0
        if isinstance(target, Page):
            if complete:
                try:
                    submit_for_review(target, user, check_permission=False)
                except ReviewRefused:
                    outcome.back_to_translators.append(target)
                else:
                    outcome.sent_for_review.append(target)
            else:
                return_to_translator(target, user)
                outcome.back_to_translators.append(target)
        elif complete:
            translation.save_target(user=user, publish=True)
            outcome.snippets_updated.append(target)
        else:
            outcome.snippets_to_translate.append(target)
    return outcome
