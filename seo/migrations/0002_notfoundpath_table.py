"""The table takes the app's name: ``portal_notfoundpath`` → ``seo_notfoundpath``.

A rename (``ALTER TABLE ... RENAME``, on SQLite and PostgreSQL): the rows, the
unique constraint and the indexes stay.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('seo', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='notfoundpath',
            table=None,
        ),
    ]
