"""``NotFoundPath``, moved from ``portal``: the model on the table portal already has.

State only for the model: the table ``portal_notfoundpath`` was created by
``portal/migrations/0003_not_found_path.py``, and ``portal`` 0004 forgot the
model without dropping it; this migration runs after that one and declares
the same model, on the same table, in ``seo``. 0002 then renames the table,
0003 drops the column no longer used.

The model's content type moves with it (``portal`` → ``seo``), so the
permissions on it, if any group holds them, stay where they are and no stale
content type is left behind.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, old_app="portal", new_app="seo"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    if not content_types.filter(app_label=new_app, model="notfoundpath").exists():
        content_types.filter(app_label=old_app, model="notfoundpath").update(app_label=new_app)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old_app="seo", new_app="portal")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('portal', '0004_move_not_found_path_to_seo'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NotFoundPath',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('path', models.CharField(max_length=255, verbose_name='path')),
                        ('path_without_query', models.CharField(max_length=255, verbose_name='path without query string')),
                        ('hits', models.PositiveIntegerField(default=0, verbose_name='times')),
                        ('first_seen', models.DateTimeField(verbose_name='first seen')),
                        ('last_seen', models.DateTimeField(db_index=True, verbose_name='last seen')),
                        ('last_referrer', models.CharField(blank=True, help_text='The page holding the broken link, without its query string.', max_length=255, verbose_name='last referring page')),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site', verbose_name='site')),
                    ],
                    options={
                        'verbose_name': 'page not found',
                        'verbose_name_plural': 'pages not found',
                        'db_table': 'portal_notfoundpath',
                        'constraints': [models.UniqueConstraint(fields=('site', 'path'), name='unique_not_found_path_per_site')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
