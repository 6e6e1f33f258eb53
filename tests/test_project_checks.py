"""Project hygiene that CI enforces: migrations committed, code linted."""

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations --check failed ({exit_.code}):\n{out.getvalue()}")


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    result = subprocess.run(  # noqa: S603
        [ruff, "check", "--quiet", str(ROOT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_django_system_checks_pass():
    call_command("check", "--fail-level", "WARNING")


def project_templates():
    return [
        path
        for path in ROOT.glob("*/templates/**/*")
        if path.is_file() and path.suffix in {".html", ".txt", ".xml"}
    ]


def test_no_template_comment_spans_lines():
    """Django's ``{# … #}`` ends on its own line: spread over two lines it is printed
    as text (it was, as the site name, on every page). ``{% comment %}`` spans lines."""
    templates = project_templates()
    assert len(templates) > 50
    unclosed = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in templates
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert not unclosed, f"One-line comments left open: {unclosed}"
