"""What every panel of the admin's home page shares, whichever app adds it.

The cockpit's panels (``cockpit.dashboard``) and the translators' panels
(``translations.panels``) derive from ``DashboardPanel``: a panel lists rows,
each linking to the action that does it, and renders nothing when there are
none. Only what the person reading may act on is listed, hence
``pages_user_can_edit``.
"""

from django.template.loader import render_to_string
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

MAX_ROWS = 10


def pages_user_can_edit(user):
    """A queryset of the pages ``user`` may edit (all of them for a superuser)."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


class DashboardPanel(Component):
    """A panel rendered from ``template_name`` with the rows of ``get_rows()``;
    nothing at all when there are no rows.

    The template extends ``includes/admin_panel_table.html``, which frames the
    rows in Wagtail's panel with the id ``panel_id`` (the anchor of its heading).
    """

    heading = ""
    panel_id = ""

    def __init__(self, request):
        self.request = request

    def get_rows(self):
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        # A long list shows its first rows (``shown_rows``) and says how many in all.
        return {
            "panel": self,
            "rows": self.rows,
            "shown_rows": self.rows[:MAX_ROWS],
            "request": self.request,
        }

    def render_html(self, parent_context=None):
        self.rows = self.get_rows()
        if not self.rows:
            return ""
        return render_to_string(self.template_name, self.get_context_data(parent_context))
