"""Create the locales of PORTAL_LANGUAGES and the translation review groups and workflows."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail import hooks
from wagtail.models import Locale

from translations.review import setup_translation_workflows


class Command(BaseCommand):
    help = (
        "Ensure a Wagtail locale exists for every language in settings.LANGUAGES, and a "
        "Translators group, a review workflow and Reviewers rights for every language whose "
        "home page exists, then what the after_setup_languages hooks add (the editorial "
        "groups' rights on the pages that exist, cockpit/roles.py). Safe to run again."
    )

    def handle(self, *args, **options):
        for code, _name in settings.LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.stdout.write(f"created locale {code}")
        report = setup_translation_workflows()
        # Apps above this one (the cockpit's roles) add their set-up without
        # this app importing them.
        for set_up in hooks.get_hooks("after_setup_languages"):
            report += set_up()
        for line in report:
            self.stdout.write(line)
        if not report:
            self.stdout.write("Languages and translation workflows are up to date.")
