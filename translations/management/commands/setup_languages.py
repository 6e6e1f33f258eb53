"""Create the locales of PORTAL_LANGUAGES and the translation review groups and workflows."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale

from portal.roles import setup_roles
from translations.review import setup_translation_workflows


class Command(BaseCommand):
    help = (
        "Ensure a Wagtail locale exists for every language in settings.LANGUAGES, and a "
        "Translators group, a review workflow and Reviewers rights for every language whose "
        "home page exists, and the editorial groups' rights on the pages that exist "
        "(portal/roles.py). Safe to run again."
    )

    def handle(self, *args, **options):
        for code, _name in settings.LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.stdout.write(f"created locale {code}")
        report = setup_translation_workflows() + setup_roles()
        for line in report:
            self.stdout.write(line)
        if not report:
            self.stdout.write("Languages and translation workflows are up to date.")
