"""What the communication team learns from visitors' searches."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ZeroResultQuery(models.Model):
    """A query that found nothing, counted per language and day: content to write."""

    query_string = models.CharField(_("query"), max_length=255)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "locale", "date"], name="unique_zero_result_query_per_day"
            )
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, locale):
        entry, _created = cls.objects.get_or_create(
            query_string=query_string.lower()[:255], locale=locale, date=timezone.localdate()
        )
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)
