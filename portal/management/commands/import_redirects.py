"""Import the old site's addresses: ``manage.py import_redirects FILE.csv [--dry-run] [--site ID]``.

It takes the place of Wagtail's own ``import_redirects`` (``portal`` comes
first in INSTALLED_APPS), which imports the good rows of a file and skips the
bad ones, stores every target as a plain link, and cannot update a redirect.
"""

import argparse
import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils.translation import gettext as _

from portal.csv_import import CsvImportError
from portal.management.loggers import quiet_loggers
from portal.redirects_import import COLUMN_REFERENCE, RedirectImport, import_site


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's option order, with the column reference printed as written."""


class Command(BaseCommand):
    help = (
        "Create or update Wagtail's redirects from a CSV file of the old site's addresses.\n"
        "Every row is checked first: if any is bad, nothing is changed and every bad row\n"
        "is reported with its line number.\n\n" + COLUMN_REFERENCE
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.csv", help="The redirects, saved as CSV.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be created and updated; change nothing.",
        )
        parser.add_argument(
            "--site",
            type=int,
            metavar="ID",
            default=None,
            help="The id of the site the redirects belong to (default: the default site).",
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
                site = import_site(options["site"])
                report = RedirectImport(site).run(data, dry_run=options["dry_run"])
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
        if report.warnings:
            self.stdout.write(
                self.style.WARNING(_("Warnings (%(count)d):") % {"count": len(report.warnings)})
            )
            for warning in report.warnings:
                self.stdout.write(self.style.WARNING("  " + warning))
        counts = {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "site": report.site.hostname,
        }
        if report.dry_run:
            summary = _(
                "Dry run: %(created)d redirects to create, %(updated)d to update, "
                "%(unchanged)d unchanged, for the site %(site)s."
            )
        else:
            summary = _(
                "%(created)d redirects created, %(updated)d updated, %(unchanged)d unchanged, "
                "for the site %(site)s."
            )
        self.stdout.write(self.style.SUCCESS(summary % counts))

    def describe(self, change):
        redirect = change.redirect
        return _("line %(line)d: %(old_path)s → %(target)s (%(kind)s)") % {
            "line": change.line,
            "old_path": redirect.old_path,
            "target": change.target,
            "kind": "301" if redirect.is_permanent else "302",
        }
