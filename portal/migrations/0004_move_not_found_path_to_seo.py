"""``NotFoundPath`` moves to the ``seo`` app: portal forgets it, its table stays.

State only: no SQL runs, the table ``portal_notfoundpath`` and its rows are
kept; ``seo/migrations/0001_initial.py`` (which runs after this one) takes the
model over on the same table.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0003_not_found_path'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='NotFoundPath'),
            ],
            database_operations=[],
        ),
    ]
