"""The calls page: every call of a language across programmes, filtered, with its RSS,
Atom and deadlines feeds."""

from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.cards import prepare_cards
from portal.i18n import default_locale, locale_by_id, with_source_fallback
from portal.pagination import paginate
from programmes import feeds, listing
from programmes.models.calls import CallPage
from programmes.models.programmes import ProgrammePage


class CallIndexPage(RoutablePageMixin, Page):
    """Every call of a language across programmes: open, then upcoming, then the archive.

    Serves the calls as RSS (``rss/``), Atom (``atom/``) and an iCalendar feed of
    deadlines (``deadlines/``); feeds accept the page's filters, e.g.
    ``rss/?programme=odyssee``.
    """

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    archive_page_size = 12
    feed_size = 50

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("calls for applications page")

    def get_calls(self):
        """Every public call, in this language or else in French (docs/decisions.md)."""
        return with_source_fallback(
            CallPage.objects.live().public(), locale=locale_by_id(self.locale_id)
        )

    def get_programmes(self):
        """The programmes the filter offers: this language's and the French ones."""
        return (
            ProgrammePage.objects.live()
            .public()
            .filter(locale_id__in={self.locale_id, default_locale().pk})
        )

    def filter_calls(self, request, now):
        """The facets of the request and the matching calls, status annotated at ``now``.

        The page, its RSS and Atom feeds and its deadlines calendar all filter here.
        """
        calls = self.get_calls().with_status(now)
        statuses = [
            (status, CallPage.Status(status).label)
            for status in (CallPage.Status.OPEN, CallPage.Status.UPCOMING, CallPage.Status.CLOSED)
        ]
        filters = listing.filter_calls(
            calls, request.GET, statuses, self.get_programmes(), self.locale_id
        )
        if filters.is_active:
            calls = calls.filter(pk__in=filters.matching_ids)
        return filters, calls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        filtered, calls = self.filter_calls(request, now)
        context["filters"] = filtered
        context["feed_query"] = f"?{urlencode(filtered.selected)}" if filtered.is_active else ""
        context["total"] = calls.count()
        context["open_calls"] = calls.filter(computed_status=CallPage.Status.OPEN).order_by(
            "closes_at", "pk"
        )
        context["upcoming_calls"] = calls.filter(computed_status=CallPage.Status.UPCOMING).order_by(
            "opens_at", "pk"
        )
        context["closed_calls"] = paginate(
            request,
            calls.filter(computed_status=CallPage.Status.CLOSED).order_by("-closes_at", "pk"),
            self.archive_page_size,
        )
        # The three sections' cards, fetched together: a fixed number of queries
        # whichever sections have calls.
        for name in ("open_calls", "upcoming_calls"):
            context[name] = list(context[name])
        context["closed_calls"].object_list = list(context["closed_calls"].object_list)
        prepare_cards(
            [
                *context["open_calls"],
                *context["upcoming_calls"],
                *context["closed_calls"].object_list,
            ],
            parents=True,
            themes=True,
        )
        return context

    def get_feed_calls(self, request):
        """The filtered calls for the feeds: latest announced first."""
        _filtered, calls = self.filter_calls(request, timezone.now())
        return list(
            calls.order_by(F("first_published_at").desc(nulls_last=True), "-opens_at")[
                : self.feed_size
            ]
        )

    @path("rss/", name="rss")
    def rss_view(self, request):
        return feeds.CallsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_view(self, request):
        return feeds.CallsAtomFeed(self)(request)

    @path("deadlines/", name="deadlines")
    def deadlines_view(self, request):
        _filtered, calls = self.filter_calls(request, timezone.now())
        calendar = feeds.deadlines_calendar(self, calls.order_by("closes_at", "pk"), request)
        response = HttpResponse(calendar.to_ical(), content_type=feeds.ICALENDAR_CONTENT_TYPE)
        response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
        return response
