"""Pages not found: record the public addresses that answer 404, report them in the admin.

After a move from an old site, visitors and search engines keep asking for
the old addresses. ``NotFoundRecorderMiddleware`` counts every "not found"
answer per site and path (``seo.models.NotFoundPath``); the admin report
"Pages not found" (Reports menu) lists them, most frequent first, each with a
link that opens Wagtail's "Add redirect" form with the path filled in.

What is recorded, and why:
- only the final answer: the middleware sits outside Wagtail's redirect
  middleware and Django's locale and common middlewares, so a path that one of
  them redirects (an imported redirect, ``/programmes/`` → ``/fr/programmes/``,
  a missing final slash) is not a 404 and is not counted;
- GET and HEAD requests only, outside the admin and the static and media files
  (a missing image is a deployment problem, not a missing redirect);
- the path alone, normalised as Wagtail stores a redirect's "old path" (no
  trailing slash), without its query string: robots adding random parameters
  made a row per request. A redirect made for the path catches every query
  string (Wagtail's middleware tries the full path, then the path alone); one
  for a single query string (an old site's ``/index.php?page=12``) is added
  by hand from the path. A path that does not fit a redirect's 255
  characters is not recorded;
- at most ``NOT_FOUND_MAX_ROWS`` (5,000) rows: when the report is full, a new
  path takes the place of the one asked for least (then longest ago), so a
  flood of distinct addresses churns among the paths seen once, and the
  paths visitors keep asking for stay;
- the referring page without its query string (it may hold a visitor's search
  terms on another site).

A path nobody asked for in ``NOT_FOUND_RETENTION_DAYS`` (180) is forgotten
(``forget_old_paths``, run every minute by ``manage.py run_periodic``): robots
try endless addresses once, and the report must keep showing what visitors
still ask for.
"""

import datetime as dt
import logging
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.views import CreateView as RedirectCreateView
from wagtail.models import Site
from wagtail.permissions import policy_registry

from seo.models import NotFoundPath

logger = logging.getLogger(__name__)

MAX_PATH_LENGTH = NotFoundPath._meta.get_field("path").max_length
MAX_REFERRER_LENGTH = NotFoundPath._meta.get_field("last_referrer").max_length
DEFAULT_RETENTION_DAYS = 180
DEFAULT_MAX_ROWS = 5000
# Who may see the report: whoever may manage redirects, the report's purpose.
REDIRECT_PERMISSIONS = ["add", "change", "delete"]


def ignored_prefixes():
    return tuple(
        prefix
        for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/")
        if prefix and prefix.startswith("/")
    )


def recorded_path(full_path):
    """The path as stored, without its query string, or ``None`` when it cannot be a redirect."""
    if "\0" in full_path:
        return None  # PostgreSQL refuses null characters; Wagtail's middleware skips them too
    path = Redirect.normalise_path(urlsplit(full_path).path)
    if len(path) > MAX_PATH_LENGTH:
        return None
    return path


def make_room():
    """Delete the rows asked for least (then longest ago) beyond ``NOT_FOUND_MAX_ROWS - 1``."""
    max_rows = getattr(settings, "NOT_FOUND_MAX_ROWS", DEFAULT_MAX_ROWS)
    excess = NotFoundPath.objects.count() - max_rows + 1
    if excess > 0:
        evicted = NotFoundPath.objects.order_by("hits", "last_seen", "pk").values_list(
            "pk", flat=True
        )[:excess]
        NotFoundPath.objects.filter(pk__in=list(evicted)).delete()


def referring_page(request):
    referrer = request.META.get("HTTP_REFERER", "")
    parts = urlsplit(referrer)
    if parts.scheme not in ("http", "https"):
        return ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))[:MAX_REFERRER_LENGTH]


def record_not_found(request):
    """Count one "not found" answer to ``request``; safe when workers record the same path."""
    full_path = request.get_full_path()
    if full_path.startswith(ignored_prefixes()):
        return
    stored_path = recorded_path(full_path)
    site = Site.find_for_request(request)
    if stored_path is None or site is None:
        return
    now = timezone.now()
    referrer = referring_page(request)
    # A visit typed or bookmarked has no referrer: keep the last page that had one.
    changes = {"hits": F("hits") + 1, "last_seen": now}
    if referrer:
        changes["last_referrer"] = referrer
    same_path = NotFoundPath.objects.filter(site=site, path=stored_path)
    # The increment happens in the database (F()), so concurrent requests all count;
    # the unique constraint turns a concurrent first insert into an update.
    if same_path.update(**changes):
        return
    make_room()
    try:
        with transaction.atomic():
            NotFoundPath.objects.create(
                site=site,
                path=stored_path,
                hits=1,
                first_seen=now,
                last_seen=now,
                last_referrer=referrer,
            )
    except IntegrityError:
        same_path.update(**changes)


def forget_old_paths(now=None):
    """Delete the paths not asked for in ``NOT_FOUND_RETENTION_DAYS``; returns how many."""
    days = getattr(settings, "NOT_FOUND_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    deleted, _by_model = NotFoundPath.objects.filter(last_seen__lt=cutoff).delete()
    return deleted


class NotFoundRecorderMiddleware:
    """Record the 404 answers to public GET requests (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            try:
                with transaction.atomic():
                    record_not_found(request)
            except DatabaseError:
                # Counting must never turn a 404 into a server error.
                logger.exception("Could not record the page not found %s", request.path)
        return response


def with_redirect_flag(queryset):
    """Annotate ``has_redirect``: a redirect now answers the path, as Wagtail's middleware looks.

    The path has no query string, so the redirect made for the path alone is the
    one that answers it (Wagtail's middleware tries the path without its query
    string after the full one).
    """
    redirects = Redirect.objects.filter(
        Q(site=OuterRef("site")) | Q(site__isnull=True),
        old_path=OuterRef("path"),
    )
    return queryset.annotate(has_redirect=Exists(redirects))


class NotFoundFilterSet(WagtailFilterSet):
    redirect = ChoiceFilter(
        label=_("Redirect"),
        empty_label=_("All paths"),
        choices=[("missing", _("Without a redirect")), ("made", _("With a redirect"))],
        method="filter_redirect",
    )

    class Meta:
        model = NotFoundPath
        fields = []

    def filter_redirect(self, queryset, name, value):
        if value:
            return queryset.filter(has_redirect=value == "made")
        return queryset


class RedirectColumn(Column):
    """A link to Wagtail's "Add redirect" form for the path, or to its existing redirect."""

    cell_template_name = "seo/admin/not_found_redirect_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_add"] = request is not None and policy_registry.get_by_type(
            Redirect
        ).user_has_permission(request.user, "add")
        return context


class NotFoundReportView(ReportView):
    page_title = _("Pages not found")
    header_icon = "warning"
    model = NotFoundPath
    index_url_name = "seo_not_found_report"
    index_results_url_name = "seo_not_found_report_results"
    any_permission_required = REDIRECT_PERMISSIONS
    is_searchable = True
    search_fields = ["path"]
    filterset_class = NotFoundFilterSet
    default_ordering = "-hits"
    list_export = [
        "path",
        "site",
        "hits",
        "first_seen",
        "last_seen",
        "last_referrer",
        "has_redirect",
    ]
    export_headings = {
        "path": _("Path"),
        "site": _("Site"),
        "hits": _("Times"),
        "first_seen": _("First seen"),
        "last_seen": _("Last seen"),
        "last_referrer": _("Last referring page"),
        "has_redirect": _("Has a redirect"),
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Redirect)

    @cached_property
    def columns(self):
        columns = [
            Column("path", label=_("Path"), sort_key="path"),
            NumberColumn("hits", label=_("Times"), sort_key="hits"),
            DateColumn("last_seen", label=_("Last seen"), sort_key="last_seen"),
            DateColumn("first_seen", label=_("First seen"), sort_key="first_seen"),
            Column("last_referrer", label=_("Last referring page")),
            RedirectColumn("has_redirect", label=_("Redirect")),
        ]
        if Site.objects.count() > 1:
            columns.insert(1, Column("site", label=_("Site")))
        return columns

    def get_filename(self):
        return f"pages-not-found-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        return with_redirect_flag(NotFoundPath.objects.select_related("site"))

    def order_queryset(self, queryset):
        # Tie-breakers give a stable order under equal counts, so pages of the report
        # neither overlap nor skip rows.
        ordering = self.ordering or self.default_ordering
        tie_breakers = [
            key for key in ("-last_seen", "pk") if key.lstrip("-") != ordering.lstrip("-")
        ]
        return queryset.order_by(ordering, *tie_breakers)


class AddRedirectForPathView(RedirectCreateView):
    """Wagtail's "Add redirect" form, with the path and site of a page not found filled in.

    Wagtail's add view takes no initial values from the URL; this one only
    fills the form, which is posted to Wagtail's own add view as usual.
    """

    def get_initial(self):
        row = get_object_or_404(NotFoundPath, pk=self.kwargs["pk"])
        return {**super().get_initial(), "old_path": row.path, "site": row.site_id}


class NotFoundMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Redirect).user_has_any_permission(
            request.user, REDIRECT_PERMISSIONS
        )


def not_found_admin_urls():
    """The report, its results fragment (filters, pages) and the prefilled "Add redirect" form."""
    return [
        path("reports/not-found/", NotFoundReportView.as_view(), name="seo_not_found_report"),
        path(
            "reports/not-found/results/",
            NotFoundReportView.as_view(results_only=True),
            name="seo_not_found_report_results",
        ),
        path(
            "reports/not-found/<int:pk>/add-redirect/",
            AddRedirectForPathView.as_view(),
            name="seo_not_found_add_redirect",
        ),
    ]


def not_found_menu_item():
    return NotFoundMenuItem(
        _("Pages not found"),
        reverse("seo_not_found_report"),
        name="pages-not-found",
        icon_name="warning",
        order=710,
    )
