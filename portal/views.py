"""Admin views of the translation workflow (see portal.translation_review)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from portal.translation_review import send_updated_translations_for_review, submit_for_review
from portal.translation_status import STATUS_LABELS, build_report, csv_response, summarise


@require_POST
def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        submit_for_review(page, request.user)
    except PermissionDenied:
        raise
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” has been sent for review: it will go live once a reviewer approves it.")
            % {"title": page.get_admin_display_title()},
        )
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


class SyncAndReviewForm(UpdateTranslationsForm):
    """wagtail-localize's sync form, whose 'publish' now means 'send for review'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field keeps its name for wagtail-localize's template; its meaning changes.
        field = self.fields["publish_translations"]
        field.label = gettext_lazy("Send the updated translations for review")
        field.help_text = gettext_lazy(
            "Each updated page translation is saved as a draft and enters its language's "
            "review workflow; it goes live when a reviewer approves it."
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
            states = send_updated_translations_for_review(self.object, self.request.user)
            messages.success(
                self.request,
                ngettext(
                    "%(count)s translation sent for review.",
                    "%(count)s translations sent for review.",
                    len(states),
                )
                % {"count": len(states)},
            )
        return response


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
        return csv_response(rows)
    return TemplateResponse(
        request,
        "portal/admin/translation_status.html",
        {
            "rows": rows,
            "summary": summary,
            "statuses": STATUS_LABELS,
            "language": language,
            "status": status,
            "page_title": _("Translation status"),
        },
    )
