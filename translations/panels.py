"""The translation panels of the admin's dashboard: what each role must do today.

- translators: the translations waiting for them (to translate, changes
  requested, ready to submit), in the languages they may edit but not publish;
- reviewers: the translations waiting for their review, by language;
- those who start translations (Communication): the translations whose French
  page changed since they were last synced.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_panels import DashboardPanel
from translations.status import OUTDATED, TRANSLATOR_STATUSES, build_report


@dataclass
class LocaleGroup:
    name: str
    rows: list


class TranslationsForYouPanel(DashboardPanel):
    """Translations waiting for their translator, for those who translate but do not publish."""

    name = "translations_for_you"
    panel_id = "translations-for-you"
    order = 205
    template_name = "translations/dashboard/translations_for_you.html"
    heading = _("Translations waiting for you")

    def get_rows(self):
        policy = PagePermissionPolicy()
        user = self.request.user
        translatable = (
            policy.instances_user_has_permission_for(user, "change")
            .exclude(locale=Locale.get_default())
            .exclude(pk__in=policy.instances_user_has_permission_for(user, "publish").values("pk"))
        )
        if not translatable.exists():
            return []
        rows = [
            row for row in build_report(pages_for=translatable) if row.status in TRANSLATOR_STATUSES
        ]
        rows.sort(key=lambda row: TRANSLATOR_STATUSES.index(row.status))
        return rows


class TranslationsInReviewPanel(DashboardPanel):
    """Translations waiting for review, one table per language, for those who review them."""

    name = "translations_in_review"
    panel_id = "translations-in-review"
    order = 215
    template_name = "translations/dashboard/translations_in_review.html"
    heading = _("Translations waiting for review")

    def get_rows(self):
        default_locale = Locale.get_default()
        states = (
            TaskState.objects.reviewable_by(self.request.user)
            .filter(
                status=TaskState.STATUS_IN_PROGRESS,
                workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            )
            .select_related("workflow_state", "revision__user")
            .order_by("started_at")
        )
        page_ids = {state.workflow_state.object_id for state in states}
        pages = {
            str(page.pk): page
            for page in Page.objects.filter(pk__in=page_ids)
            .exclude(locale=default_locale)
            .select_related("locale")
        }
        groups = {}
        for state in states:
            page = pages.get(state.workflow_state.object_id)
            if page is None:
                continue
            code = page.locale.language_code
            group = groups.setdefault(code, LocaleGroup(page.locale.get_display_name(), []))
            group.rows.append(
                {
                    "page": page,
                    "submitted_by": state.revision.user if state.revision else None,
                    "since": state.started_at,
                    # The translation editor, where the review panel is.
                    "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
            )
        return [groups[code] for code in sorted(groups)]


class OutdatedTranslationsPanel(DashboardPanel):
    """Translations whose French page changed since they were last synced."""

    name = "translations_outdated"
    panel_id = "translations-outdated"
    order = 235
    template_name = "translations/dashboard/outdated_translations.html"
    heading = _("Translations out of date")

    def get_rows(self):
        # Those who start translations sync them; for anyone else the report
        # (every page in every language) is not even built.
        if not self.request.user.has_perm("wagtail_localize.submit_translation"):
            return []
        return [row for row in build_report() if row.status == OUTDATED]

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["report_url"] = reverse("translations_status") + "?status=outdated"
        return context


PANELS = [TranslationsForYouPanel, TranslationsInReviewPanel, OutdatedTranslationsPanel]


def add_translation_panels(request, panels):
    panels.extend(panel(request) for panel in PANELS)
