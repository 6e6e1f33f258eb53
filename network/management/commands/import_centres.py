"""Import the team's spreadsheet of centres: ``manage.py import_centres FILE.csv [--dry-run]``."""

import argparse
import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils.translation import gettext as _

from network.importing import COLUMN_REFERENCE, CentreImport, CentreImportError, source_directory
from portal.management.loggers import quiet_loggers


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's option order, with the column reference printed as written."""


class Command(BaseCommand):
    help = (
        "Create or update the French centres from the team's spreadsheet, saved as CSV.\n"
        "Every row is checked first: if any is bad, nothing is changed and every bad row\n"
        "is reported with its line number.\n\n" + COLUMN_REFERENCE
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.csv", help="The spreadsheet saved as CSV.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be created and updated; change nothing.",
        )
        parser.add_argument(
            "--index",
            type=int,
            metavar="PAGE_ID",
            default=None,
            help="The id of the French directory of centres (default: the only one).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(_("There is no file %(path)s.") % {"path": path}) from None
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(reason)s.") % {"path": path, "reason": error.strerror}
            ) from None
        verbose = options["verbosity"] >= 2
        try:
            with contextlib.nullcontext() if verbose else quiet_loggers():
                directory = source_directory(options["index"])
                report = CentreImport(directory).run(data, dry_run=options["dry_run"])
        except CentreImportError as error:
            raise CommandError(str(error)) from None
        self.write_report(report)

    def write_report(self, report):
        if report.dry_run:
            self.stdout.write(_("Dry run: nothing was changed. The import would do this:"))
            sections = (
                (_("Would be created"), report.created),
                (_("Would be updated"), report.updated),
                (_("Unchanged"), report.unchanged),
            )
        else:
            sections = (
                (_("Created"), report.created),
                (_("Updated"), report.updated),
                (_("Unchanged"), report.unchanged),
            )
        for heading, changes in sections:
            if not changes:
                continue
            self.stdout.write(f"{heading} ({len(changes)}):")
            for change in changes:
                self.stdout.write("  " + self.describe(change))
        counts = {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "left_alone": report.left_alone,
            "directory": report.directory.title,
        }
        if report.dry_run:
            summary = _(
                "Dry run: %(created)d to create, %(updated)d to update, %(unchanged)d "
                "unchanged; %(left_alone)d other centres of “%(directory)s” left alone."
            )
        else:
            summary = _(
                "%(created)d created, %(updated)d updated, %(unchanged)d unchanged; "
                "%(left_alone)d other centres of “%(directory)s” left alone."
            )
        self.stdout.write(self.style.SUCCESS(summary % counts))

    def describe(self, change):
        text = _("line %(line)d: %(title)s [%(reference)s]") % {
            "line": change.line,
            "title": change.title,
            "reference": change.reference,
        }
        if change.changed_fields:
            text += " — " + ", ".join(change.changed_fields)
        return text
