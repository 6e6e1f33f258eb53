"""Wagtail's and wagtail-localize's words that this site translates differently.

Their French catalogs call a language a "région" (their word for "locale"); this
admin says "langue". The project's catalogs, read before any app's, hold the
corrections; listing the words here keeps ``makemessages`` from dropping them
(it keeps only what the code uses). ``translations/tests/test_admin_words.py``
fails if Wagtail adds another such word.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_LOCALE_WORDS = [
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("Locales"),
    ngettext_lazy(
        "A locale is disabled because a parent page is not translated.",
        "Some locales are disabled because some parent pages are not translated.",
        1,
    ),
    gettext_noop("%(locales_count)s locales"),
    gettext_noop("Successfully created %(locales)s for %(model_name)s '%(object)s'"),
    gettext_noop("Wagtail locales"),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new "
        "language or delete this locale."
    ),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '%(object)s' created."),
    gettext_noop("Locale '%(object)s' updated."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Locale '%(object)s' deleted."),
    gettext_noop("Delete locale"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    gettext_noop("locale"),
    gettext_noop("This locale cannot be synced into itself."),
    gettext_noop("Synchronise content from another locale"),
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content "
        "authored in the selected locale will be automatically copied to this one."
    ),
    gettext_noop("{} locales"),
]
