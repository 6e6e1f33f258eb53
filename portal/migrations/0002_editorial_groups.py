"""Once the editorial groups' data migration; it moved to ``cockpit`` with the roles.

Kept, empty, so that databases that applied it and the migrations that
depend on it stay consistent: ``cockpit/migrations/0001_editorial_groups.py``
creates the groups now (and, on a database where this one already did, finds
them and leaves them as they are).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = []
