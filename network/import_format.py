"""The centres spreadsheet's format: its columns, and how a cell's text is read.

``COLUMN_REFERENCE`` documents the file for the team (the ``import_centres``
command prints it); ``network.importing`` validates and applies the rows.
"""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django_countries import countries

from network.models import CentrePage

COLUMNS = (
    "reference",
    "title",
    "membership",
    "heritage_site",
    "town",
    "region",
    "country",
    "latitude",
    "longitude",
    "year_labelled",
    "website",
    "contact_email",
    "contact_phone",
    "address",
    "summary",
    "languages_spoken",
    "themes",
)
# What a new centre cannot do without; a file always carries these columns.
REQUIRED_COLUMNS = ("reference", "title", "summary", "heritage_site", "town", "country")
COORDINATE_COLUMNS = ("latitude", "longitude")
# Model fields stored as NULL rather than "" when the cell is empty.
NULLABLE_COLUMNS = (*COORDINATE_COLUMNS, "year_labelled")
THEME_SEPARATORS = re.compile(r"[|;,]")

COLUMN_REFERENCE = """\
The file: CSV in UTF-8 (with or without BOM), comma- or semicolon-separated
(LibreOffice "Text CSV", Excel "CSV UTF-8"), one centre per row, a header row
naming the columns in any order (case and spaces do not matter: "Contact email"
is contact_email). Line numbers in messages are the spreadsheet's row numbers,
the header being line 1.

Required columns: reference, title, summary, heritage_site, town, country.
Optional columns: membership, region, latitude, longitude, year_labelled,
website, contact_email, contact_phone, address, languages_spoken, themes.

  reference         the centre's stable key (letters, digits, - and _), unique
                    in the file; it finds the French centre again next time.
  title             the centre's name; a new centre's URL slug comes from it
                    (changing the title later does not change the URL).
  membership        label (CCR label, France) or international (international
                    network); the displayed names ("CCR label (France)",
                    "Label CCR (France)", "International network", "Réseau
                    international", ...) are accepted too. Default: label.
  heritage_site     the monument, e.g. Abbaye de Noirlac.
  town, region      the town; the department or region.
  country           ISO code (FR, LU, CAN...) or name in English or French
                    (Luxembourg, Bénin, Germany, Allemagne).
  latitude,         decimal degrees, point or comma as decimal separator,
  longitude         rounded to 6 decimals (about 10 cm).
  year_labelled     the year the centre was labelled or joined, e.g. 2015.
  website           a full address, https://...
  contact_email,    the centre's public contact details.
  contact_phone,
  address
  summary           two or three sentences shown on cards (400 characters at most).
  languages_spoken  e.g. "French, English, Spanish".
  themes            theme slugs of the portal (musique, patrimoine...),
                    separated by | or ; inside the cell.

Empty cells: an empty cell empties an optional field (and empty themes remove
every theme); required fields (and membership, when the column is present)
must not be empty. A column left out of the file leaves that field as it is.

New references create a published centre in the French directory; known ones
update the French centre and publish a new revision only when a value
differs. Centres absent from the file are left alone; translations are never
changed. A centre with a draft, in moderation, unpublished or locked in the
admin is not updated: its row is reported instead. If any row is bad,
nothing at all is changed.
"""


def fold(text):
    """Lower case without accents, so "Bénin", "benin" and "BENIN" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def country_codes_by_name():
    """ISO codes by folded English and French name."""
    codes = {}
    for language in ("en", settings.LANGUAGE_CODE):
        with translation.override(language):
            for code, name in countries:
                codes.setdefault(fold(str(name)), code)
    return codes


def membership_codes_by_label():
    """Membership codes by folded code and by displayed label in every language of the site."""
    codes = {fold(value): value for value in CentrePage.Membership.values}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in CentrePage.Membership.choices:
                codes.setdefault(fold(str(label)), value)
    return codes


def parse_coordinate(value, decimal_places):
    """A Decimal rounded to the field's precision, or the raw text for the model to reject."""
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    return number.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
