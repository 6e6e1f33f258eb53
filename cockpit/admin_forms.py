"""Forms of Wagtail's admin that this site adjusts."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, whose password field has no label of its own: Django
    then shows the field's name, "Password", in English in every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
