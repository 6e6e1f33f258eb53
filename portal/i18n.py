"""Helpers for translatable snippets.

Pages refer to taxonomy snippets (themes, categories) in the source language:
wagtail-localize synchronises many-to-many fields rather than translating them,
so every locale's page points at the same French records. These helpers show
the visitor the record of their own language, falling back to French.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale

SOURCE_LOCALE_ONLY = Q(locale__language_code=settings.LANGUAGE_CODE)


def localized_snippets(objects):
    """Return ``objects`` in the active locale, in one query, keeping their order."""
    objects = list(objects)
    if not objects:
        return objects
    active = Locale.get_active()
    if all(obj.locale_id == active.pk for obj in objects):
        return objects
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[o.translation_key for o in objects], locale=active
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]
