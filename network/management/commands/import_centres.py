"""Import the team's spreadsheet of centres: ``manage.py import_centres FILE.csv [--dry-run]``."""

from django.utils.translation import gettext as _

from network.import_format import COLUMN_REFERENCE
from network.importing import CentreImport, source_directory
from portal.management.csv_command import CsvImportCommand


class Command(CsvImportCommand):
    help = (
        "Create or update the French centres from the team's spreadsheet, saved as CSV.\n"
        "Every row is checked first: if any is bad, nothing is changed and every bad row\n"
        "is reported with its line number.\n\n" + COLUMN_REFERENCE
    )
    file_help = "The spreadsheet saved as CSV."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--index",
            type=int,
            metavar="PAGE_ID",
            default=None,
            help="The id of the French directory of centres (default: the only one).",
        )

    def run_import(self, data, options):
        directory = source_directory(options["index"])
        return CentreImport(directory).run(data, dry_run=options["dry_run"])

    def summary(self, report):
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
        return summary % counts

    def describe(self, change):
        text = _("line %(line)d: %(title)s [%(reference)s]") % {
            "line": change.line,
            "title": change.title,
            "reference": change.reference,
        }
        if change.changed_fields:
            text += " — " + ", ".join(change.changed_fields)
        return text
