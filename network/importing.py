"""Import the team's spreadsheet of centres (a CSV export) into the French directory.

``CentreImport(directory).run(data, dry_run=False)`` reads the file, validates
every row, and only when every row is valid creates and updates the French
``CentrePage``s in one transaction. A file with any bad row changes nothing and
raises ``CentreImportError`` listing every problem as "line N: column: reason",
N being the row number the spreadsheet shows (the header is line 1).

Centres are found again by their ``reference``, the stable key of the
spreadsheet. Translations are never touched: wagtail-localize reports them as
out of date once their French source changes. The file's format and how its
cells are read: ``network/import_format.py``.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from network.import_format import (
    COLUMNS,
    COORDINATE_COLUMNS,
    NULLABLE_COLUMNS,
    REQUIRED_COLUMNS,
    THEME_SEPARATORS,
    country_codes_by_name,
    fold,
    membership_codes_by_label,
    parse_coordinate,
)
from network.models import CentrePage, NetworkIndexPage
from portal.csv_import import CsvImportError, KeyLines, line_message, read_table, rejected
from portal.i18n import SOURCE_LOCALE_ONLY, country_code
from portal.models import Theme

# Bad input: nothing was changed. ``errors`` lists every problem found. The
# shared CSV reading (portal/csv_import.py) raises it too.
CentreImportError = CsvImportError


@dataclass
class CentreChange:
    """What the import does to one centre: the row it comes from and the fields it sets."""

    line: int
    page: CentrePage
    changed_fields: list = field(default_factory=list)
    themes: list | None = None

    @property
    def title(self):
        return self.page.title

    @property
    def reference(self):
        return self.page.reference


@dataclass
class ImportReport:
    directory: NetworkIndexPage
    dry_run: bool
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    # Centres of the directory whose reference is not in the file.
    left_alone: int = 0


def source_directory(page_id=None):
    """The French directory the centres go into: the only one, or page ``page_id``."""
    source_locale = Locale.get_default()
    if page_id is not None:
        directory = NetworkIndexPage.objects.filter(pk=page_id).first()
        if directory is None:
            raise CentreImportError(
                [_("Page %(id)s is not a directory of centres.") % {"id": page_id}]
            )
        if directory.locale_id != source_locale.pk:
            raise CentreImportError(
                [
                    _(
                        "Page %(id)s is a translation of the directory (%(language)s): import "
                        "into the French directory; translations follow through the "
                        "translation workflow."
                    )
                    % {"id": page_id, "language": directory.locale.language_code}
                ]
            )
        return directory
    directories = list(NetworkIndexPage.objects.filter(locale=source_locale).order_by("pk"))
    if not directories:
        raise CentreImportError(
            [_("There is no French directory of centres to import into: create it first.")]
        )
    if len(directories) > 1:
        raise CentreImportError(
            [
                _("There are several French directories of centres (page ids %(ids)s): choose one.")
                % {"ids": ", ".join(str(directory.pk) for directory in directories)}
            ]
        )
    return directories[0]


class CentreImport:
    """Validate a whole file, then apply it to the French directory in one transaction."""

    def __init__(self, directory):
        self.directory = directory
        self.country_codes = country_codes_by_name()
        self.membership_codes = membership_codes_by_label()
        # Filled by plan(): the file's known themes, and the slugs used under the directory.
        self.themes = {}
        self.taken_slugs = set()

    def run(self, data, dry_run=False):
        """Import ``data`` (the file's bytes); raise ``CentreImportError`` on any bad input."""
        rows, columns = self.read(data)
        report = self.plan(rows, columns, dry_run)
        if not dry_run:
            self.apply(report)
        return report

    def read(self, data):
        """The data rows as ``(line, {column: stripped cell})`` and the columns present."""
        rows, columns = read_table(data, COLUMNS, REQUIRED_COLUMNS)
        if not rows:
            raise CentreImportError([_("The file has a header but no centres.")])
        return rows, columns

    def plan(self, rows, columns, dry_run):
        """Validate every row against the model and decide what happens to each centre."""
        references = [values["reference"] for _line, values in rows if values["reference"]]
        french_centres = defaultdict(list)
        other_languages = defaultdict(set)
        for page in CentrePage.objects.filter(reference__in=references).select_related("locale"):
            if page.locale_id == self.directory.locale_id:
                french_centres[page.reference].append(page)
            else:
                other_languages[page.reference].add(page.locale.language_code)
        theme_slugs = {
            slug for _line, values in rows for slug in self.theme_slugs(values.get("themes", ""))
        }
        self.themes = {
            theme.slug: theme
            for theme in Theme.objects.filter(SOURCE_LOCALE_ONLY, slug__in=theme_slugs)
        }
        self.taken_slugs = set(self.directory.get_children().values_list("slug", flat=True))

        report = ImportReport(directory=self.directory, dry_run=dry_run)
        errors = []
        keys = KeyLines("reference")
        for line, values in rows:
            reference = values["reference"]
            row_errors = keys.check(line, reference)
            change, action = self.plan_row(
                line,
                values,
                columns,
                french_centres.get(reference, []),
                other_languages.get(reference, set()),
                row_errors,
            )
            errors.extend(row_errors)
            if not row_errors:
                getattr(report, action).append(change)
        if errors:
            raise rejected(errors)
        report.left_alone = (
            CentrePage.objects.child_of(self.directory).exclude(reference__in=references).count()
        )
        return report

    def theme_slugs(self, cell):
        slugs = (slug.strip() for slug in THEME_SEPARATORS.split(cell))
        return list(dict.fromkeys(slug for slug in slugs if slug))

    def plan_row(self, line, values, columns, matches, other_languages, errors):
        """Fill a centre from one row; return the change and "created", "updated" or "unchanged"."""

        def error(column, reason):
            errors.append(line_message(line, column, reason))

        reference = values["reference"]
        if not reference:
            error("reference", _("empty: every centre needs its reference"))
        if len(matches) > 1:
            error(
                "reference",
                _(
                    "%(count)d French centres have this reference (page ids %(ids)s): give "
                    "each its own in the admin first"
                )
                % {"count": len(matches), "ids": ", ".join(str(page.pk) for page in matches)},
            )
        elif not matches and other_languages:
            error(
                "reference",
                _(
                    "“%(reference)s” belongs only to a translated centre (%(languages)s), not "
                    "to a French one: the import works on French centres"
                )
                % {"reference": reference, "languages": ", ".join(sorted(other_languages))},
            )

        is_new = len(matches) != 1
        if is_new:
            page = CentrePage(locale=self.directory.locale, owner=None, live=False)
            before = {}
            old_theme_ids = set()
        else:
            page = matches[0]
            model_columns = [column for column in columns if column != "themes"]
            before = {column: self.stored_value(page, column) for column in model_columns}
            old_theme_ids = {theme.pk for theme in page.themes.all()}

        unconverted = set()
        for column in columns:
            value = values[column]
            if column == "themes":
                continue
            if column == "membership":
                membership = self.membership_codes.get(fold(value))
                if membership is None:
                    unconverted.add(column)
                    error(
                        column,
                        _("“%(value)s” is not a membership: write label or international")
                        % {"value": value}
                        if value
                        else _("empty: write label or international"),
                    )
                    continue
                value = membership
            elif column == "country" and value:
                code = country_code(value) or self.country_codes.get(fold(value))
                if not code:
                    unconverted.add(column)
                    error(
                        column,
                        _("“%(value)s” is not a country: write its ISO code (FR) or its name")
                        % {"value": value},
                    )
                    continue
                value = code
            elif column in COORDINATE_COLUMNS:
                value = parse_coordinate(value, CentrePage._meta.get_field(column).decimal_places)
            elif column in NULLABLE_COLUMNS:
                value = value or None
            elif not self.fits(column, value, error):
                unconverted.add(column)
                continue
            setattr(page, column, value)

        themes = None
        if "themes" in columns:
            slugs = self.theme_slugs(values["themes"])
            unknown = [slug for slug in slugs if slug not in self.themes]
            if unknown:
                error(
                    "themes",
                    _("unknown theme slugs: %(slugs)s") % {"slugs": ", ".join(unknown)},
                )
            else:
                themes = [self.themes[slug] for slug in slugs]
                page.themes.set(themes)

        if is_new:
            page.slug = self.new_slug(page.title, reference)
        try:
            page.full_clean(exclude=["path", "depth", *unconverted] if is_new else unconverted)
        except ValidationError as invalid:
            for name, messages in invalid.message_dict.items():
                column = None if name == NON_FIELD_ERRORS else name
                # The slug is made from the title: a problem with it is the title's.
                if column in ("slug", "draft_title"):
                    column = "title"
                for message in messages:
                    error(column, message)
        if errors:
            return None, None

        change = CentreChange(line=line, page=page, themes=themes)
        if is_new:
            self.taken_slugs.add(page.slug)
            return change, "created"
        change.changed_fields = [
            column for column, value in before.items() if self.stored_value(page, column) != value
        ]
        if themes is not None and {theme.pk for theme in themes} != old_theme_ids:
            change.changed_fields.append("themes")
        if not change.changed_fields:
            return change, "unchanged"
        blocker = self.edit_blocker(page)
        if blocker:
            error(None, blocker % {"fields": ", ".join(change.changed_fields)})
            return None, None
        return change, "updated"

    def fits(self, column, value, error):
        """Apply a text field's ``max_length``, which Django checks in forms but not in models."""
        model_field = CentrePage._meta.get_field(column)
        if not isinstance(model_field, models.TextField) or not model_field.max_length:
            return True
        try:
            MaxLengthValidator(model_field.max_length)(value)
        except ValidationError as too_long:
            for message in too_long.messages:
                error(column, message)
            return False
        return True

    def stored_value(self, page, column):
        """The value as the database stores it, so "46.7447" equals 46.744700."""
        model_field = CentrePage._meta.get_field(column)
        return model_field.get_prep_value(model_field.value_from_object(page))

    def edit_blocker(self, page):
        """Why publishing this centre would lose or bypass an editor's work, if it would."""
        if page.locked:
            return _("the centre is locked in the admin; unlock it to update %(fields)s")
        if not page.live:
            return _("the centre is unpublished in the admin; publish it to update %(fields)s")
        if page.has_unpublished_changes:
            return _(
                "the centre has a draft or is in moderation in the admin; publish or discard "
                "it to update %(fields)s"
            )
        return ""

    def new_slug(self, title, reference):
        base = slugify(title, allow_unicode=settings.WAGTAIL_ALLOW_UNICODE_SLUGS)
        base = base or slugify(reference) or "centre"
        slug, number = base, 1
        while slug in self.taken_slugs:
            number += 1
            slug = f"{base}-{number}"
        return slug

    @transaction.atomic
    def apply(self, report):
        """Create and publish new centres, publish a new revision of changed ones."""
        for change in report.created:
            page = change.page
            self.directory.add_child(instance=page)
            page.save_revision(user=None, log_action=True).publish(user=None)
        for change in report.updated:
            change.page.save_revision(user=None, log_action=True).publish(user=None)
