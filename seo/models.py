"""The addresses that answered "not found", for the admin's "Pages not found" report."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotFoundPath(models.Model):
    """A public address that answered "not found": how often, since when, from where.

    Recorded by ``seo.not_found.NotFoundRecorderMiddleware`` and listed in the
    admin's "Pages not found" report, where each path can get a redirect.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    # The path alone, without its query string, normalised as a redirect's "old
    # path" (no trailing slash), so a redirect can be made from it as it is.
    path = models.CharField(_("path"), max_length=255)
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
