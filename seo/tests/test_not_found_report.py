"""Pages not found: counted by the middleware, listed in the admin's report."""

import datetime as dt
import uuid
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from seo.models import NotFoundPath

REPORT = "seo_not_found_report"


def hits(path):
    row = NotFoundPath.objects.filter(path=path).first()
    return row.hits if row else 0


@pytest.mark.django_db
class TestRecording:
    def test_each_not_found_answer_is_counted(self, client, site_tree):
        for _ in range(3):
            response = client.get(
                "/fr/nos-actions/odyssee/", HTTP_REFERER="https://ancien.example.org/liens?q=secret"
            )
            assert response.status_code == 404

        row = NotFoundPath.objects.get()
        assert (row.path, row.hits, row.site_id) == (
            "/fr/nos-actions/odyssee",
            3,
            site_tree.site.pk,
        )
        assert row.last_referrer == "https://ancien.example.org/liens"
        assert row.first_seen <= row.last_seen

    def test_a_visit_without_referrer_keeps_the_last_referring_page(self, client, site_tree):
        client.get("/fr/perdu/", HTTP_REFERER="https://partenaire.example.org/liens")
        client.get("/fr/perdu/")
        assert NotFoundPath.objects.get().last_referrer == "https://partenaire.example.org/liens"

    def test_redirected_paths_are_not_counted(self, client, site_tree):
        Redirect.objects.create(
            old_path="/nos-actions/odyssee.html", redirect_page=site_tree.programme
        )
        assert client.get("/nos-actions/odyssee.html").status_code == 301
        # Django's locale middleware sends a path without language to the French one.
        assert client.get(site_tree.programme.url.removeprefix("/fr")).status_code == 302
        assert not NotFoundPath.objects.exists()

    def test_query_strings_are_left_out(self, client, site_tree):
        client.get("/index.php?page=12")
        client.get("/index.php?utm_source=lettre&page=12&fbclid=abc")
        client.get("/index.php?page=13")
        assert hits("/index.php") == 3
        # One row, for the path alone: no query string is stored.
        assert list(NotFoundPath.objects.values_list("path", flat=True)) == ["/index.php"]

    def test_paths_nobody_asked_for_in_months_are_forgotten_by_the_periodic_jobs(
        self, client, site_tree, settings
    ):
        settings.NOT_FOUND_RETENTION_DAYS = 30
        client.get("/fr/ancienne-page/")
        client.get("/fr/page-recente/")
        NotFoundPath.objects.filter(path="/fr/ancienne-page").update(
            last_seen=timezone.now() - dt.timedelta(days=31)
        )

        call_command("run_periodic", "--once", stdout=StringIO())

        assert list(NotFoundPath.objects.values_list("path", flat=True)) == ["/fr/page-recente"]

    def test_admin_static_and_post_requests_are_not_recorded(self, client, site_tree):
        client.get("/static/css/nothing.css")
        client.get("/admin/nothing/")
        client.post("/fr/formulaire-disparu/")
        assert not NotFoundPath.objects.exists()

    def test_existing_pages_are_not_recorded(self, client, site_tree):
        assert client.get(site_tree.news.url).status_code == 200
        assert not NotFoundPath.objects.exists()


@pytest.fixture
def recorded(client, site_tree):
    for _ in range(3):
        client.get("/souvent-demande.html")
    client.get("/rarement-demande.html")
    for _ in range(2):
        client.get("/deja-redirige.html")
    Redirect.objects.create(old_path="/deja-redirige.html", redirect_page=site_tree.programme)
    return site_tree


@pytest.fixture
def admin_client(client, db):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)
    return client


def staff_client(client, *permissions):
    """A client signed in as an admin user with only the given permissions."""
    user = get_user_model().objects.create_user("editeur", "editeur@example.org", "password")
    group = Group.objects.create(name="Test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)
    return client


@pytest.mark.django_db
class TestReport:
    def test_lists_paths_by_count_and_marks_redirected_ones(self, admin_client, recorded):
        response = admin_client.get(reverse(REPORT))
        assert response.status_code == 200
        html = response.content.decode()
        assert html.index("/souvent-demande.html") < html.index("/deja-redirige.html")
        assert html.index("/deja-redirige.html") < html.index("/rarement-demande.html")
        often = NotFoundPath.objects.get(path="/souvent-demande.html")
        assert reverse("seo_not_found_add_redirect", args=[often.pk]) in html
        redirected = NotFoundPath.objects.get(path="/deja-redirige.html")
        assert reverse("seo_not_found_add_redirect", args=[redirected.pk]) not in html
        assert "?q=/deja-redirige.html" in html

    def test_filters_paths_without_a_redirect(self, admin_client, recorded):
        html = admin_client.get(reverse(REPORT), {"redirect": "missing"}).content.decode()
        assert "/souvent-demande.html" in html
        assert "/deja-redirige.html" not in html

    def test_create_a_redirect_opens_wagtails_form_filled_in(self, admin_client, recorded):
        often = NotFoundPath.objects.get(path="/souvent-demande.html")
        response = admin_client.get(reverse("seo_not_found_add_redirect", args=[often.pk]))
        assert response.status_code == 200
        form = response.context["form"]
        assert form["old_path"].value() == "/souvent-demande.html"
        assert form["site"].value() == recorded.site.pk
        assert response.context["action_url"] == reverse("wagtailredirects:add")

    def test_csv_export(self, admin_client, recorded):
        response = admin_client.get(reverse(REPORT), {"export": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert len(lines[0].split(",")) == 7  # path, site, times, dates, referrer, redirect
        assert [line.split(",")[0] for line in lines[1:]] == [
            "/souvent-demande.html",
            "/deja-redirige.html",
            "/rarement-demande.html",
        ]
        assert lines[1].split(",")[2] == "3"

    def test_editors_without_redirect_rights_cannot_see_it(self, client, recorded):
        staff = staff_client(client)
        response = staff.get(reverse(REPORT))
        assert response.status_code in (302, 403)
        assert "/souvent-demande.html" not in response.content.decode()
        menu = staff.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(REPORT) not in menu

    def test_who_may_manage_redirects_sees_it(self, client, recorded):
        staff = staff_client(client, "add_redirect")
        response = staff.get(reverse(REPORT))
        assert response.status_code == 200
        assert "/souvent-demande.html" in response.content.decode()


@pytest.mark.django_db
class TestBounds:
    """Every distinct address asked for added a row: robots made the report grow without end."""

    def test_random_addresses_leave_at_most_the_cap(self, client, site_tree, settings):
        settings.NOT_FOUND_MAX_ROWS = 100
        for _ in range(3):
            client.get("/fr/ancienne-page/")
        for number in range(300):
            client.get(f"/fr/robot-{number}-{uuid.uuid4().hex}/")
        assert NotFoundPath.objects.count() <= 100
        # The path visitors keep asking for survives the flood, and is still counted.
        client.get("/fr/ancienne-page/")
        assert hits("/fr/ancienne-page") == 4

    def test_query_strings_do_not_make_new_rows(self, client, site_tree):
        for number in range(20):
            client.get(f"/fr/perdu/?junk={number}")
        assert list(NotFoundPath.objects.values_list("path", "hits")) == [("/fr/perdu", 20)]
