"""The admin side of the translation review (see ``translations.review``).

``translations`` comes before ``wagtail_localize`` in ``INSTALLED_APPS``, so
its hooks run first and its URLs win: each state-changing view that
wagtail-localize adds was checked against the rule "translations go live only
through review":

- *Sync translated pages* (``localize/update/<id>/``): replaced by
  ``SyncAndReviewView``, whose "publish" sends for review;
- *Convert to alias page* (``localize/page/<id>/convert_to_alias/``): refused,
  and its menu item removed (an alias shows the French page to the visitors of
  another language);
- *Publish* in the translation editor (a POST to the edit view): refused for
  pages, whose reviewers publish by approving; for snippets (which Wagtail
  cannot review) refused while texts are left untranslated;
- *Stop* and *restart* synced translation, PO upload, machine translation and
  the segment API change texts or the translation record only, never what
  visitors see: kept as they are;
- new pages under an untranslated parent: see ``translations.parents``.
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail_localize.models import Translation

from translations import views
from translations.panels import add_translation_panels
from translations.review import texts_left, translation_for


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    return [
        # Same paths as wagtail-localize's views, which these replace.
        path(
            "localize/submit/page/<int:page_id>/",
            views.AskForTranslationView.as_view(),
            name="translations_submit_page",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.SyncAndReviewView.as_view(),
            name="translations_sync",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.refuse_convert_to_alias,
            name="translations_refuse_convert_to_alias",
        ),
        path("translation-status/", views.translation_status, name="translations_status"),
        path(
            "translation-review/<int:page_id>/submit/",
            views.submit_translation_for_review,
            name="translations_submit_for_review",
        ),
        path(
            "translation-review/<int:page_id>/review/<int:task_state_id>/",
            views.review_translation,
            name="translations_review",
        ),
    ]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def submit_for_review_button(page, user, view_name=None, next_url=None):
    """Shown on translated pages to those who may edit but not publish them."""
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or perms.can_publish() or page.workflow_in_progress:
        return
    if translation_for(page) is None:
        return
    yield ListingButton(
        _("Submit translation for review"),
        reverse("translations_submit_for_review", args=[page.pk]),
        priority=61,
        icon_name="resubmit",
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            # The form is posted to this address (without it, to the page the
            # browser is on).
            "data-w-action-url-value": reverse("translations_submit_for_review", args=[page.pk]),
        },
    )


@hooks.register("before_edit_page")
def refuse_publishing_translations(request, page):
    publishing = request.method == "POST" and request.POST.get("action") == "publish"
    if publishing and translation_for(page) is not None:
        return views.refuse_publishing(request, page)
    return None


@hooks.register("before_edit_snippet")
def refuse_publishing_incomplete_snippets(request, instance):
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = Translation.objects.filter(
        source__object_id=getattr(instance, "translation_key", None),
        target_locale_id=getattr(instance, "locale_id", None),
        enabled=True,
    ).first()
    if translation is not None and texts_left(translation):
        return views.refuse_incomplete_snippet(request, instance)
    return None


@hooks.register("construct_page_action_menu")
def remove_convert_to_alias(menu_items, request, context):
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translations_status"),
        icon_name="wagtail-localize-language",
        order=700,
    )


hooks.register("construct_homepage_panels", add_translation_panels)


@hooks.register("insert_global_admin_js")
def admin_words():
    """English words written by third-party admin scripts, in the admin's language
    (``translations/admin_words.py`` lists the Python ones)."""
    return format_html(
        '<script src="{}" data-save-selected="{}" data-translation-of="{}"></script>',
        static("translations/admin-words.js"),
        gettext("Save selected"),
        # {source} and {target} are language names, e.g. "French" and "Arabic".
        gettext("{source} to {target} translation"),
    )
