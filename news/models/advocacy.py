"""Advocacy positions, their position papers and signatories, and the advocacy index."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from news import listing
from news.models.indexes import DatedIndexPage, DatedItemMixin
from portal.blocks import BodyStreamBlock, DocumentListBlock
from portal.cards import (
    prepare_page_of_cards,
    with_localized_themes,
)
from portal.fields import LocalizedThemesMixin, image_field, themes_field


class AdvocacyIndexPage(DatedIndexPage):
    subpage_types = ["news.AdvocacyPositionPage"]

    class Meta:
        verbose_name = _("advocacy index")

    def get_item_model(self):
        return AdvocacyPositionPage

    def get_feed_items(self):
        items = super().get_feed_items()
        return with_localized_themes(items)

    def prepare_items(self, page_obj):
        prepare_page_of_cards(page_obj, themes=True)
        with_position_papers(page_obj.object_list)
        return page_obj

    def get_filters(self, request, items):
        """Filter by ``?theme=<slug>``, each option counted."""
        return listing.filter_positions(items, request.GET)


def _document_items(stream):
    """The ``{"document": id, "title": ...}`` items of a raw ``position_papers`` stream."""
    for block in stream.raw_data:
        for item in (block.get("value") or {}).get("documents") or []:
            # ListBlock items are ``{"type": "item", "value": ..., "id": ...}`` since
            # Wagtail 2.16; older data holds the values themselves.
            value = item.get("value") if item.get("type") == "item" else item
            if value and value.get("document"):
                yield value


def with_position_papers(positions):
    """Fill each position's ``position_paper_documents`` with one query for the whole list."""
    positions = list(positions)
    ids = {
        item["document"]
        for position in positions
        for item in _document_items(position.position_papers)
    }
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    for position in positions:
        papers = []
        for item in _document_items(position.position_papers):
            document = documents.get(item["document"])
            if document is not None:
                papers.append((item.get("title") or document.title, document))
        position.__dict__["position_paper_documents"] = papers
    return positions


class SignatoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("organisation"))
    url = blocks.URLBlock(required=False, label=_("website"))

    class Meta:
        icon = "group"
        label = _("Signatory or partner")


class AdvocacyPositionPage(DatedItemMixin, LocalizedThemesMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    themes = themes_field(_("themes"))
    summary = models.TextField(_("summary"), max_length=600)
    image = image_field(_("image"))
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
    index_page_model = AdvocacyIndexPage
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("image"),
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
        APIField("image"),
        APIField("body"),
        APIField("signatories"),
        APIField("position_papers"),
    ]

    og_type = "article"

    class Meta:
        verbose_name = _("advocacy position")
        verbose_name_plural = _("advocacy positions")

    def get_social_image(self):
        return self.image

    @property
    def feed_description(self):
        return self.summary

    @property
    def feed_categories(self):
        return [theme.name for theme in self.localized_themes]

    @cached_property
    def position_paper_documents(self):
        """``(title, document)`` for each position paper, in the editor's order."""
        papers = []
        for block in self.position_papers:
            for item in block.value["documents"]:
                if item["document"] is not None:
                    papers.append((item["title"] or item["document"].title, item["document"]))
        return papers
