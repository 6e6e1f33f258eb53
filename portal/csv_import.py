"""Reading the team's spreadsheets saved as CSV, shared by every import command.

The conventions, the same for every import: UTF-8 with or without BOM, comma-
or semicolon-separated, a header row naming the columns in any order (case,
spaces and hyphens do not matter), and line numbers as the spreadsheet shows
them, the header being line 1. ``read_table`` returns the data rows or raises
``CsvImportError`` listing every problem found; each import then validates the
rows' values itself, all or nothing.
"""

import csv
import io

from django.utils.translation import gettext as _

# Zip (.xlsx, .ods) and OLE (.xls) signatures: a workbook saved under a .csv name.
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


class CsvImportError(Exception):
    """Bad input: nothing was changed. ``errors`` lists every problem found."""

    def __init__(self, errors, summary=""):
        self.errors = list(errors)
        self.summary = summary
        super().__init__("\n".join(filter(None, [summary, *self.errors])))


def rejected(errors):
    """The error of a file with bad rows: nothing changed, every bad line listed."""
    return CsvImportError(
        errors,
        summary=_(
            "The file was not imported, nothing was changed. Correct these lines and run "
            "the import again:"
        ),
    )


def column_name(header_cell):
    return header_cell.strip().lower().replace(" ", "_").replace("-", "_")


def line_message(line, column, reason):
    if column is None:
        return _("line %(line)d: %(reason)s") % {"line": line, "reason": reason}
    return _("line %(line)d: %(column)s: %(reason)s") % {
        "line": line,
        "column": column,
        "reason": reason,
    }


class KeyLines:
    """Where each row's key (a centre's reference, an old path) was first seen."""

    def __init__(self, column):
        self.column = column
        self.first_line_of = {}

    def check(self, line, key):
        """A new list of the row's errors: ``key`` already given on an earlier line, or none."""
        if key in self.first_line_of:
            message = _("“%(value)s” is already on line %(line)d") % {
                "value": key,
                "line": self.first_line_of[key],
            }
            return [line_message(line, self.column, message)]
        if key:
            self.first_line_of[key] = line
        return []


def decode(data):
    if data.startswith(WORKBOOK_SIGNATURES):
        raise CsvImportError(
            [
                _(
                    "This is a spreadsheet workbook (.xlsx, .ods or .xls), not a CSV file: "
                    "save it as CSV (UTF-8) first."
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            [
                _(
                    "The file is not UTF-8 text (invalid byte near line %(line)d): save it as "
                    "“CSV UTF-8” in Excel, or choose the “Unicode (UTF-8)” character set in "
                    "LibreOffice."
                )
                % {"line": data[: error.start].count(b"\n") + 1}
            ]
        ) from None


def sniff_delimiter(text):
    """Comma or semicolon, whichever separates the header's column names.

    The header is plain column names, so counting there cannot be misled by the
    commas of a summary or an address, as a sniffer reading the rows can be.
    """
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def read_records(text):
    """The CSV records, numbered as spreadsheet rows (a quoted line break stays in its cell)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    records = []
    try:
        for line, cells in enumerate(reader, start=1):
            records.append((line, cells))
    except csv.Error as error:
        raise CsvImportError(
            [
                line_message(
                    len(records) + 1, None, _("not valid CSV (%(reason)s)") % {"reason": error}
                )
            ]
        ) from None
    return records


def read_header(cells, columns, required_columns):
    """The column name of each position (None for an unnamed one), or the header's errors."""
    names = [column_name(cell) or None for cell in cells]
    errors = []
    named = [name for name in names if name]
    missing = [column for column in required_columns if column not in named]
    if missing:
        errors.append(_("Missing required columns: %(columns)s.") % {"columns": ", ".join(missing)})
    unknown = [name for name in named if name not in columns]
    if unknown:
        errors.append(
            _("Unknown columns: %(columns)s (the columns are: %(known)s).")
            % {"columns": ", ".join(unknown), "known": ", ".join(columns)}
        )
    repeated = sorted({name for name in named if named.count(name) > 1})
    if repeated:
        errors.append(
            _("Columns named more than once: %(columns)s.") % {"columns": ", ".join(repeated)}
        )
    if errors:
        raise CsvImportError(errors, summary=_("The header row (line 1) is not right:"))
    return names


def read_table(data, columns, required_columns):
    """The data rows of ``data`` (the file's bytes) and the columns the header names.

    Rows come as ``(line, {column: stripped cell})``; blank spreadsheet rows are
    skipped. Raises ``CsvImportError`` for an unreadable file, a wrong header or
    rows whose cells do not match the header. An empty list of rows is returned
    as is: what a file without rows means is the caller's to say.
    """
    records = read_records(decode(data))
    if not records or not any(cell.strip() for cell in records[0][1]):
        raise CsvImportError([_("The file is empty: the first line must name the columns.")])
    names = read_header(records[0][1], columns, required_columns)
    rows, errors = [], []
    for line, cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # a blank spreadsheet row
        if len(cells) != len(names):
            errors.append(
                line_message(
                    line,
                    None,
                    _(
                        "the row has %(cells)d cells but the header has %(columns)d "
                        "columns (a cell with a line break or a separator needs quotes)"
                    )
                    % {"cells": len(cells), "columns": len(names)},
                )
            )
            continue
        values = {}
        for position, (name, cell) in enumerate(zip(names, cells, strict=True), start=1):
            if name:
                values[name] = cell.strip().replace("\r\n", "\n")
            elif cell.strip():
                errors.append(
                    line_message(
                        line,
                        None,
                        _("column %(position)d has a value but no name in the header")
                        % {"position": position},
                    )
                )
        rows.append((line, values))
    if errors:
        raise rejected(errors)
    return rows, [name for name in names if name]
