from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    """The communication team's admin: the home page's panels, the editorial
    roles, the content checks and the sign-in form.

    It sits on top of the content apps and may import any of them; nothing
    imports it. What it adds reaches the admin through Wagtail hooks
    (``cockpit/wagtail_hooks.py``), including its part of ``manage.py
    setup_languages`` (the ``after_setup_languages`` hook).
    """

    name = "cockpit"
    verbose_name = _("Cockpit")
