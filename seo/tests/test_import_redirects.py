"""``manage.py import_redirects``: the old site's addresses into redirects, all or nothing."""

import io
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import ModelLogEntry

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "redirects-sample.csv"


def write_csv(path, lines, delimiter=",", encoding="utf-8"):
    text = "\r\n".join(delimiter.join(cells) for cells in lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def run_import(path, *options):
    """Run the command in English (messages are translated) and return what it printed."""
    stdout = io.StringIO()
    with translation.override("en"):
        call_command("import_redirects", str(path), *options, stdout=stdout)
    return stdout.getvalue()


def import_error(path, *options):
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("import_redirects", str(path), *options, stdout=io.StringIO())
    return str(raised.value)


def snapshot():
    return sorted(
        Redirect.objects.values_list(
            "old_path", "site_id", "redirect_page_id", "redirect_link", "is_permanent"
        )
    )


@pytest.fixture
def good_file(tmp_path, site_tree):
    return write_csv(
        tmp_path / "redirects.csv",
        [
            ("old_path", "new_path_or_url", "permanent"),
            ("/nos-actions/odyssee.html", site_tree.programme.url, "yes"),
            ("/index.php?page=12", site_tree.centre.url, "no"),
            ("/partenaires/ministere.html", "https://www.culture.gouv.fr/", ""),
            ("/agenda/echeances.ics", site_tree.call_index.url + "deadlines/", "301"),
        ],
    )


@pytest.mark.django_db
class TestGoodFile:
    def test_creates_redirects_that_answer_the_old_paths(self, client, site_tree, good_file):
        output = run_import(good_file)

        assert "4 redirects created, 0 updated, 0 unchanged" in output
        odyssee = Redirect.objects.get(old_path="/nos-actions/odyssee.html")
        assert odyssee.redirect_page_id == site_tree.programme.pk
        assert odyssee.site_id == site_tree.site.pk
        assert odyssee.redirect_link == ""

        response = client.get("/nos-actions/odyssee.html")
        assert response.status_code == 301
        assert response["Location"] == site_tree.programme.url

        temporary = client.get("/index.php?page=12")
        assert temporary.status_code == 302
        assert temporary["Location"] == site_tree.centre.url
        # Another page number of the old site is not that redirect.
        assert client.get("/index.php?page=13").status_code == 404

        external = client.get("/partenaires/ministere.html")
        assert external.status_code == 301
        assert external["Location"] == "https://www.culture.gouv.fr/"

        feed = client.get("/agenda/echeances.ics")
        assert feed.status_code == 301
        assert feed["Location"] == site_tree.call_index.url + "deadlines/"

    def test_each_redirect_is_in_the_admin_history(self, site_tree, good_file):
        run_import(good_file)
        created = ModelLogEntry.objects.filter(
            action="wagtail.create", content_type=ContentType.objects.get_for_model(Redirect)
        )
        assert sorted(created.values_list("label", flat=True)) == sorted(
            Redirect.objects.values_list("old_path", flat=True)
        )

    def test_a_page_target_follows_the_page_when_it_moves(self, client, site_tree, good_file):
        run_import(good_file)
        programme = site_tree.programme
        programme.slug = "odyssee-residences"
        programme.save_revision().publish()
        programme.refresh_from_db()

        response = client.get("/nos-actions/odyssee.html")
        assert response.status_code == 301
        assert response["Location"] == programme.url
        assert response["Location"].endswith("/odyssee-residences/")

    def test_semicolons_bom_full_old_urls_and_translated_pages(
        self, client, multilingual_tree, tmp_path
    ):
        news = multilingual_tree.en_news
        path = write_csv(
            tmp_path / "excel.csv",
            [
                ("Old path", "New path or URL"),
                ("https://ancien-site.example.org/en/news-2024.html", news.url),
            ],
            delimiter=";",
            encoding="utf-8-sig",
        )
        assert "1 redirects created" in run_import(path)
        redirect = Redirect.objects.get()
        assert redirect.old_path == "/en/news-2024.html"
        assert redirect.is_permanent
        assert client.get("/en/news-2024.html")["Location"] == news.url

    def test_the_sample_file_reads_as_documented(self, site_tree):
        # The sample names the demo content's pages, absent from this tree: every
        # problem is then a missing page, never the file's format.
        message = import_error(SAMPLE)
        problems = [line for line in message.splitlines() if line.startswith("line ")]
        assert problems
        assert all(": new_path_or_url: no page at /" in line for line in problems)
        assert not any("https://" in line for line in problems)


@pytest.mark.django_db
class TestBadRows:
    def test_every_bad_row_is_reported_and_nothing_changes(self, site_tree, tmp_path):
        Redirect.objects.create(old_path="/deja", redirect_link="https://example.org/")
        before = snapshot()
        unpublished = site_tree.standard
        unpublished.unpublish()
        path = write_csv(
            tmp_path / "bad.csv",
            [
                ("old_path", "new_path_or_url", "permanent"),
                ("/ok.html", site_tree.programme.url, "yes"),
                ("", site_tree.programme.url, "yes"),
                ("/perdu.html", "/fr/n-existe-pas/", "yes"),
                ("/ailleurs.html", "https://", "yes"),
                ("/peut-etre.html", site_tree.programme.url, "sometimes"),
                ("/ok.html/", site_tree.centre.url, "yes"),
                (site_tree.programme.url, site_tree.programme.url, "yes"),
                ("/filtre.html", site_tree.news_index.url + "?category=x", "yes"),
                ("/relatif.html", "programmes/odyssee/", "yes"),
                (
                    "/brouillon.html",
                    unpublished.url_path.replace("/" + site_tree.home.slug, "/fr"),
                    "",
                ),
                ("/long.html", "https://example.org/" + "x" * 250, "yes"),
            ],
        )

        message = import_error(path)

        assert message.startswith("The file was not imported, nothing was changed.")
        assert "line 3: old_path: empty" in message
        assert "line 4: new_path_or_url: no page at /fr/n-existe-pas/" in message
        assert "line 5: new_path_or_url: “https://” is not a valid http(s) URL" in message
        assert "line 6: permanent: “sometimes” is not yes or no" in message
        assert "line 7: old_path: “/ok.html” is already on line 2" in message
        assert "line 8: new_path_or_url: leads back to the old path itself" in message
        assert "line 9: new_path_or_url: a page is a path without query string" in message
        assert "line 10: new_path_or_url: “programmes/odyssee/” is neither a path" in message
        assert "line 11: new_path_or_url: no page at /fr/" in message
        assert "line 12: new_path_or_url: longer than 255 characters" in message
        assert "line 2:" not in message
        assert snapshot() == before

    def test_a_wrong_header_is_reported(self, site_tree, tmp_path):
        path = write_csv(tmp_path / "no-header.csv", [("/old.html", "/fr/")])
        message = import_error(path)
        assert "The header row (line 1) is not right" in message
        assert "Missing required columns: old_path, new_path_or_url." in message
        assert not Redirect.objects.exists()

    def test_an_unknown_site_is_refused(self, good_file):
        assert "There is no site 999" in import_error(good_file, "--site", "999")


@pytest.mark.django_db
class TestDryRunAndReimport:
    def test_dry_run_changes_nothing(self, site_tree, good_file):
        output = run_import(good_file, "--dry-run")
        assert "Dry run: nothing was changed." in output
        assert "Would be created (4):" in output
        assert "line 2: /nos-actions/odyssee.html → " + site_tree.programme.url in output
        assert "Dry run: 4 redirects to create, 0 to update, 0 unchanged" in output
        assert not Redirect.objects.exists()

    def test_importing_again_changes_nothing(self, site_tree, good_file):
        run_import(good_file)
        before = snapshot()
        output = run_import(good_file)
        assert "0 redirects created, 0 updated, 4 unchanged" in output
        assert snapshot() == before

    def test_a_changed_target_updates_the_redirect(self, client, site_tree, good_file, tmp_path):
        run_import(good_file)
        changed = write_csv(
            tmp_path / "changed.csv",
            [
                ("old_path", "new_path_or_url", "permanent"),
                ("/nos-actions/odyssee.html", site_tree.call.url, "yes"),
            ],
        )
        output = run_import(changed)
        assert "0 redirects created, 1 updated, 0 unchanged" in output
        assert Redirect.objects.filter(old_path="/nos-actions/odyssee.html").count() == 1
        assert client.get("/nos-actions/odyssee.html")["Location"] == site_tree.call.url

    def test_an_all_sites_redirect_is_updated_in_place(self, site_tree, tmp_path):
        existing = Redirect.objects.create(
            old_path="/nos-actions/odyssee.html", site=None, redirect_link="https://example.org/"
        )
        path = write_csv(
            tmp_path / "again.csv",
            [
                ("old_path", "new_path_or_url"),
                ("/nos-actions/odyssee.html", site_tree.programme.url),
            ],
        )
        assert "1 updated" in run_import(path)
        existing.refresh_from_db()
        assert existing.site_id is None
        assert existing.redirect_page_id == site_tree.programme.pk
        assert existing.redirect_link == ""

    def test_an_old_path_the_site_still_serves_is_imported_with_a_warning(
        self, site_tree, tmp_path
    ):
        path = write_csv(
            tmp_path / "served.csv",
            [("old_path", "new_path_or_url"), (site_tree.news.url, site_tree.programme.url)],
        )
        output = run_import(path)
        assert "Warnings (1):" in output
        assert "line 2: old_path: the site still serves " + site_tree.news.url.rstrip("/") in output
        assert "1 redirects created" in output
