"""The interface is fully translated in every catalogued language."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUED_LANGUAGES = list(settings.AVAILABLE_LANGUAGES)
SIMPLE_TRANSLATE = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")


def catalog(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", CATALOGUED_LANGUAGES)
def test_catalog_has_no_untranslated_or_fuzzy_entry(language):
    po = catalog(language)
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", CATALOGUED_LANGUAGES)
def test_every_template_string_is_in_the_catalog(language):
    msgids = {entry.msgid for entry in catalog(language)}
    missing = set()
    checked = 0
    for template in ROOT.glob("*/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        for _quote, text in SIMPLE_TRANSLATE.findall(template.read_text(encoding="utf-8")):
            checked += 1
            if text not in msgids:
                missing.add(f"{template.relative_to(ROOT)}: {text}")
    assert checked > 50, "the template scan found almost nothing: is the pattern still right?"
    assert not missing, "run makemessages and translate:\n" + "\n".join(sorted(missing))
