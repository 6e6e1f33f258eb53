"""Models shared by every content app: the image model and the theme taxonomy."""

from functools import lru_cache

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image
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

    # Every ``{% image %}``/``{% picture %}`` tag makes new ``Filter`` objects
    # at each render, and Wagtail parses each one's operations again (with
    # ``inspect``) to find its focal-point key: a listing of twenty cards
    # parsed the same specs eighty times. A ``Filter`` holds only its spec and
    # what is parsed from it (it compares and hashes by spec), so one per spec
    # serves every image, here where every rendition look-up goes through.
    def get_renditions(self, *filters):
        return super().get_renditions(*(shared_filter(spec) for spec in filters))

    def get_rendition(self, filter):
        # Through get_renditions: Wagtail's own get_rendition writes the
        # rendition to the cache at every call, even when it read it there.
        (rendition,) = self.get_renditions(shared_filter(filter)).values()
        return rendition

    def find_existing_renditions(self, *filters):
        """Wagtail's, with the renditions read from the cache marked as such.

        Wagtail marks prefetched renditions ``_from_cache`` but not those it
        reads from the rendition cache, so ``get_renditions`` wrote every cache
        hit back: on the database cache of production, six writes (each with
        its transaction and cull count) per uncached home page.
        """
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        Rendition = self.get_rendition_model()
        by_key = {
            Rendition.construct_cache_key(self, filter.get_cache_key(self), filter.spec): filter
            for filter in filters
        }
        found = {}
        for key, rendition in Rendition.cache_backend.get_many(list(by_key)).items():
            rendition.image = self  # as Wagtail: the image's contextual alt text applies
            rendition._from_cache = True
            found[by_key[key]] = rendition
        missing = [filter for filter in filters if filter not in found]
        if missing:
            found.update(super().find_existing_renditions(*missing))
        return found


@lru_cache(maxsize=512)
def _filter_for_spec(spec):
    return Filter(spec=spec)


def shared_filter(filter_or_spec):
    """The one ``Filter`` of a spec (a string or a plain ``Filter``); others as they are."""
    if isinstance(filter_or_spec, str):
        return _filter_for_spec(filter_or_spec)
    if type(filter_or_spec) is Filter:
        return _filter_for_spec(filter_or_spec.spec)
    return filter_or_spec


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
