"""Translate test content through wagtail-localize, as the admin would."""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def translate(obj, code, strings=None, publish=True):
    """Translate ``obj`` into ``code`` the way wagtail-localize does, filling ``strings``.

    ``strings`` maps French source text to its translation; what it does not
    cover is "translated" as the same French text, so that the translation is
    complete (an incomplete one cannot be sent for review). Returns the
    translated object.
    """
    locale, _ = Locale.objects.get_or_create(language_code=code)
    # update_or_create: a source changed since an earlier translation is re-read.
    source, _ = TranslationSource.update_or_create_from_instance(obj)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (strings or {}).get(entry.msgid, entry.msgid)
    translation.import_po(po)
    if isinstance(obj, Page):
        translation.save_target(publish=False)
        target = obj.get_translation(locale)
        if publish:
            target.get_latest_revision().publish()
        # Publishing saves a copy of the page built from the revision: ``target``
        # still says ``live=False``, and ``unpublish()`` on it would do nothing.
        return target.specific_class.objects.get(pk=target.pk)
    translation.save_target(publish=True)
    return obj.get_translation(locale)
