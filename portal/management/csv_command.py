"""The shape shared by the CSV import commands (``import_centres``, ``import_redirects``).

Each reads a file, checks every row before changing anything (bad input raises
``CsvImportError`` listing every bad row, and the command exits non-zero with
it), then reports line by line what was (or, with ``--dry-run``, would be)
created, updated or left unchanged, and ends with a one-line summary.
"""

import argparse
import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils.translation import gettext as _

from portal.csv_import import CsvImportError
from portal.management.loggers import quiet_loggers


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's option order, with the column reference printed as written."""


class CsvImportCommand(BaseCommand):
    file_help = "The file, saved as CSV."

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.csv", help=self.file_help)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be created and updated; change nothing.",
        )

    def run_import(self, data, options):
        """Check and import ``data`` (bytes); return the report."""
        raise NotImplementedError

    def describe(self, change):
        """One line of the report for one created, updated or unchanged row."""
        raise NotImplementedError

    def summary(self, report):
        raise NotImplementedError

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
                report = self.run_import(data, options)
        except CsvImportError as error:
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
        warnings = getattr(report, "warnings", ())
        if warnings:
            self.stdout.write(
                self.style.WARNING(_("Warnings (%(count)d):") % {"count": len(warnings)})
            )
            for warning in warnings:
                self.stdout.write(self.style.WARNING("  " + warning))
        self.stdout.write(self.style.SUCCESS(self.summary(report)))
