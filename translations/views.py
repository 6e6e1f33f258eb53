"""Admin views of the translation workflow (see ``translations.review``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page, TaskState
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from translations.review import (
    ReviewRefused,
    submit_for_review,
    sync_for_review,
    texts_left,
    translation_for,
)
from translations.status import STATUS_LABELS, build_report, csv_response, summarise


def _titles(pages):
    return ", ".join(
        f"{page.get_admin_display_title()} ({page.locale.get_display_name()})" for page in pages
    )


@require_POST
def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        submit_for_review(page, request.user)
    except ReviewRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("“%(title)s” has been sent for review: it will go live once a reviewer approves it.")
            % {"title": page.get_admin_display_title()},
        )
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_POST
def review_translation(request, page_id, task_state_id):
    """A reviewer approves the translation under review, or asks for changes with a comment."""
    page = get_object_or_404(Page, pk=page_id).specific
    task_state = get_object_or_404(
        TaskState,
        pk=task_state_id,
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__object_id=str(page.pk),
    )
    task = task_state.task.specific
    action = request.POST.get("action")
    if action not in {name for name, _label, _modal in task.get_actions(page, request.user)}:
        raise PermissionDenied
    comment = request.POST.get("comment", "").strip()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    translation = translation_for(page)
    title = page.get_admin_display_title()
    if action == "reject" and not comment:
        messages.error(request, _("Say what the translator should change: the comment is empty."))
        return redirect(edit_url)
    if action == "approve" and translation is not None and texts_left(translation):
        messages.error(
            request, _("This translation has texts left to translate: it cannot be approved.")
        )
        return redirect(edit_url)
    task.on_action(task_state, request.user, action, comment=comment)
    scheduled = Page.objects.get(pk=page.pk).scheduled_revision
    if action == "approve" and scheduled is not None:
        messages.success(
            request,
            _("“%(title)s” is approved: it goes live on %(date)s, with its French page.")
            % {
                "title": title,
                "date": date_format(localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT"),
            },
        )
    elif action == "approve":
        messages.success(request, _("“%(title)s” is approved and published.") % {"title": title})
    else:
        messages.success(
            request,
            _("Changes requested on “%(title)s”: the translator sees your comment.")
            % {"title": title},
        )
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


def refuse_publishing(request, page):
    """The translation editor's "Publish", which would skip the review: refused."""
    messages.error(
        request,
        _(
            "Translations go live when a reviewer approves them: use “Submit translation "
            "for review”."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def refuse_incomplete_snippet(request, snippet):
    """The snippet translation editor's "Publish" while texts are left: it would show French."""
    messages.error(
        request,
        _(
            "Some texts are not translated yet: publishing now would show them in French. "
            "Translate them first."
        ),
    )
    return redirect(request.get_full_path())


def refuse_convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", which would publish the French page here."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    messages.error(
        request,
        _(
            "A page cannot be turned into a copy of the French page: it would show French "
            "text to visitors of another language. Translate it instead."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class AskForTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", which then opens the new translation's
    editor: the person asking (Communication) usually may not edit it, and got
    "Sorry, you do not have permission to access this area" after the success message.
    They go back to the French page's listing instead, where they came from."""

    def get_default_success_url(self, translated_page=None):
        if (
            translated_page is not None
            and translated_page.permissions_for_user(self.request.user).can_edit()
        ):
            return reverse("wagtailadmin_pages:edit", args=[translated_page.pk])
        return reverse("wagtailadmin_explore", args=[self.object.get_parent().pk])

    def get_success_message(self, locales):
        return _(
            "“%(title)s” will be translated into %(locales)s: its translators find it on their "
            "dashboard. Nothing is public before a reviewer approves it."
        ) % {"title": self.object.get_admin_display_title(), "locales": locales}


class SyncAndReviewForm(UpdateTranslationsForm):
    """wagtail-localize's sync form, whose 'publish' now means 'send for review'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field keeps its name for wagtail-localize's template; its meaning changes.
        field = self.fields["publish_translations"]
        field.label = gettext_lazy("Send the updated translations for review")
        field.help_text = gettext_lazy(
            "Each translation whose texts are all translated is saved as a draft and enters "
            "its language's review workflow; each one with new texts to translate goes back "
            "to its translators first. Nothing goes live before a reviewer approves it."
        )


class SyncAndReviewView(UpdateTranslationsView):
    """Replaces wagtail-localize's "Sync translated pages" so that syncing never publishes."""

    def get_form(self):
        if self.request.method == "POST":
            return SyncAndReviewForm(self.request.POST)
        return SyncAndReviewForm()

    def form_valid(self, form):
        send_for_review = form.cleaned_data["publish_translations"]
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if send_for_review:
            self.report(sync_for_review(self.object, self.request.user))
        return response

    def report(self, outcome):
        if outcome.sent_for_review:
            messages.success(
                self.request,
                ngettext(
                    "Sent for review: %(pages)s.",
                    "Sent for review: %(pages)s.",
                    len(outcome.sent_for_review),
                )
                % {"pages": _titles(outcome.sent_for_review)},
            )
        if outcome.back_to_translators:
            messages.warning(
                self.request,
                _(
                    "Back to the translators, who have new texts to translate before review: "
                    "%(pages)s."
                )
                % {"pages": _titles(outcome.back_to_translators)},
            )
        if outcome.snippets_to_translate:
            messages.warning(
                self.request,
                _("Still to translate (the current translation stays until then): %(items)s.")
                % {"items": ", ".join(str(snippet) for snippet in outcome.snippets_to_translate)},
            )


def translation_status(request):
    """The translation status report, filterable by language and status, exportable as CSV."""
    rows = build_report()
    summary = summarise(rows)
    language = request.GET.get("language", "")
    status = request.GET.get("status", "")
    if language:
        rows = [row for row in rows if row.locale.language_code == language]
    if status in STATUS_LABELS:
        rows = [row for row in rows if row.status == status]
    if request.GET.get("export") == "csv":
        return csv_response(rows, request)
    return TemplateResponse(
        request,
        "translations/admin/translation_status.html",
        {
            "rows": rows,
            "summary": summary,
            "statuses": STATUS_LABELS,
            "language": language,
            "status": status,
            "page_title": _("Translation status"),
        },
    )
