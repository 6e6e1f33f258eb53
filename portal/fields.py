"""Field factories for the relations every content app declares the same way."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField

from portal.i18n import SOURCE_LOCALE_ONLY, localized_snippets


def image_field(verbose_name):
    """An optional image; deleting the image leaves the page without one."""
    return models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def themes_field(verbose_name):
    """Links to the shared taxonomy, always to its source-language records."""
    return ParentalManyToManyField(
        "portal.Theme",
        verbose_name=verbose_name,
        blank=True,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_ONLY,
    )


class LocalizedThemesMixin:
    """For a model with a ``themes_field`` named ``themes``: its themes in the page's language.

    Listings fetch them for a whole page of cards at once
    (``portal.cards.with_localized_themes`` fills this property).
    """

    @cached_property
    def localized_themes(self):
        return localized_snippets(self.themes.all())
