"""Import the old site's addresses: ``manage.py import_redirects FILE.csv [--dry-run] [--site ID]``.

It takes the place of Wagtail's own ``import_redirects`` (``seo`` comes before
``wagtail.contrib.redirects`` in INSTALLED_APPS), which imports the good rows
of a file and skips the bad ones, stores every target as a plain link, and
cannot update a redirect.
"""

from django.utils.translation import gettext as _

from portal.management.csv_command import CsvImportCommand
from seo.redirects_import import COLUMN_REFERENCE, RedirectImport, import_site


class Command(CsvImportCommand):
    help = (
        "Create or update Wagtail's redirects from a CSV file of the old site's addresses.\n"
        "Every row is checked first: if any is bad, nothing is changed and every bad row\n"
        "is reported with its line number.\n\n" + COLUMN_REFERENCE
    )
    file_help = "The redirects, saved as CSV."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--site",
            type=int,
            metavar="ID",
            default=None,
            help="The id of the site the redirects belong to (default: the default site).",
        )

    def run_import(self, data, options):
        site = import_site(options["site"])
        return RedirectImport(site).run(data, dry_run=options["dry_run"])

    def summary(self, report):
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
        return summary % counts

    def describe(self, change):
        redirect = change.redirect
        return _("line %(line)d: %(old_path)s → %(target)s (%(kind)s)") % {
            "line": change.line,
            "old_path": redirect.old_path,
            "target": change.target,
            "kind": "301" if redirect.is_permanent else "302",
        }
