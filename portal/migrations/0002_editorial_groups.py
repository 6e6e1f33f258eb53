"""The editorial groups (portal/roles.py): Communication, Programmes, Network,
Administrators and Reviewers, with their model and collection permissions.

Page permissions depend on the page tree, which is empty when this runs on a
fresh database: ``manage.py setup_languages`` attaches them (portal.roles.setup_roles).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    from django.apps import apps as global_apps

    from portal.roles import ensure_groups

    # Permissions are normally created after all migrations (post_migrate);
    # create them now so that the groups can be given theirs.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)
    ensure_groups(apps)
    remove_unused_default_groups(apps)


def remove_unused_default_groups(apps):
    """Wagtail's own "Editors" and "Moderators" may edit (and publish) every page
    of every language: remove them unless someone was put in them."""
    group_model = apps.get_model("auth", "Group")
    group_model.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("home", "0002_initial"),
        ("news", "0003_initial"),
        ("alerts", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
