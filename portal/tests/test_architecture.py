"""The import diagram is read from the code, and the code has no import cycle."""

import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from portal.architecture import PROJECT, build_graph, render
from portal.management.commands import app_imports
from portal.management.commands.app_imports import project_apps


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_readme_diagram_is_what_the_code_imports_today():
    out = StringIO()
    call_command("app_imports", "--check", stdout=out)
    committed = (Path(settings.BASE_DIR) / "docs" / "architecture.txt").read_text()
    assert out.getvalue() == committed, "run: manage.py app_imports > docs/architecture.txt"
    assert "Import cycles: none" in committed


def test_the_shared_library_imports_no_app_and_the_project_assembles_them():
    graph = build_graph(settings.BASE_DIR, project_apps())
    assert graph.apps["portal"].imports == set()
    assert {"portal", "search"} <= graph.apps[PROJECT].imports
    assert "outbox" not in graph.apps["outbox"].imports


def test_every_app_is_packaged_and_its_tests_are_run():
    """``translations`` was once left out of ``testpaths``: ``make test`` never ran its tests."""
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    test_paths = set(pyproject["tool"]["pytest"]["ini_options"]["testpaths"])
    packaged = set(pyproject["tool"]["setuptools"]["packages"]["find"]["include"])
    for app in project_apps():
        assert app in test_paths, f"add {app} to testpaths in pyproject.toml"
        assert f"{app}*" in packaged, f"add {app}* to the packages in pyproject.toml"


def test_cycles_between_apps_and_between_modules_are_found(tmp_path):
    write(
        tmp_path,
        {
            "low/__init__.py": "",
            "low/models.py": "def f():\n    from high import views  # deferred, still a tie\n",
            "low/a.py": "from .b import thing\n",
            "low/b.py": "from low import a\nthing = 1\n",
            "high/__init__.py": "",
            "high/views.py": "from low.models import f\nNAMES = ['low.Model']\n",
            "lone/__init__.py": "",
            "lone/pages.py": "from django.apps import apps\napps.get_model('high', 'Page')\n",
        },
    )
    graph = build_graph(tmp_path, {"low", "high", "lone"})
    assert graph.app_cycles() == [["high", "low"]]
    assert graph.module_cycles() == [["low.a", "low.b"]]
    assert graph.apps["lone"].names == {"high"} and graph.apps["lone"].imports == set()
    # A name of an app it already imports is not listed twice.
    assert graph.apps["high"].names == set()
    assert "Import cycles: high <-> low; low.a <-> low.b" in render(graph)


def test_the_check_fails_with_the_cycle_named(tmp_path, settings, monkeypatch):
    write(
        tmp_path,
        {
            "portal/__init__.py": "",
            "portal/i18n.py": "import news.models\n",
            "news/__init__.py": "",
            "news/models.py": "from portal.i18n import x\n",
        },
    )
    graph = build_graph(tmp_path, {"portal", "news"})
    assert graph.app_cycles() == [["news", "portal"]]
    settings.BASE_DIR = tmp_path
    monkeypatch.setattr(app_imports, "project_apps", lambda: {"portal", "news"})
    with pytest.raises(CommandError, match="news <-> portal"):
        call_command("app_imports", "--check", stdout=StringIO())
