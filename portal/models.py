"""Models shared by every content app: the image model and the theme taxonomy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CustomImage(AbstractImage):
    """Wagtail's image plus a credit line, shown under every published image."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or rights holder, shown under the image."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A discipline or theme: one taxonomy shared by centres, programmes, calls and news.

    The slug is synchronised across languages, so filter URLs such as
    ``?theme=musique`` stay the same in every locale.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in filter URLs; identical in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("discipline or theme")
        verbose_name_plural = _("disciplines and themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class NotFoundPath(models.Model):
    """A public address that answered "not found": how often, since when, from where.

    Recorded by ``portal.not_found.NotFoundRecorderMiddleware`` and listed in the
    admin's "Pages not found" report, where each path can get a redirect.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    # Normalised as a redirect's "old path" (no trailing slash, query parameters
    # sorted), so a redirect can be made from it as it is.
    path = models.CharField(_("path"), max_length=255)
    # The redirect middleware tries the path with its query string, then without.
    path_without_query = models.CharField(_("path without query string"), max_length=255)
    hits = models.PositiveIntegerField(_("times"), default=0)
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)
    last_referrer = models.CharField(
        _("last referring page"),
        max_length=255,
        blank=True,
        help_text=_("The page holding the broken link, without its query string."),
    )

    class Meta:
        verbose_name = _("page not found")
        verbose_name_plural = _("pages not found")
        constraints = [
            models.UniqueConstraint(fields=["site", "path"], name="unique_not_found_path_per_site")
        ]

    def __str__(self):
        return self.path
