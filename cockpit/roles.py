"""The editorial roles: who may do what in the admin.

Each team gets the least it needs to do its work, in two parts:

- **model permissions** (admin access, snippets, images and documents, users,
  settings), which do not depend on the page tree: created by the data
  migration ``cockpit/migrations/0001_editorial_groups.py`` and kept complete by
  ``setup_roles()``;
- **page permissions**, which in Wagtail are granted on a page and cover its
  whole subtree: attached by ``setup_roles()`` to the pages that exist, called
  by ``manage.py setup_languages`` through its ``after_setup_languages`` hook
  (run by ``make run`` and the Procfile's release step, right after
  ``migrate``). On a fresh database the migration runs before any page
  exists, so it cannot attach them itself.

Content teams work in the French (source) tree; the other languages' trees
belong to their Translators group and to the Reviewers
(``translations/review.py``). Wagtail cannot grant a page without its
subtree: the home page is the root of the whole French tree, so editing it
would mean editing every page. It therefore stays with the Administrators;
the Communication team gets each top-level standard page (and what lies
under it) instead.

Everything here is idempotent: it adds what is missing and never removes a
right an administrator granted by hand.
"""

from django.db import transaction

from portal.groups import (
    ADMINISTRATORS_GROUP,
    COMMUNICATION_GROUP,
    NETWORK_GROUP,
    PROGRAMMES_GROUP,
    REVIEWERS_GROUP,
)

ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _crud(app_label, model_name, actions=("add", "change", "delete", "view")):
    return [(app_label, f"{action}_{model_name}") for action in actions]


# Images and documents: upload, choose, and edit one's own uploads (Wagtail lets
# the owner of an image edit it with "add" alone). Granted on the root collection.
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

# Page permissions: "add" (create pages and edit one's own drafts), "change"
# (edit any page), "publish". Deleting a page with children ("bulk_delete"),
# locks held by others ("unlock") are the Administrators'.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
ADMINISTRATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)

ROLES = {
    COMMUNICATION_GROUP: {
        "model_permissions": [
            ADMIN_ACCESS,
            # Taxonomy, menus and footer, in every language (Wagtail has no
            # per-language snippet permissions).
            *_crud("portal", "theme"),
            *_crud("news", "newscategory"),
            *_crud("home", "navigationmenu", ("add", "change", "view")),
            *_crud("home", "footer", ("add", "change", "view")),
            # Pinning pages to search queries (Settings → Promoted search results).
            *_crud("wagtailsearchpromotions", "searchpromotion"),
            # Starting and syncing translations.
            ("wagtail_localize", "submit_translation"),
        ],
        "collection_permissions": CONTRIBUTOR_COLLECTION_PERMISSIONS,
        # Page types whose French pages (and their subtrees) the team edits.
        "page_types": ["news.NewsIndexPage", "news.AdvocacyIndexPage", "home.StandardPage"],
        "page_permissions": EDITOR_PAGE_PERMISSIONS,
    },
    PROGRAMMES_GROUP: {
        "model_permissions": [
            ADMIN_ACCESS,
            # The candidates' alert subscriptions: export, answer a request to
            # erase (GDPR); nobody adds a subscriber by hand (alerts/wagtail_hooks.py).
            *_crud("alerts", "subscription", ("change", "delete", "view")),
            ("alerts", "view_alertdelivery"),
        ],
        "collection_permissions": CONTRIBUTOR_COLLECTION_PERMISSIONS,
        "page_types": ["programmes.ProgrammeIndexPage", "programmes.CallIndexPage"],
        "page_permissions": EDITOR_PAGE_PERMISSIONS,
    },
    NETWORK_GROUP: {
        "model_permissions": [ADMIN_ACCESS],
        "collection_permissions": CONTRIBUTOR_COLLECTION_PERMISSIONS,
        # Centres, the label page and the enquiry form below it; editing the
        # French form is also what opens its submissions (see enquiry_form_pages_for_user).
        "page_types": ["network.NetworkIndexPage"],
        "page_permissions": EDITOR_PAGE_PERMISSIONS,
    },
    ADMINISTRATORS_GROUP: {
        "model_permissions": [
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
        "collection_permissions": ADMINISTRATOR_COLLECTION_PERMISSIONS,
        # Every language's home page: the whole site.
        "page_types": ["home.HomePage"],
        "all_locales": True,
        "page_permissions": ADMINISTRATOR_PAGE_PERMISSIONS,
    },
}


def _permissions(permission_model, natural_keys):
    """The Permission rows for ``(app_label, codename)`` pairs; all must exist."""
    permissions = []
    for app_label, codename in natural_keys:
        permission = permission_model.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            raise LookupError(f"Permission {app_label}.{codename} does not exist")
        permissions.append(permission)
    return permissions


def ensure_groups(apps):
    """Create the role groups with their model and collection permissions.

    ``apps`` is the migration's app registry, or ``django.apps.apps`` at run time.
    Returns the names of the groups created.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    created_names = []
    for name, role in ROLES.items():
        group, created = group_model.objects.get_or_create(name=name)
        if created:
            created_names.append(name)
        group.permissions.add(*_permissions(permission_model, role["model_permissions"]))
        if root_collection is None:
            continue
        for permission in _permissions(permission_model, role["collection_permissions"]):
            collection_permission_model.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    # Reviewers are completed by setup_translation_workflows (their page rights
    # depend on the languages); the group exists from the start so that it can
    # be filled with people before the first translation.
    reviewers, created = group_model.objects.get_or_create(name=REVIEWERS_GROUP)
    reviewers.permissions.add(*_permissions(permission_model, [ADMIN_ACCESS]))
    if created:
        created_names.append(REVIEWERS_GROUP)
    return created_names


def role_pages(role):
    """The pages a role's page permissions are attached to, as they exist now."""
    from django.apps import apps
    from wagtail.models import Locale, Page

    pages = Page.objects.type(*(apps.get_model(dotted) for dotted in role["page_types"]))
    if not role.get("all_locales"):
        pages = pages.filter(locale=Locale.get_default())
    pages = pages.order_by("path")
    # A permission on a page covers its subtree: skip pages already covered by
    # an ancestor in the list (standard pages under standard pages).
    kept = []
    for page in pages:
        if not any(page.path.startswith(parent.path) for parent in kept):
            kept.append(page)
    return kept


@transaction.atomic
def setup_roles():
    """Create the role groups (if the migration has not) and attach their page
    permissions to the pages that exist. Returns a report, one line per change."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    report = [f"created group {name}" for name in ensure_groups(apps)]
    for name, role in ROLES.items():
        group = Group.objects.get(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            for codename in role["page_permissions"]
        ]
        for page in role_pages(role):
            granted = False
            for permission in permissions:
                _rule, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
                granted = granted or created
            if granted:
                report.append(f"granted {name} pages under {page.url_path}")
    return report


def enquiry_form_pages_for_user(user, editable_forms):
    """The form pages whose submissions ``user`` may read.

    Enquiries hold project holders' personal data, so they go to those who
    answer them: the people who may edit a form page in the source language
    (the Network team, administrators). They read the submissions of every
    language's copy of that form (one per translation); translators and
    reviewers, who may edit only the translated copies, read none.
    """
    from wagtail.models import Locale, Page

    source_forms = editable_forms.filter(locale=Locale.get_default())
    return Page.objects.filter(
        translation_key__in=source_forms.values("translation_key"),
        content_type__in=source_forms.values("content_type"),
    )
