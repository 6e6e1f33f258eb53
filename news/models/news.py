"""News items, their categories and tags, and the news index."""

from django import forms
from django.db import models
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from news import listing
from news.models.indexes import DatedIndexPage, DatedItemMixin
from news.structured_data import news_article
from portal.blocks import BodyStreamBlock
from portal.cards import (
    prepare_cards,
    prepare_page_of_cards,
    with_localized_categories,
)
from portal.fields import image_field
from portal.i18n import SOURCE_LOCALE_ONLY, localized_pages, localized_snippets
from portal.previews import CardPreviewMixin, live_related
from portal.structured_data import json_ld


class NewsCategory(TranslatableMixin, index.Indexed, models.Model):
    """A news category, e.g. 'Life of the network' or 'Residencies'."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in filter URLs; identical in every language.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_news_category_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class NewsIndexPage(DatedIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_item_model(self):
        return NewsPage

    def get_items(self):
        return super().get_items().select_related("image", "category").prefetch_related("tags")

    def get_feed_items(self):
        items = super().get_feed_items()
        return with_localized_categories(items)

    def prepare_items(self, page_obj):
        return prepare_page_of_cards(page_obj, image_field="image", categories=True)

    def get_filters(self, request, items):
        """Filter by ``?category=<slug>`` and ``?tag=<slug>``, each option counted."""
        categories = NewsCategory.objects.filter(SOURCE_LOCALE_ONLY).order_by("name")
        tag_links = NewsPageTag.objects.filter(content_object__in=items.order_by())
        return listing.filter_news(items, request.GET, categories, tag_links)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def _count_shared(links, owner_field):
    """How many of ``links`` (rows of a link table) belong to the outer news item."""
    per_item = (
        links.filter(**{owner_field: OuterRef("pk")})
        .order_by()
        .values(owner_field)
        .annotate(shared=Count("pk"))
        .values("shared")
    )
    return Coalesce(Subquery(per_item), Value(0))


class NewsPage(DatedItemMixin, CardPreviewMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    lead = models.TextField(_("lead"), max_length=500, help_text=_("The opening paragraph."))
    image = image_field(_("image"))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    related_centres = ParentalManyToManyField(
        "network.CentrePage",
        verbose_name=_("related centres"),
        blank=True,
        related_name="news_items",
        limit_choices_to=SOURCE_LOCALE_ONLY,
    )
    related_programmes = ParentalManyToManyField(
        "programmes.ProgrammePage",
        verbose_name=_("related programmes"),
        blank=True,
        related_name="news_items",
        limit_choices_to=SOURCE_LOCALE_ONLY,
    )

    override_translatable_fields = [
        SynchronizedField("related_centres"),
        SynchronizedField("related_programmes"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    index_page_model = NewsIndexPage
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("Classification"),
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("related_centres", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_programmes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Related"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("date"),
        APIField("category"),
        APIField("tags"),
        APIField("lead"),
        APIField("image"),
        APIField("body"),
        APIField("related_centres"),
        APIField("related_programmes"),
    ]

    og_type = "article"
    related_items_count = 3
    card_preview_template = "news/previews/news_cards.html"
    card_preview_cards = {"image_field": "image", "categories": True}

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @cached_property
    def localized_category(self):
        return localized_snippets([self.category])[0] if self.category else None

    def get_card_preview_neighbours(self, mode_name):
        """The latest published items of the same language, as the listing and home show them."""
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("image", "category")
            .order_by("-date", "-pk")[: self.card_preview_count]
        )

    def get_social_image(self):
        return self.image

    @property
    def feed_description(self):
        return self.lead

    @property
    def feed_categories(self):
        names = [self.localized_category.name] if self.localized_category else []
        return names + [tag.name for tag in self.tags.all()]

    def get_related_items(self):
        """Other live news items of this language, those sharing the most first.

        Shared category, tags, related centres and related programmes each add
        one point; ties, and items sharing nothing (the fallback when few share
        anything), come newest first. One query, whatever the number of items.
        """
        overlap = Value(0)
        if self.category_id:
            overlap = models.Case(
                models.When(category_id=self.category_id, then=Value(1)), default=Value(0)
            )
        tag_ids = [tag.pk for tag in self.tags.all()]
        if tag_ids:
            overlap += _count_shared(
                NewsPageTag.objects.filter(tag_id__in=tag_ids), "content_object"
            )
        centre_ids = [page.pk for page in self.related_centres.all()]
        if centre_ids:
            through = NewsPage.related_centres.through
            overlap += _count_shared(
                through.objects.filter(centrepage_id__in=centre_ids), "newspage"
            )
        programme_ids = [page.pk for page in self.related_programmes.all()]
        if programme_ids:
            through = NewsPage.related_programmes.through
            overlap += _count_shared(
                through.objects.filter(programmepage_id__in=programme_ids), "newspage"
            )
        return list(
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .annotate(overlap=overlap)
            .select_related("image", "category")
            .order_by("-overlap", "-date", "-pk")[: self.related_items_count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_items"] = prepare_cards(
            self.get_related_items(), image_field="image", categories=True
        )
        context["related_centres"] = localized_pages(
            live_related(self.related_centres).order_by("title")
        )
        context["related_programmes"] = localized_pages(
            live_related(self.related_programmes).order_by("title")
        )
        context["structured_data"] = json_ld(news_article(self, request))
        return context
