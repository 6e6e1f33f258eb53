from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal import content_checks, dashboard, roles
from portal.models import Theme

register_snippet(Theme)


# --- The communication team's cockpit (dashboard, roles, content checks) ----------

hooks.register("construct_homepage_panels", dashboard.add_dashboard_panels)
hooks.register("filter_form_submissions_for_user", roles.enquiry_form_pages_for_user)
hooks.register("construct_wagtail_userbar", content_checks.use_portal_checker)
hooks.register("after_create_page", content_checks.warn_after_save)
hooks.register("after_edit_page", content_checks.warn_after_save)


@hooks.register("insert_global_admin_js")
def admin_words():
    """English words written by third-party admin scripts, in the admin's language."""
    return format_html(
        '<script src="{}" data-save-selected="{}" data-translation-of="{}"></script>',
        static("portal/admin-words.js"),
        gettext("Save selected"),
        # {source} and {target} are language names, e.g. "French" and "Arabic".
        gettext("{source} to {target} translation"),
    )
