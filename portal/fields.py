"""Field factories for the relations every content app declares the same way."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalManyToManyField

from portal.i18n import SOURCE_LOCALE_ONLY


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
