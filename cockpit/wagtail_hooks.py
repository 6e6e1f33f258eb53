"""The cockpit's parts of the admin: dashboard panels, roles, content checks."""

from wagtail import hooks

from cockpit import content_checks, dashboard, roles

hooks.register("construct_homepage_panels", dashboard.add_dashboard_panels)
hooks.register("filter_form_submissions_for_user", roles.enquiry_form_pages_for_user)
hooks.register("construct_wagtail_userbar", content_checks.use_portal_checker)
hooks.register("after_create_page", content_checks.warn_after_save)
hooks.register("after_edit_page", content_checks.warn_after_save)
# ``manage.py setup_languages`` (translations) runs what this hook lists after
# its own work: the editorial groups' rights on the pages that exist.
hooks.register("after_setup_languages", roles.setup_roles)
