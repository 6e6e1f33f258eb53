"""``manage.py import_centres``: the team's spreadsheet of centres in, all or nothing."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page, PageLogEntry, Revision

from network.import_format import COLUMNS
from network.models import CentrePage
from network.tests.factories import CentrePageFactory
from portal.tests.factories import ThemeFactory
from portal.tests.translation import translate

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "centres-sample.csv"
SAMPLE_REFERENCES = [
    "abbaye-de-noirlac",
    "abbaye-de-sylvanes",
    "chartreuse-de-neuville",
    "neimenster",
    "domaine-forget",
]


SAMPLE_THEMES = (
    "patrimoine",
    "mediation-culturelle",
    "spectacle-vivant",
    "recherche",
    "arts-visuels",
    "danse",
    "jardins-paysage",
)


@pytest.fixture
def tree(site_tree):
    """The site tree (with the theme "musique") and the other themes of the sample file."""
    for slug in SAMPLE_THEMES:
        ThemeFactory(name=slug.capitalize(), slug=slug)
    return site_tree


def sample_rows():
    with SAMPLE.open(encoding="utf-8", newline="") as sample:
        return list(csv.DictReader(sample))


def write_csv(path, rows, columns=COLUMNS, delimiter=",", encoding="utf-8"):
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: row.get(column, "") for column in columns} for row in rows)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def run_import(path, *options):
    """Run the command in English (messages are translated) and return what it printed."""
    stdout = io.StringIO()
    with translation.override("en"):
        call_command("import_centres", str(path), *options, stdout=stdout)
    return stdout.getvalue()


def import_error(path, *options):
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("import_centres", str(path), *options, stdout=io.StringIO())
    return str(raised.value)


def snapshot():
    """What an import may change: the pages, their revisions and their history."""
    return (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())


def imported(reference):
    return CentrePage.objects.get(reference=reference, locale__language_code="fr")


def test_sample_file_creates_published_centres_in_the_french_directory(tree):
    output = run_import(SAMPLE)

    assert "5 created, 0 updated, 0 unchanged; 1 other centres" in output
    assert "line 3: Abbaye de Sylvanès [abbaye-de-sylvanes]" in output
    centres = CentrePage.objects.child_of(tree.network).exclude(pk=tree.centre.pk)
    assert sorted(centres.values_list("reference", flat=True)) == sorted(SAMPLE_REFERENCES)
    for centre in centres:
        assert centre.live
        assert not centre.has_unpublished_changes
        assert centre.locale.language_code == "fr"
        assert centre.latest_revision.user is None
    sylvanes = imported("abbaye-de-sylvanes")
    assert sylvanes.slug == "abbaye-de-sylvanes"
    assert sylvanes.country.code == "FR"  # written "France"
    assert sylvanes.year_labelled == 2015
    assert sorted(theme.slug for theme in sylvanes.themes.all()) == [
        "musique",
        "patrimoine",
        "spectacle-vivant",
    ]
    noirlac = imported("abbaye-de-noirlac")
    assert noirlac.slug == "abbaye-de-noirlac"  # "noirlac" is the other Noirlac's
    assert (noirlac.latitude, noirlac.longitude) == (Decimal("46.7447"), Decimal("2.4636"))
    forget = imported("domaine-forget")
    assert forget.membership == CentrePage.Membership.INTERNATIONAL  # "International network"
    assert forget.country.code == "CA"
    assert imported("neimenster").country.code == "LU"
    assert imported("neimenster").slug == "neimenster"
    assert not imported("neimenster").themes.exists()
    assert PageLogEntry.objects.filter(page=forget, action="wagtail.publish", user=None).exists()


def test_imported_centres_are_served(tree, client):
    run_import(SAMPLE)

    response = client.get(imported("abbaye-de-sylvanes").url)

    assert response.status_code == 200
    assert "Abbaye de Sylvanès" in response.content.decode()


def test_reimporting_the_same_file_changes_nothing(tree):
    run_import(SAMPLE)
    before = snapshot()

    output = run_import(SAMPLE)

    assert "0 created, 0 updated, 5 unchanged" in output
    assert "Unchanged (5):" in output
    assert snapshot() == before


def test_an_edited_file_updates_only_the_changed_centre(tree, tmp_path):
    run_import(SAMPLE)
    revisions = {ref: imported(ref).revisions.count() for ref in SAMPLE_REFERENCES}
    rows = sample_rows()
    rows[3]["website"] = "https://www.neimenster.lu/"
    rows[3]["themes"] = "musique | patrimoine"
    rows[3]["latitude"] = "49.6098"
    rows[3]["longitude"] = "6.1372"  # 6.137200 once stored: a new format, not a new value
    path = write_csv(tmp_path / "edited.csv", rows)

    output = run_import(path)

    assert "0 created, 1 updated, 4 unchanged" in output
    assert "line 5: Neimënster [neimenster] — latitude, website, themes" in output
    neimenster = imported("neimenster")
    assert neimenster.website == "https://www.neimenster.lu/"
    assert neimenster.latitude == Decimal("49.609800")
    assert sorted(theme.slug for theme in neimenster.themes.all()) == ["musique", "patrimoine"]
    assert not neimenster.has_unpublished_changes
    for reference in SAMPLE_REFERENCES:
        expected = revisions[reference] + (reference == "neimenster")
        assert imported(reference).revisions.count() == expected


def test_left_out_columns_are_kept_and_empty_cells_clear_optional_fields(tree, tmp_path):
    run_import(SAMPLE)
    noirlac = imported("abbaye-de-noirlac")
    noirlac.contact_email = "contact@example.org"
    noirlac.save_revision().publish()
    row = {**sample_rows()[0], "region": "", "latitude": "", "longitude": ""}
    columns = [*(column for column in COLUMNS if column not in ("contact_email", "themes"))]
    path = write_csv(tmp_path / "partial.csv", [row], columns=columns)

    output = run_import(path)

    assert "0 created, 1 updated, 0 unchanged; 5 other centres" in output
    noirlac = imported("abbaye-de-noirlac")
    assert (noirlac.region, noirlac.latitude, noirlac.longitude) == ("", None, None)
    assert noirlac.contact_email == "contact@example.org"
    assert noirlac.themes.count() == 3


def test_a_title_change_keeps_the_address_of_the_page(tree, tmp_path):
    run_import(SAMPLE)
    rows = sample_rows()
    rows[1]["title"] = "Centre culturel de rencontre de Sylvanès"

    run_import(write_csv(tmp_path / "renamed.csv", rows))

    sylvanes = imported("abbaye-de-sylvanes")
    assert sylvanes.title == "Centre culturel de rencontre de Sylvanès"
    assert sylvanes.slug == "abbaye-de-sylvanes"


def test_new_centres_get_a_free_slug_under_the_directory(tree, tmp_path):
    rows = [
        {**sample_rows()[0], "reference": "noirlac-1", "title": "Noirlac"},
        {**sample_rows()[0], "reference": "noirlac-2", "title": "Noirlac"},
    ]

    run_import(write_csv(tmp_path / "twins.csv", rows))

    assert tree.centre.slug == "noirlac"
    assert imported("noirlac-1").slug == "noirlac-2"
    assert imported("noirlac-2").slug == "noirlac-3"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("themes", "musique|opera", "line 3: themes: unknown theme slugs: opera"),
        ("latitude", "123.5", "line 3: latitude: Ensure this value is less than or equal to 90"),
        ("longitude", "est", "line 3: longitude: “est” value must be a decimal number"),
        ("website", "noirlac.fr", "line 3: website: Enter a valid URL."),
        ("contact_email", "contact@", "line 3: contact_email: Enter a valid email address."),
        ("country", "Frnace", "line 3: country: “Frnace” is not a country"),
        ("membership", "partner", "line 3: membership: “partner” is not a membership"),
        ("membership", "", "line 3: membership: empty"),
        ("title", "", "line 3: title: This field cannot be blank."),
        ("summary", "x" * 401, "line 3: summary: Ensure this value has at most 400 characters"),
        ("year_labelled", "1789", "line 3: year_labelled: Ensure this value is greater than"),
        ("reference", "", "line 3: reference: empty"),
        ("reference", "abbaye de sylvanes", "line 3: reference: Enter a valid “slug”"),
        ("reference", "abbaye-de-noirlac", "line 3: reference: “abbaye-de-noirlac” is already"),
    ],
)
def test_a_bad_row_is_reported_and_nothing_is_created(tree, tmp_path, column, value, message):
    rows = sample_rows()
    rows[1][column] = value
    path = write_csv(tmp_path / "bad.csv", rows)
    before = snapshot()

    error = import_error(path)

    assert "The file was not imported, nothing was changed." in error
    assert message in error
    assert snapshot() == before


def test_every_bad_row_is_reported_and_no_centre_is_updated(tree, tmp_path):
    run_import(SAMPLE)
    before = snapshot()
    rows = sample_rows()
    rows[0]["website"] = "https://www.abbayedenoirlac.fr/"  # good, but not applied
    rows[2]["country"] = "Atlantis"
    rows[4]["latitude"] = "-91"
    rows[4]["themes"] = "theatre"

    error = import_error(write_csv(tmp_path / "bad.csv", rows))

    lines = error.splitlines()
    assert lines[1:] == [
        "line 4: country: “Atlantis” is not a country: write its ISO code (FR) or its name",
        "line 6: themes: unknown theme slugs: theatre",
        "line 6: latitude: Ensure this value is greater than or equal to -90.",
    ]
    assert snapshot() == before
    assert imported("abbaye-de-noirlac").website == ""


def test_a_reference_known_only_in_another_language_is_refused(tree, tmp_path):
    en_network = translate(tree.network, "en", {"Le réseau": "The network"})
    CentrePageFactory(parent=en_network, title="English only", reference="english-only")
    rows = [{**sample_rows()[0], "reference": "english-only"}]
    before = snapshot()

    error = import_error(write_csv(tmp_path / "english.csv", rows))

    assert "line 2: reference: “english-only” belongs only to a translated centre (en)" in error
    assert snapshot() == before


def test_translations_share_the_reference_and_are_not_touched(tree, tmp_path):
    tree.centre.reference = "noirlac"
    tree.centre.save_revision().publish()
    en_network = translate(tree.network, "en", {"Le réseau": "The network"})
    english = translate(tree.centre, "en", {"Abbaye de Noirlac": "Noirlac Abbey"})
    assert english.reference == "noirlac"
    english_revisions = english.revisions.count()
    row = {**sample_rows()[0], "reference": "noirlac", "title": "Abbaye de Noirlac"}

    output = run_import(write_csv(tmp_path / "noirlac.csv", [row]))

    assert "0 created, 1 updated, 0 unchanged" in output
    english.refresh_from_db()
    assert english.title == "Noirlac Abbey"
    assert english.latitude == Decimal("46.773000")  # the factory's, not the file's
    assert english.revisions.count() == english_revisions
    assert english.get_parent().pk == en_network.pk
    assert imported("noirlac").latitude == Decimal("46.744700")


def test_a_centre_with_a_draft_is_not_overwritten(tree, tmp_path):
    run_import(SAMPLE)
    sylvanes = imported("abbaye-de-sylvanes")
    sylvanes.summary = "Un brouillon en cours de relecture."
    sylvanes.save_revision()
    before = snapshot()
    rows = sample_rows()
    rows[1]["town"] = "Sylvanès (Aveyron)"

    error = import_error(write_csv(tmp_path / "draft.csv", rows))

    assert "line 3: the centre has a draft or is in moderation" in error
    assert "to update town" in error
    assert snapshot() == before
    assert imported("abbaye-de-sylvanes").get_latest_revision_as_object().summary == (
        "Un brouillon en cours de relecture."
    )


def test_a_centre_with_a_draft_is_unchanged_when_the_file_agrees(tree):
    run_import(SAMPLE)
    sylvanes = imported("abbaye-de-sylvanes")
    sylvanes.summary = "Un brouillon en cours de relecture."
    sylvanes.save_revision()

    output = run_import(SAMPLE)

    assert "0 created, 0 updated, 5 unchanged" in output


def test_dry_run_reports_and_changes_nothing(tree, tmp_path):
    before = snapshot()

    output = run_import(SAMPLE, "--dry-run")

    assert "Dry run: nothing was changed." in output
    assert "Would be created (5):" in output
    assert "line 6: Domaine Forget [domaine-forget]" in output
    assert "Dry run: 5 to create, 0 to update, 0 unchanged" in output
    assert snapshot() == before

    run_import(SAMPLE)
    before = snapshot()
    rows = sample_rows()
    rows[2]["region"] = "Pas-de-Calais"
    output = run_import(write_csv(tmp_path / "edited.csv", rows), "--dry-run")

    assert "Would be updated (1):" in output
    assert "line 4: Chartreuse de Neuville [chartreuse-de-neuville] — region" in output
    assert snapshot() == before
    assert imported("chartreuse-de-neuville").region == "Pas-de-Calais, Hauts-de-France"


def test_dry_run_reports_bad_rows_too(tree, tmp_path):
    rows = sample_rows()
    rows[0]["themes"] = "inconnu"

    error = import_error(write_csv(tmp_path / "bad.csv", rows), "--dry-run")

    assert "line 2: themes: unknown theme slugs: inconnu" in error


def test_semicolon_file_with_bom_as_french_spreadsheets_save_it(tree, tmp_path):
    rows = sample_rows()[:2]
    rows[0].update(
        latitude="46,7447",
        longitude="2,46361",
        themes="musique;patrimoine",
        address="Abbaye de Noirlac\n18200 Bruère-Allichamps",
        membership="LABEL CCR (FRANCE)",
    )
    rows[1]["membership"] = "réseau international"
    path = write_csv(tmp_path / "excel.csv", rows, delimiter=";", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfreference;title;")

    output = run_import(path)

    assert "2 created" in output
    noirlac = imported("abbaye-de-noirlac")
    assert noirlac.membership == CentrePage.Membership.LABEL
    assert (noirlac.latitude, noirlac.longitude) == (Decimal("46.7447"), Decimal("2.463610"))
    assert noirlac.address == "Abbaye de Noirlac\n18200 Bruère-Allichamps"
    assert sorted(theme.slug for theme in noirlac.themes.all()) == ["musique", "patrimoine"]
    assert imported("abbaye-de-sylvanes").membership == CentrePage.Membership.INTERNATIONAL


def test_line_numbers_are_spreadsheet_rows_even_after_a_cell_with_line_breaks(tree, tmp_path):
    rows = sample_rows()[:3]
    rows[0]["address"] = "Abbaye de Noirlac\nBP 1\n18200 Bruère-Allichamps"
    rows[2]["contact_email"] = "not an address"

    error = import_error(write_csv(tmp_path / "multiline.csv", rows))

    assert "line 4: contact_email: Enter a valid email address." in error


def test_header_names_are_forgiving_about_case_and_spaces(tree, tmp_path):
    rows = sample_rows()[:1]
    path = write_csv(tmp_path / "header.csv", rows)
    header, rest = path.read_bytes().split(b"\r\n", 1)
    path.write_bytes(header.replace(b"contact_email", b" Contact email ") + b"\r\n" + rest)

    assert "1 created" in run_import(path)


def test_missing_columns_are_named_in_one_error(tree, tmp_path):
    columns = [column for column in COLUMNS if column not in ("title", "summary")]
    path = write_csv(tmp_path / "short.csv", sample_rows(), columns=columns)
    before = snapshot()

    error = import_error(path)

    assert "The header row (line 1) is not right:" in error
    assert "Missing required columns: title, summary." in error
    assert snapshot() == before


def test_unknown_and_repeated_columns_are_refused(tree, tmp_path):
    path = write_csv(tmp_path / "typo.csv", sample_rows(), columns=[*COLUMNS, "contry", "town"])

    error = import_error(path)

    assert "Unknown columns: contry (the columns are: reference, title," in error
    assert "Columns named more than once: town." in error


def test_a_row_with_too_many_cells_is_reported(tree, tmp_path):
    path = write_csv(tmp_path / "ragged.csv", sample_rows())
    lines = path.read_bytes().split(b"\r\n")
    lines[2] += b",surplus"
    path.write_bytes(b"\r\n".join(lines))

    error = import_error(path)

    assert "line 3: the row has 18 cells but the header has 17 columns" in error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (",".join(COLUMNS).encode(), "The file has a header but no centres."),
        (b"PK\x03\x04\x14\x00\x06\x00", "This is a spreadsheet workbook"),
        (
            "reference,title\nnoirlac,Abbaye de Noirlac\n".encode("cp1252").replace(b"a", b"\xe9"),
            "The file is not UTF-8 text",
        ),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tree, tmp_path, content, message):
    path = tmp_path / "file.csv"
    path.write_bytes(content)

    assert message in import_error(path)


def test_a_missing_file_is_a_command_error(tree, tmp_path):
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("import_centres", str(tmp_path / "absent.csv"))

    assert raised.value.returncode == 1
    assert "There is no file" in str(raised.value)


def test_index_option_chooses_the_directory_and_refuses_translations(tree, tmp_path):
    en_network = translate(tree.network, "en", {"Le réseau": "The network"})

    assert "5 to create" in run_import(SAMPLE, "--dry-run", "--index", str(tree.network.pk))
    assert "is a translation of the directory (en)" in import_error(
        SAMPLE, "--index", str(en_network.pk)
    )
    assert f"Page {tree.home.pk} is not a directory of centres." in import_error(
        SAMPLE, "--index", str(tree.home.pk)
    )


def test_without_a_french_directory_the_import_stops(db):
    assert "There is no French directory of centres" in import_error(SAMPLE)


def test_help_documents_the_columns(capsys):
    with pytest.raises(SystemExit):
        call_command("import_centres", "--help")

    help_text = capsys.readouterr().out
    assert "Required columns: reference, title, summary, heritage_site, town, country." in help_text
    assert "  themes            theme slugs of the portal" in help_text
