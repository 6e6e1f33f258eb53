"""News items and advocacy positions of the association."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BodyStreamBlock, DocumentListBlock
from portal.fields import image_field, themes_field
from portal.i18n import SOURCE_LOCALE_ONLY, localized_snippets
from portal.pagination import paginate


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


class DatedIndexPage(Page):
    """What the news and advocacy indexes share: an introduction, newest first, paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    page_size = 12

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def get_item_model(self):
        raise NotImplementedError

    def get_items(self):
        return self.get_item_model().objects.live().public().child_of(self).order_by("-date", "-pk")

    def filter_items(self, request, items, context):
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.filter_items(request, self.get_items(), context)
        context["items"] = paginate(request, items, self.page_size)
        return context


class NewsIndexPage(DatedIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_item_model(self):
        return NewsPage

    def get_items(self):
        return super().get_items().select_related("image", "category").prefetch_related("tags")

    def filter_items(self, request, items, context):
        """Filter by ``?category=<slug>`` and ``?tag=<slug>``; unknown values are ignored."""
        categories = localized_snippets(
            NewsCategory.objects.filter(SOURCE_LOCALE_ONLY).order_by("name")
        )
        selected = request.GET.get("category", "")
        if selected not in {category.slug for category in categories}:
            selected = ""
        if selected:
            items = items.filter(category__slug=selected)
        tag = request.GET.get("tag", "")
        if tag:
            items = items.filter(tags__slug=tag)
        context.update(categories=categories, category=selected, tag=tag)
        return items


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(Page):
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

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @cached_property
    def localized_category(self):
        return self.category.localized if self.category else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_centres"] = [
            page.localized for page in self.related_centres.live().public().order_by("title")
        ]
        context["related_programmes"] = [
            page.localized for page in self.related_programmes.live().public().order_by("title")
        ]
        return context


class AdvocacyIndexPage(DatedIndexPage):
    subpage_types = ["news.AdvocacyPositionPage"]

    class Meta:
        verbose_name = _("advocacy index")

    def get_item_model(self):
        return AdvocacyPositionPage

    def get_items(self):
        return super().get_items().prefetch_related("themes")


class SignatoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("organisation"))
    url = blocks.URLBlock(required=False, label=_("website"))

    class Meta:
        icon = "group"
        label = _("Signatory or partner")


class AdvocacyPositionPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    themes = themes_field(_("themes"))
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    signatories = StreamField(
        [("signatory", SignatoryBlock())],
        verbose_name=_("signatories and partners"),
        blank=True,
    )
    position_papers = StreamField(
        [("documents", DocumentListBlock())],
        verbose_name=_("position papers"),
        blank=True,
        max_num=1,
    )

    override_translatable_fields = [SynchronizedField("themes")]

    parent_page_types = ["news.AdvocacyIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("signatories"),
        FieldPanel("position_papers"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("date"),
        APIField("themes"),
        APIField("summary"),
        APIField("body"),
        APIField("signatories"),
        APIField("position_papers"),
    ]

    class Meta:
        verbose_name = _("advocacy position")
        verbose_name_plural = _("advocacy positions")

    @cached_property
    def localized_themes(self):
        return localized_snippets(self.themes.all())
