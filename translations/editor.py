"""What the translation editor shows about a page translation's review.

wagtail-localize's editor is a React application that knows nothing of the
review: it offers "Publish" to those who may publish and "Delete" as the main
action to translators. ``templates/wagtail_localize/admin/edit_translation.html``
(this app's copy of wagtail-localize's template) hides its footer and shows
instead the panel built from :func:`review_panel`: where the translation
stands, the reviewer's comment, what changed in French, and the one next step
for the person reading: submit, resubmit, or approve and request changes.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation

from translations.review import translation_for
from translations.status import progress_by_source


@dataclass
class ChangedText:
    """A French text that changed since it was last translated, with that translation."""

    french: str
    french_before: str
    translation_before: str


@dataclass
class ReviewPanel:
    status: str
    explanation: str
    texts_total: int
    texts_left: int
    state: object = None
    comment: str = ""
    comment_by: object = None
    comment_at: object = None
    submitted_by: object = None
    submitted_at: object = None
    changed_texts: list = field(default_factory=list)
    submit_url: str = ""
    submit_label: str = ""
    can_submit: bool = False
    can_review: bool = False
    review_url: str = ""
    preview_url: str = ""
    next_url: str = ""


def _changed_texts(translation):
    """The untranslated texts that had a translation before their French changed."""
    locale = translation.target_locale
    untranslated = list(
        translation.source.stringsegment_set.annotate_translation(locale)
        .filter(translation__isnull=True)
        .select_related("string")
        .order_by("order")
    )
    previous = {}
    for earlier in (
        StringTranslation.objects.filter(
            locale=locale,
            context_id__in=[segment.context_id for segment in untranslated],
            has_error=False,
        )
        .select_related("translation_of")
        .order_by("updated_at")
    ):
        previous[earlier.context_id] = earlier
    return [
        ChangedText(
            segment.string.data,
            previous[segment.context_id].translation_of.data,
            previous[segment.context_id].data,
        )
        for segment in untranslated
        if segment.context_id in previous
    ]


def review_panel(page, user, editor_url):
    """The panel for ``page`` (a translation target) as ``user`` sees it, or None."""
    translation = translation_for(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        return None
    total, translated = translation.get_progress()
    panel = ReviewPanel(
        status="",
        explanation="",
        texts_total=total,
        texts_left=total - translated,
        submit_url=reverse("translations_submit_for_review", args=[page.pk]),
        next_url=editor_url,
        preview_url=reverse("wagtail_localize:preview_translation", args=[translation.pk]),
    )
    panel.can_submit = panel.texts_left == 0 and page.permissions_for_user(user).can_edit()
    state = page.current_workflow_state
    panel.state = state
    if state is None:
        panel.submit_label = _("Submit translation for review")
        if panel.texts_left:
            panel.status = _("Being translated")
            panel.explanation = _(
                "Translate every text below, then send the translation for review."
            )
            panel.changed_texts = _changed_texts(translation)
        elif page.live and not page.has_unpublished_changes:
            panel.status = pgettext_lazy("translation status", "Published")
            panel.explanation = _(
                "Visitors read this translation. Changes you make here reach them once a "
                "reviewer approves them."
            )
        else:
            panel.status = _("Ready to submit")
            panel.explanation = _(
                "Every text is translated. Send the translation for review: it goes live "
                "when a reviewer approves it."
            )
        return panel
    task_state = state.current_task_state
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        panel.status = _("Changes requested")
        panel.explanation = _(
            "The reviewer asked for changes. Make them below, then send the translation "
            "for review again."
        )
        panel.comment = task_state.comment if task_state else ""
        panel.comment_by = task_state.finished_by if task_state else None
        panel.comment_at = task_state.finished_at if task_state else None
        panel.submit_label = _("Resubmit for review")
        panel.changed_texts = _changed_texts(translation)
        return panel
    panel.status = _("Waiting for review")
    panel.submitted_by = state.requested_by
    panel.submitted_at = state.created_at
    task = task_state.task.specific
    actions = {name for name, _label, _modal in task.get_actions(page, user)}
    panel.can_review = {"approve", "reject"} <= actions and panel.texts_left == 0
    if panel.can_review:
        panel.explanation = _(
            "Preview the version sent for review, then approve it (it goes live at once) or "
            "ask the translator for changes."
        )
        panel.review_url = reverse("translations_review", args=[page.pk, task_state.pk])
        panel.preview_url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])
    else:
        panel.explanation = _(
            "A reviewer will approve it or ask for changes. A change made now is sent "
            "when you submit again."
        )
        if _last_translated_at(translation) > state.created_at:
            panel.submit_label = _("Submit the new version for review")
    return panel


def _last_translated_at(translation):
    """When a text of ``translation`` was last translated or corrected."""
    progress = progress_by_source([translation.source], translation.target_locale)
    entry = progress.get(translation.source_id)
    return (entry and entry.last_translated_at) or datetime.min.replace(tzinfo=UTC)
