"""Relevance on the demo corpus: for each query, the page that must come first.

Runs on whichever database backend the suite runs on (SQLite here).
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from search.services import SiteSearch

# (language, query, title of the first result)
CASES = [
    # A centre's town or monument finds the centre.
    ("fr", "Noirlac", "Abbaye de Noirlac"),
    ("fr", "Luxembourg", "Neimënster"),
    ("fr", "Melbourne", "Abbotsford Convent"),
    ("en", "Quebec", "Domaine Forget"),
    ("en", "Melbourne", "Abbotsford Convent"),
    # A programme's name finds the programme before the news that mention it.
    ("fr", "NORA", "NORA"),
    ("fr", "Odyssée", "Odyssée"),
    ("en", "NORA", "NORA"),
    ("es", "Odyssée", "Odyssée"),
    ("ar", "NORA", "NORA"),
    # A call's discipline finds the open call.
    ("fr", "gestion culturelle", "Odyssée : parcours gestion culturelle"),
    ("en", "cultural management", "Odyssée: cultural management track"),
    ("es", "gestión cultural", "Odyssée: itinerario de gestión cultural"),
    ("ar", "الإدارة الثقافية", "برنامج Odyssée: مسار الإدارة الثقافية"),
    # The label.
    ("es", "sello", "El sello CCR"),
    ("ar", "علامة", "علامة CCR"),
]


@pytest.mark.django_db
def test_first_result_for_each_query():
    call_command("load_demo_content", stdout=StringIO())
    failures = []
    for code, query, expected in CASES:
        with translation.override(code):
            search = SiteSearch(query, locale=Locale.objects.get(language_code=code))
            titles = [page.title for page in search.results(search.filtered_ids[:3])]
        if not titles or titles[0] != expected:
            failures.append(f"[{code}] {query!r}: expected {expected!r}, got {titles}")
    assert not failures, "\n".join(failures)
