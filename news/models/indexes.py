"""What the news and advocacy indexes share: newest first, paginated, filtered, with feeds."""

from django.db import models
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from news.feeds import DatedIndexFeed
from portal.page_tree import nearest_live_ancestor
from portal.pagination import paginate


class DatedIndexPage(RoutablePageMixin, Page):
    """What the news and advocacy indexes share: an introduction, newest first, paginated.

    Each index also serves its items as RSS 2.0 (``rss/``) and Atom (``atom/``)
    feeds, in the index's own language only.
    """

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    page_size = 12
    feed_size = 20

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def get_item_model(self):
        raise NotImplementedError

    def get_items(self):
        return self.get_item_model().objects.live().public().child_of(self).order_by("-date", "-pk")

    def get_feed_items(self):
        """The newest items for the feeds, with what their entries show fetched in bulk."""
        return list(self.get_items()[: self.feed_size])

    def get_filters(self, request, items):
        """The index's filters (``portal.facets.FacetFilters``) counted over ``items``."""
        raise NotImplementedError

    def prepare_items(self, page_obj):
        """Fetch what the cards of one page of items show, in a fixed number of queries."""
        return page_obj

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_items()
        context["filters"] = filters = self.get_filters(request, items)
        if filters.is_active:
            items = items.filter(pk__in=filters.matching_ids)
        context["items"] = self.prepare_items(paginate(request, items, self.page_size))
        return context

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        return DatedIndexFeed(self, Rss201rev2Feed, "rss_feed")(request)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        return DatedIndexFeed(self, Atom1Feed, "atom_feed")(request)


class DatedItemMixin:
    """A news item or a position: the listing it is published under, for its page.

    The page links back to it, to its filters (category, tag) and announces its
    feeds: ``get_context`` finds it once (``index_page``) rather than the
    template asking for each link.
    """

    index_page_model = None  # the listing's page type, set by each item type

    def get_index_page(self):
        """The nearest live ancestor of the listing's type, or None."""
        return nearest_live_ancestor(self, self.index_page_model)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_index_page()
        return context
