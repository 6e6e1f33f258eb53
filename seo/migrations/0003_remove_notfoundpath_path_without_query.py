"""``path_without_query`` goes: the query string is no longer recorded, so it
was always equal to ``path``, which the report's redirect look-up now reads.

Reversible with rows in the table: going back, the column returns filled
with "" (``blank=True`` gives it that default on a table with rows), then
each row's ``path`` is copied into it, as the previous code wrote it.
"""

from django.db import migrations, models
from django.db.models import F


def copy_path(apps, schema_editor):
    NotFoundPath = apps.get_model("seo", "NotFoundPath")
    NotFoundPath.objects.using(schema_editor.connection.alias).update(path_without_query=F("path"))


class Migration(migrations.Migration):

    dependencies = [
        ('seo', '0002_notfoundpath_table'),
    ]

    operations = [
        # Backwards, this runs last: once the column is back.
        migrations.RunPython(migrations.RunPython.noop, copy_path),
        # No SQL ("blank" is not a column attribute): so that, backwards, the
        # column can be added as NOT NULL to a table that has rows.
        migrations.AlterField(
            model_name='notfoundpath',
            name='path_without_query',
            field=models.CharField(blank=True, max_length=255, verbose_name='path without query string'),
        ),
        migrations.RemoveField(
            model_name='notfoundpath',
            name='path_without_query',
        ),
    ]
