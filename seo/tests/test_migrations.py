"""``NotFoundPath`` moved from ``portal`` to ``seo`` without losing a row.

A database built at the previous layout (``portal`` 0003, no ``seo`` app) is
migrated forward: its rows are those of ``seo.models.NotFoundPath``, in the
table ``seo_notfoundpath``, and going back to the previous layout keeps them
too (a release rolled back).

``transaction=True``: the schema changes cannot run inside the test's
transaction (SQLite refuses them there). ``serialized_rollback=True``: the
test starts from the rows Wagtail's migrations create (the default Site),
whatever ran before it in this worker. The database is migrated to the latest
state again whatever happens, for the tests after it (and ``--reuse-db``).
"""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from seo.models import NotFoundPath

PREVIOUS_LAYOUT = [("portal", "0003_not_found_path"), ("seo", None)]
# What the previous layout's leaf knows: the state to build its models from.
PREVIOUS_LEAF = [("portal", "0003_not_found_path")]


def migrate(targets=None):
    """Migrate to ``targets`` (default: every app's latest migration); returns the executor."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection)  # a fresh one knows what is applied now


def columns(table):
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_not_found_rows_survive_the_move_to_seo_and_back():
    content_type = ContentType.objects.get_for_model(NotFoundPath)
    first_seen = timezone.now() - dt.timedelta(days=3)
    last_seen = timezone.now() - dt.timedelta(hours=1)
    try:
        executor = migrate(PREVIOUS_LAYOUT)
        tables = connection.introspection.table_names()
        assert "portal_notfoundpath" in tables and "seo_notfoundpath" not in tables
        old_apps = executor.loader.project_state(PREVIOUS_LEAF).apps
        site = old_apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
        old_model = old_apps.get_model("portal", "NotFoundPath")
        old_row = old_model.objects.create(
            site_id=site.pk,
            path="/nos-actions/odyssee.html",
            path_without_query="/nos-actions/odyssee.html",
            hits=42,
            first_seen=first_seen,
            last_seen=last_seen,
            last_referrer="https://ancien.example.org/liens",
        )
        # The content type went back to portal with the model.
        old_content_types = old_apps.get_model("contenttypes", "ContentType").objects
        assert old_content_types.get(pk=content_type.pk).app_label == "portal"

        migrate()

        tables = connection.introspection.table_names()
        assert "seo_notfoundpath" in tables and "portal_notfoundpath" not in tables
        assert "path_without_query" not in columns("seo_notfoundpath")
        row = NotFoundPath.objects.get()
        assert (row.pk, row.site_id, row.path, row.hits) == (
            old_row.pk,
            site.pk,
            "/nos-actions/odyssee.html",
            42,
        )
        assert (row.first_seen, row.last_seen) == (first_seen, last_seen)
        assert row.last_referrer == "https://ancien.example.org/liens"
        # Read from the table, not ContentType's cache (left alone: the tests without
        # a database that run after this one in the worker build pages from it).
        assert ContentType.objects.get(pk=content_type.pk).app_label == "seo"
        # The unique constraint kept its name and still holds.
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, "seo_notfoundpath")
        assert constraints["unique_not_found_path_per_site"]["unique"]

        # Rolled back with rows in the table: the old column is filled again.
        executor = migrate(PREVIOUS_LAYOUT)
        old_apps = executor.loader.project_state(PREVIOUS_LEAF).apps
        back = old_apps.get_model("portal", "NotFoundPath").objects.get()
        assert (back.pk, back.path, back.path_without_query, back.hits) == (
            old_row.pk,
            "/nos-actions/odyssee.html",
            "/nos-actions/odyssee.html",
            42,
        )
    finally:
        executor = migrate()
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert NotFoundPath.objects.get().hits == 42
