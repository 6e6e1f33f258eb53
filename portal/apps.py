from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Here rather than in the middleware, so that changes made outside web
        # requests (scheduled publishing, management commands) clear it too.
        from portal import view_restrictions
        from portal.page_cache import connect_signals

        connect_signals()
        view_restrictions.install()
