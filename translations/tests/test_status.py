"""The translation status report counts a known tree right and links to the fix."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from translations.status import (
    MISSING,
    OUTDATED,
    STATUS_LABELS,
    TRANSLATED,
    build_report,
    summarise,
)

pytestmark = pytest.mark.django_db

# site_tree: 13 pages below the root; theme, news category: 2 snippets.
SOURCE_OBJECTS = 13 + 2


def counts(code):
    return next(
        c for locale, c in summarise(build_report()).items() if locale.language_code == code
    )


def test_counts_translated_missing_and_outdated(multilingual_tree):
    # en and ar: home, news index, news item; es: home only.
    assert counts("en")[TRANSLATED] == 3 and counts("en")[MISSING] == SOURCE_OBJECTS - 3
    assert counts("es")[TRANSLATED] == 1 and counts("es")[MISSING] == SOURCE_OBJECTS - 1

    news = multilingual_tree.news
    news.lead = "Le chapô a changé."
    news.save_revision().publish()
    assert counts("en")[OUTDATED] == 1 and counts("en")[TRANSLATED] == 2
    assert counts("ar")[OUTDATED] == 1


def test_rows_link_to_the_action_that_fixes_them(multilingual_tree):
    rows = {(row.locale.language_code, row.title): row for row in build_report()}
    missing = rows[("es", multilingual_tree.news.title)]
    assert missing.status == MISSING
    assert missing.action_url == reverse(
        "wagtail_localize:submit_page_translation", args=[multilingual_tree.news.pk]
    )
    theme = rows[("en", multilingual_tree.theme.name)]
    assert theme.status == MISSING and "submit/snippet/portal/theme/" in theme.action_url


def test_admin_report_page_and_csv_export(admin_client, multilingual_tree):
    url = reverse("translations_status")
    html = admin_client.get(url).content.decode()
    assert "Translation status" in html or "État des traductions" in html
    response = admin_client.get(url, {"language": "es", "status": "missing", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    # Every column speaks the reader's admin language (French here), links are absolute.
    assert rows[0] == [
        "Langue",
        "Type",
        "Titre",
        "Statut",
        "Textes restant à traduire",
        "Étape suivante",
        "Lien",
    ]
    assert len(rows) == 1 + SOURCE_OBJECTS - 1
    assert {row[0] for row in rows[1:]} == {"Espagnol"}
    # The status in the French catalog's words (not the English "Missing").
    with translation.override("fr"):
        missing_in_french = str(STATUS_LABELS[MISSING])
    assert missing_in_french != "Missing"
    assert {row[3] for row in rows[1:]} == {missing_in_french}
    assert {row[5] for row in rows[1:]} == {"Traduire"}
    assert all(row[6].startswith("http://testserver/admin/") for row in rows[1:])
    news_kind = next(row[1] for row in rows[1:] if row[2] == multilingual_tree.news.title)
    assert news_kind == "Actualité", "type labels in French, like the statuses"
