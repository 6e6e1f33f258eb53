"""RSS 2.0 and Atom feeds of a news or advocacy index, in the index's language.

An index page serves its own feeds (``rss/`` and ``atom/`` routes), so each
language's index has feeds listing only that language's items. Items expose
``feed_description`` and ``feed_categories``; the index's ``get_feed_items()``
returns them newest first with what the entries show already fetched.
"""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from wagtail.models import Site


class DatedIndexFeed(Feed):
    """The feed of one index page; built per request by the page's route."""

    def __init__(self, index_page, feed_type, route_name):
        self.index_page = index_page
        self.feed_type = feed_type
        self.route_name = route_name
        self.language = index_page.locale.language_code
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def _site_name(self):
        site = Site.find_for_request(self.request)
        if site is not None and site.site_name:
            return site.site_name
        return getattr(settings, "WAGTAIL_SITE_NAME", "")

    def title(self, index_page):
        site_name = self._site_name()
        return f"{index_page.title} — {site_name}" if site_name else index_page.title

    def description(self, index_page):
        return index_page.intro or index_page.title

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return index_page.get_full_url(self.request) + index_page.reverse_subpage(self.route_name)

    def author_name(self, index_page):
        return self._site_name()

    def items(self, index_page):
        return index_page.get_feed_items()

    def item_title(self, item):
        # Plain text: the feed generator escapes it once for XML.
        return item.title

    def item_description(self, item):
        return item.feed_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        """The item's own date, at midnight Paris time (``TIME_ZONE``)."""
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time.min))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return item.feed_categories
