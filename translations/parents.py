"""Pages created in another language's tree are draft translations, never aliases.

Translating a page whose parent is not translated yet makes Wagtail copy the
missing parents first (``copy_for_translation(copy_parents=True)``), as
*aliases* of the French pages: live at once when the French page is live,
with the French title and text, and made live again each time the French page
is published (``Page.update_aliases``). Translating one French news item into
Arabic thus published ``/ar/actualites/`` in French, linked from the Arabic
menu.

Every path that creates such a page (wagtail-localize's "Translate this
page", a whole subtree, a tree synchronisation, code) saves it through
``Page.save``, so the rule is kept there, on ``pre_save``: a page created in
one language as an alias of a page in another is saved as an ordinary page
that is not live; once inserted (``post_save``), it becomes a
wagtail-localize translation of its French page, saved as a draft: the
translators of that language see it on their dashboard, and it goes live
through review like any other translation.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from translations.review import save_translation_as_draft


def _is_alias_in_another_language(page):
    if not page._state.adding or page.alias_of_id is None:
        return False
    source_locale_id = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
    return source_locale_id.first() != page.locale_id


def keep_new_alias_out_of_public_view(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not _is_alias_in_another_language(instance):
        return
    instance._copied_for_translation_from = instance.alias_of_id
    instance.alias_of_id = None
    instance.live = False
    instance.has_unpublished_changes = True
    instance.first_published_at = None
    instance.last_published_at = None


def start_translation_of_copy(sender, instance, created, **kwargs):
    source_id = getattr(instance, "_copied_for_translation_from", None)
    if created and source_id is not None:
        del instance._copied_for_translation_from
        start_translation(instance, source_id)


def start_translation(page, source_id):
    """Make ``page`` the draft translation of the page it was copied from."""
    source_page = Page.objects.get(pk=source_id).specific
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale_id=page.locale_id, defaults={"enabled": True}
    )
    save_translation_as_draft(translation, user=None)


def connect_signals():
    pre_save.connect(keep_new_alias_out_of_public_view, dispatch_uid="translations_no_aliases")
    post_save.connect(start_translation_of_copy, dispatch_uid="translations_copies_translated")
