"""The set-up commands behind `make run`."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError


def run(command, **kwargs):
    out = StringIO()
    call_command(command, stdout=out, **kwargs)
    return out.getvalue()


@pytest.mark.django_db
class TestEnsureAdmin:
    def test_creates_the_admin_once_with_a_generated_password(self, monkeypatch):
        monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
        output = run("ensure_admin")
        password = output.split("password (shown once, keep it): ")[1].split()[0]
        user = get_user_model().objects.get(username="admin")
        assert user.is_superuser and user.check_password(password)

        again = run("ensure_admin")
        assert "shown once" not in again
        assert get_user_model().objects.filter(username="admin").count() == 1
        user.refresh_from_db()
        assert user.check_password(password)

    def test_password_from_the_environment(self, monkeypatch):
        monkeypatch.setenv("ADMIN_PASSWORD", "un-mot-de-passe-solide")
        output = run("ensure_admin")
        assert "un-mot-de-passe-solide" not in output
        assert (
            get_user_model().objects.get(username="admin").check_password("un-mot-de-passe-solide")
        )

    def test_empty_username_is_refused(self, monkeypatch):
        monkeypatch.setenv("ADMIN_USERNAME", " ")
        with pytest.raises(CommandError, match="ADMIN_USERNAME"):
            run("ensure_admin")


def test_compile_catalogs_writes_mo_files(tmp_path, settings):
    po = tmp_path / "fr" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Search"\nmsgstr "Rechercher"\n',
        encoding="utf-8",
    )
    settings.LOCALE_PATHS = [tmp_path]
    run("compile_catalogs")
    import gettext

    with open(po.with_suffix(".mo"), "rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Search") == "Rechercher"


def test_compile_catalogs_reports_a_broken_file(tmp_path, settings):
    po = tmp_path / "fr" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text("this is not a catalog\n", encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match="cannot be read"):
        run("compile_catalogs")
