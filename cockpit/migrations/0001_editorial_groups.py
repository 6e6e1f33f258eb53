"""The editorial groups: Communication, Programmes, Network, Administrators and
Reviewers, with their model and collection permissions, as they were when the
roles moved to ``cockpit`` (before, ``portal`` migration 0002 created them).

A frozen copy, not an import of ``cockpit.roles``: a migration must do the
same thing whatever the code becomes. ``cockpit.roles.setup_roles`` (run by
``manage.py setup_languages``) keeps the rights complete afterwards and
attaches the page permissions, which need pages: on a fresh database this
runs before any page exists.

Idempotent: on a database where the groups exist it only adds what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _crud(app_label, model_name, actions=("add", "change", "delete", "view")):
    return [(app_label, f"{action}_{model_name}") for action in actions]


CONTRIBUTOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
ADMINISTRATOR_COLLECTION_PERMISSIONS = [
    *_crud("wagtailimages", "image", ("add", "change", "delete", "choose")),
    *_crud("wagtaildocs", "document", ("add", "change", "delete", "choose")),
]

# Group name → (model permissions, collection permissions).
GROUPS = {
    "Communication": (
        [
            ADMIN_ACCESS,
            *_crud("portal", "theme"),
            *_crud("news", "newscategory"),
            *_crud("home", "navigationmenu", ("add", "change", "view")),
            *_crud("home", "footer", ("add", "change", "view")),
            *_crud("wagtailsearchpromotions", "searchpromotion"),
            ("wagtail_localize", "submit_translation"),
        ],
        CONTRIBUTOR_COLLECTION_PERMISSIONS,
    ),
    "Programmes": (
        [
            ADMIN_ACCESS,
            *_crud("alerts", "subscription", ("change", "delete", "view")),
            ("alerts", "view_alertdelivery"),
        ],
        CONTRIBUTOR_COLLECTION_PERMISSIONS,
    ),
    "Network": ([ADMIN_ACCESS], CONTRIBUTOR_COLLECTION_PERMISSIONS),
    "Administrators": (
        [
            ADMIN_ACCESS,
            *_crud("auth", "user"),
            *_crud("auth", "group"),
            *_crud("wagtailcore", "site"),
            *_crud("wagtailcore", "locale"),
            *_crud("wagtailcore", "collection"),
            *_crud("wagtailcore", "workflow", ("add", "change", "delete")),
            *_crud("wagtailcore", "task", ("add", "change", "delete")),
            *_crud("wagtailredirects", "redirect"),
            *_crud("wagtailsearchpromotions", "searchpromotion"),
            *_crud("portal", "theme"),
            *_crud("news", "newscategory"),
            *_crud("home", "navigationmenu"),
            *_crud("home", "footer"),
            ("wagtail_localize", "submit_translation"),
            *_crud("alerts", "subscription", ("change", "delete", "view")),
            ("alerts", "view_alertdelivery"),
        ],
        ADMINISTRATOR_COLLECTION_PERMISSIONS,
    ),
    # Completed by setup_translation_workflows once the languages are known; it
    # exists from the start so that people can be put in it.
    "Reviewers": ([ADMIN_ACCESS], []),
}


def _permissions(permission_model, natural_keys):
    permissions = []
    for app_label, codename in natural_keys:
        permission = permission_model.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            raise LookupError(f"Permission {app_label}.{codename} does not exist")
        permissions.append(permission)
    return permissions


def create_groups(apps, schema_editor):
    from django.apps import apps as global_apps

    # Permissions are normally created after all migrations (post_migrate);
    # create them now so that the groups can be given theirs.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    for name, (model_permissions, collection_permissions) in GROUPS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(permission_model, model_permissions))
        if root_collection is None:
            continue
        for permission in _permissions(permission_model, collection_permissions):
            collection_permission_model.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    remove_unused_default_groups(apps)


def remove_unused_default_groups(apps):
    """Wagtail's own "Editors" and "Moderators" may edit (and publish) every page
    of every language: remove them unless someone was put in them."""
    group_model = apps.get_model("auth", "Group")
    group_model.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_editorial_groups"),
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
