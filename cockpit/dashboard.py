"""The communication team's cockpit: panels on the admin's home page.

Each panel lists what needs doing soon, each row linking to the action that
does it, and shows only what the person reading may act on: calls, schedules
and enquiries are filtered by their page permissions, translations in review
by the review tasks they may approve, out-of-date translations shown only to
those who may start translations. A panel with nothing to show renders
nothing, and panels whose data is costly (the translation report) check the
permission before building anything.

Registered by ``construct_homepage_panels`` in ``cockpit/wagtail_hooks.py``.
"""

import datetime

from django.apps import apps
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Revision

from portal.admin_panels import MAX_ROWS, DashboardPanel, pages_user_can_edit

LATEST_ENQUIRIES = 5
# "Soon" on the dashboard: what happens in the next two weeks.
SOON = datetime.timedelta(days=14)


class CallsPanel(DashboardPanel):
    """French calls whose ``date_field`` falls in the next 14 days, soonest first,
    among those the reader may edit."""

    template_name = "cockpit/dashboard/calls.html"
    date_field = ""
    date_heading = ""
    shows_days_left = False

    def calls(self, now):
        call_page = apps.get_model("programmes", "CallPage")
        return call_page.objects.live().filter(
            locale=Locale.get_default(),
            pk__in=pages_user_can_edit(self.request.user).values("pk"),
            **{f"{self.date_field}__gt": now, f"{self.date_field}__lte": now + SOON},
        )

    def get_rows(self):
        now = timezone.now()
        calls = self.calls(now).order_by(self.date_field)[:MAX_ROWS]
        return [
            {
                "call": call,
                "when": getattr(call, self.date_field),
                "days_left": (call.closes_at - now).days,
            }
            for call in calls
        ]


class CallsClosingSoonPanel(CallsPanel):
    """Open calls whose deadline falls in the next 14 days."""

    name = "portal_calls_closing_soon"
    panel_id = "portal-calls-closing"
    order = 120
    heading = _("Calls closing in the next 14 days")
    date_field = "closes_at"
    date_heading = _("Deadline")
    shows_days_left = True

    def calls(self, now):
        return super().calls(now).filter(opens_at__lte=now)


class CallsOpeningSoonPanel(CallsPanel):
    """Calls that open in the next 14 days."""

    name = "portal_calls_opening_soon"
    panel_id = "portal-calls-opening"
    order = 130
    heading = _("Calls opening in the next 14 days")
    date_field = "opens_at"
    date_heading = _("Opens")


class LatestEnquiriesPanel(DashboardPanel):
    """The last enquiries from project holders, in any language, for those who answer them."""

    name = "portal_latest_enquiries"
    panel_id = "portal-latest-enquiries"
    order = 140
    template_name = "cockpit/dashboard/enquiries.html"
    heading = _("Latest enquiries from project holders")

    def get_rows(self):
        from django_countries import countries
        from wagtail.contrib.forms.models import FormSubmission
        from wagtail.contrib.forms.utils import get_forms_for_user

        form_page_model = apps.get_model("enquiries", "EnquiryFormPage")
        forms = get_forms_for_user(self.request.user).type(form_page_model)
        submissions = list(
            FormSubmission.objects.filter(page__in=forms)
            .select_related("page__locale")
            .order_by("-submit_time", "-pk")[:LATEST_ENQUIRIES]
        )
        if not submissions:
            return []
        pages = {
            page.pk: page
            for page in form_page_model.objects.filter(
                pk__in={submission.page_id for submission in submissions}
            ).prefetch_related("form_fields")
        }
        rows = []
        for submission in submissions:
            page = pages[submission.page_id]
            data = submission.get_data()
            country_code = next(
                (
                    data.get(field.clean_name)
                    for field in page.form_fields.all()
                    if field.field_type == "country"
                ),
                None,
            )
            rows.append(
                {
                    "submitted_at": submission.submit_time,
                    "language": submission.page.locale.get_display_name(),
                    "country": countries.name(country_code) if country_code else "",
                    "url": reverse("wagtailforms:list_submissions", args=[page.pk]),
                }
            )
        return rows

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["all_forms_url"] = reverse("wagtailforms:index")
        return context


class ScheduledPagesPanel(DashboardPanel):
    """What goes live or expires on a date set in advance, soonest first."""

    name = "portal_scheduled_pages"
    panel_id = "portal-scheduled-pages"
    order = 260
    template_name = "cockpit/dashboard/scheduled.html"
    heading = _("Scheduled to go live or expire")

    def get_rows(self):
        now = timezone.now()
        editable = pages_user_can_edit(self.request.user)
        rows = []
        # A publication scheduled in advance is a revision approved to go live
        # later; the page itself may be live (a change) or not yet (a new page).
        revisions = (
            Revision.page_revisions.filter(
                approved_go_live_at__gt=now,
                # Revisions point at their object by a text id.
                object_id__in=editable.annotate(
                    text_pk=Cast("pk", output_field=CharField())
                ).values("text_pk"),
            )
            .order_by("approved_go_live_at")
            .select_related("user")[:MAX_ROWS]
        )
        pages = {
            str(page.pk): page
            for page in Page.objects.filter(
                pk__in=[int(revision.object_id) for revision in revisions]
            ).select_related("locale")
        }
        for revision in revisions:
            page = pages.get(revision.object_id)
            if page is not None:
                rows.append(self._row(page, _("Goes live"), revision.approved_go_live_at))
        expiring = (
            editable.live()
            .filter(expire_at__gt=now)
            .select_related("locale")
            .order_by("expire_at")[:MAX_ROWS]
        )
        rows.extend(self._row(page, _("Expires"), page.expire_at) for page in expiring)
        rows.sort(key=lambda row: row["when"])
        return rows[:MAX_ROWS]

    @staticmethod
    def _row(page, event, when):
        return {
            "page": page,
            "event": event,
            "when": when,
            "language": page.locale.get_display_name(),
            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }


PANELS = [
    CallsClosingSoonPanel,
    CallsOpeningSoonPanel,
    LatestEnquiriesPanel,
    ScheduledPagesPanel,
]


def add_dashboard_panels(request, panels):
    panels.extend(panel(request) for panel in PANELS)
