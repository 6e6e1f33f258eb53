from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from portal import content_checks, dashboard, roles, views
from portal.models import Theme
from portal.not_found import not_found_admin_urls, not_found_menu_item
from portal.translation_review import translation_for

register_snippet(Theme)


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    # Registered before wagtail_localize's own URLs (``portal`` comes first in
    # INSTALLED_APPS), so this path shadows its "Sync translated pages" view.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            views.SyncAndReviewView.as_view(),
            name="portal_sync_translations",
        ),
        path("translation-status/", views.translation_status, name="portal_translation_status"),
        path(
            "translation-review/<int:page_id>/submit/",
            views.submit_translation_for_review,
            name="portal_submit_translation_for_review",
        ),
    ]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def submit_for_review_button(page, user, view_name=None, next_url=None):
    """Shown on translated pages to those who may edit but not publish them."""
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or perms.can_publish() or page.workflow_in_progress:
        return
    if translation_for(page) is None:
        return
    yield ListingButton(
        _("Submit translation for review"),
        reverse("portal_submit_translation_for_review", args=[page.pk]),
        priority=61,
        icon_name="resubmit",
        attrs={"data-controller": "w-action", "data-action": "w-action#post"},
    )


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("portal_translation_status"),
        icon_name="wagtail-localize-language",
        order=700,
    )


# The "Pages not found" report, to find the old addresses that need a redirect.
hooks.register("register_admin_urls", not_found_admin_urls)
hooks.register("register_reports_menu_item", not_found_menu_item)


# --- The communication team's cockpit (dashboard, roles, content checks) ----------

hooks.register("construct_homepage_panels", dashboard.add_dashboard_panels)
hooks.register("filter_form_submissions_for_user", roles.enquiry_form_pages_for_user)
hooks.register("construct_wagtail_userbar", content_checks.use_portal_checker)
hooks.register("after_create_page", content_checks.warn_after_save)
hooks.register("after_edit_page", content_checks.warn_after_save)
