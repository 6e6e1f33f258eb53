from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The review workflow between wagtail-localize and the public site (see ``review``).

    Listed before ``wagtail_localize`` in ``INSTALLED_APPS``: its admin URLs,
    hooks and templates run first and replace the ones of wagtail-localize
    that would publish a translation without review.
    """

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from translations.parents import connect_signals

        connect_signals()
