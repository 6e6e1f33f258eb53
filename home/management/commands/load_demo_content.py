"""Build the French demo site: ``manage.py load_demo_content [--today YYYY-MM-DD]``.

Safe to run again: only what is missing is created, and nothing that exists is
changed or republished.
"""

import contextlib
import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.demo.builder import DemoBuilder
from portal.management.loggers import quiet_loggers


def iso_date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today expects a date as YYYY-MM-DD, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Create the French demo content of the portal (pages, images, documents, snippets). "
        "Objects that already exist are left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=str,
            default=None,
            metavar="YYYY-MM-DD",
            help="Build call and news dates relative to this day (default: today in Paris).",
        )

    def handle(self, *args, **options):
        today = iso_date(options["today"]) if options["today"] else timezone.localdate()
        verbose = options["verbosity"] >= 2
        log = self.stdout.write if verbose else None
        builder = DemoBuilder(today, log=log)
        quiet = contextlib.nullcontext() if verbose else quiet_loggers()
        try:
            with quiet, transaction.atomic():
                builder.build()
        except Exception as error:
            builder.delete_stored_files()
            raise CommandError(f"Could not build the demo content: {error}") from error
        self.stdout.write(self.style.SUCCESS(builder.summary()))
