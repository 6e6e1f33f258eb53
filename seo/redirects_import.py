"""Import the old site's addresses into Wagtail's redirects, all or nothing.

``RedirectImport(site).run(data, dry_run=False)`` reads a CSV file of old paths
and their new pages or URLs (``COLUMN_REFERENCE`` documents it), validates every
row, and only when every row is valid creates and updates the redirects in one
transaction. A file with any bad row changes nothing and raises
``CsvImportError`` listing every problem as "line N: column: reason" (the
header is line 1), as the other imports of the portal do.

A target given as a path of the site (``/fr/programmes/odyssee/``) is stored
as the page it leads to, so the redirect follows the page when an editor moves
or renames it; an absolute URL is stored as a link.
"""

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Site

from portal.csv_import import CsvImportError, KeyLines, line_message, read_table, rejected

COLUMNS = ("old_path", "new_path_or_url", "permanent")
REQUIRED_COLUMNS = ("old_path", "new_path_or_url")
# Wagtail's Redirect stores both in 255 characters.
MAX_OLD_PATH_LENGTH = Redirect._meta.get_field("old_path").max_length
MAX_LINK_LENGTH = Redirect._meta.get_field("redirect_link").max_length
PERMANENT_VALUES = {
    **dict.fromkeys(("", "yes", "oui", "true", "1", "301", "permanent"), True),
    **dict.fromkeys(("no", "non", "false", "0", "302", "temporary", "temporaire"), False),
}
# The URL name of Wagtail's page-serving view (wagtail/urls.py).
WAGTAIL_SERVE = "wagtail_serve"

COLUMN_REFERENCE = """\
The file: CSV in UTF-8 (with or without BOM), comma- or semicolon-separated,
one redirect per row, a header row naming the columns in any order (case and
spaces do not matter). Line numbers in messages are the spreadsheet's row
numbers, the header being line 1.

  old_path          the old site's address: a path (/nos-actions/odyssee.html,
                    /index.php?page=12) or a full URL, of which only the path
                    and query string count. Wagtail's normal form is kept: no
                    trailing slash, query parameters sorted. Each old path once
                    in the file.
  new_path_or_url   where visitors go: a path of this site with its language
                    (/fr/programmes/odyssee/), which must lead to a live page
                    (the redirect then follows the page if it moves), or an
                    absolute http(s) URL of another site.
  permanent         optional: yes (301, the default: search engines move to the
                    new address) or no (302, temporary); also true/false, 1/0,
                    301/302, oui/non.

An old path that already has a redirect (for this site or for all sites)
updates it; the same target again leaves it unchanged, so a file can be
imported again. An old path that the site still serves gets a warning: Wagtail
redirects only addresses that would otherwise be "not found", so it would
never be used. If any row is bad, nothing at all is changed.
"""


@dataclass
class RedirectChange:
    """What the import does for one row: the redirect, saved or to save, and its target."""

    line: int
    redirect: Redirect
    target: str


@dataclass
class RedirectImportReport:
    site: Site
    dry_run: bool
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    # Rows that are imported but deserve a look: "line N: reason".
    warnings: list = field(default_factory=list)


def import_site(site_id=None):
    """The site the redirects belong to: ``site_id``, or the default site."""
    if site_id is not None:
        site = Site.objects.filter(pk=site_id).first()
        if site is None:
            known = ", ".join(
                f"{site.pk} ({site.hostname})" for site in Site.objects.order_by("pk")
            )
            raise CsvImportError(
                [
                    _("There is no site %(id)s (the sites are: %(known)s).")
                    % {"id": site_id, "known": known}
                ]
            )
        return site
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise CsvImportError([_("There is no default site: choose one with --site.")])
    return site


class SitePaths:
    """What a site serves at a path, found the way Wagtail's routing finds it.

    Public URLs start with the language (``/fr/…``, ``i18n_patterns``); the
    rest is the slugs under that language's home page (the site root's
    translation), then, on a routable page, one of its sub-routes.
    """

    def __init__(self, site):
        self.site = site
        languages = [code for code, _name in settings.LANGUAGES]
        root = site.root_page
        self.homes = {}
        for locale in Locale.objects.filter(language_code__in=languages):
            home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale)
            if home is not None:
                self.homes[locale.language_code] = home

    @staticmethod
    def segments(path):
        return [unquote(segment) for segment in urlsplit(path).path.split("/") if segment]

    def page_at(self, path):
        """``(page, route_path)`` of the live page served at ``path``, or ``(None, "")``."""
        segments = self.segments(path)
        if not segments or segments[0] not in self.homes:
            return None, ""
        home, slugs = self.homes[segments[0]], segments[1:]
        depth_of = {
            home.url_path + "".join(f"{slug}/" for slug in slugs[:depth]): depth
            for depth in range(len(slugs) + 1)
        }
        # Wagtail walks down the slugs and serves the deepest page found; only
        # there may a routable page take the rest of the path as a sub-route.
        deepest = max(
            Page.objects.filter(url_path__in=depth_of),
            key=lambda page: depth_of[page.url_path],
            default=None,
        )
        if deepest is None or not deepest.live:
            return None, ""
        page = deepest.specific
        rest = slugs[depth_of[deepest.url_path] :]
        if not rest:
            return page, ""
        route_path = "/" + "/".join(rest) + "/"
        try:
            page.resolve_subpage(route_path)
        except (AttributeError, Resolver404, Http404):
            return None, ""
        return page, route_path

    def serves(self, path):
        """Whether the site answers ``path`` with something else than "not found"."""
        url_path = urlsplit(path).path or "/"
        if not url_path.endswith("/"):
            url_path += "/"  # normalise_path() removed it; Wagtail's URLs end with one
        segments = self.segments(url_path)
        language = segments[0] if segments and segments[0] in self.homes else None
        with translation.override(language or settings.LANGUAGE_CODE):
            try:
                match = resolve(url_path)
            except Resolver404:
                return False
        if match.url_name != WAGTAIL_SERVE:
            return True  # one of the site's own views: search, sitemap, admin...
        return self.page_at(url_path)[0] is not None


class RedirectImport:
    """Validate a whole file of redirects, then apply it to one site in one transaction."""

    def __init__(self, site):
        self.site = site
        self.paths = SitePaths(site)
        self.validate_url = URLValidator(schemes=["http", "https"])

    def run(self, data, dry_run=False):
        """Import ``data`` (the file's bytes); raise ``CsvImportError`` on any bad input."""
        rows, _columns = read_table(data, COLUMNS, REQUIRED_COLUMNS)
        if not rows:
            raise CsvImportError([_("The file has a header but no redirects.")])
        report = self.plan(rows, dry_run)
        if not dry_run:
            self.apply(report)
        return report

    def plan(self, rows, dry_run):
        old_paths = [self.normalised_old_path(values["old_path"]) for _line, values in rows]
        existing = {}
        # The site's own redirect wins over an all-sites one, as in Wagtail's middleware.
        for redirect in Redirect.objects.filter(
            Q(site=self.site) | Q(site__isnull=True),
            old_path__in=[path for path in old_paths if path],
        ):
            if redirect.site_id == self.site.pk or redirect.old_path not in existing:
                existing[redirect.old_path] = redirect

        report = RedirectImportReport(site=self.site, dry_run=dry_run)
        errors = []
        keys = KeyLines("old_path")
        for (line, values), old_path in zip(rows, old_paths, strict=True):
            row_errors = keys.check(line, old_path)
            change, action = self.plan_row(
                line, values, old_path, existing.get(old_path), row_errors, report.warnings
            )
            errors.extend(row_errors)
            if not row_errors:
                getattr(report, action).append(change)
        if errors:
            raise rejected(errors)
        return report

    @staticmethod
    def normalised_old_path(value):
        """Wagtail's stored form of the old address, "" when the cell has none."""
        if not urlsplit(value.strip()).path.strip("/") and not urlsplit(value.strip()).query:
            return ""
        return Redirect.normalise_path(value)

    def plan_row(self, line, values, old_path, redirect, errors, warnings):
        """Check one row; return the change and "created", "updated" or "unchanged"."""

        def error(column, reason):
            errors.append(line_message(line, column, reason))

        if not old_path:
            error("old_path", _("empty: write the old site's path, e.g. /nos-actions/page.html"))
        elif len(old_path) > MAX_OLD_PATH_LENGTH:
            error(
                "old_path",
                _("longer than %(max)d characters, which Wagtail's redirects cannot store")
                % {"max": MAX_OLD_PATH_LENGTH},
            )

        is_permanent = PERMANENT_VALUES.get(values.get("permanent", "").strip().lower())
        if is_permanent is None:
            error(
                "permanent",
                _("“%(value)s” is not yes or no (301 or 302)") % {"value": values["permanent"]},
            )

        page, route_path, link = self.target(values["new_path_or_url"], error)
        target = link
        if page is not None:
            target = page.url + route_path.lstrip("/")
            if Redirect.normalise_path(target) == old_path:
                error("new_path_or_url", _("leads back to the old path itself"))
        if errors:
            return None, None

        if self.paths.serves(old_path):
            warnings.append(
                line_message(
                    line,
                    "old_path",
                    _(
                        "the site still serves %(path)s, so this redirect will not be used "
                        "until that page is removed (Wagtail redirects only pages not found)"
                    )
                    % {"path": old_path},
                )
            )

        action = "updated"
        if redirect is None:
            redirect = Redirect(old_path=old_path, site=self.site)
            action = "created"
        before = (
            redirect.redirect_page_id,
            redirect.redirect_page_route_path,
            redirect.redirect_link,
            redirect.is_permanent,
        )
        redirect.redirect_page = page
        redirect.redirect_page_route_path = route_path
        redirect.redirect_link = "" if page is not None else link
        redirect.is_permanent = is_permanent
        after = (page.pk if page else None, route_path, redirect.redirect_link, is_permanent)
        if action == "updated" and before == after:
            action = "unchanged"
        return RedirectChange(line=line, redirect=redirect, target=target), action

    def target(self, value, error):
        """``(page, route_path, link)`` for the new address; reports what is wrong with it."""
        column = "new_path_or_url"
        value = value.strip()
        if not value:
            error(column, _("empty: write the new page's path (/fr/…) or a full URL"))
            return None, "", ""
        parsed = urlsplit(value)
        if parsed.scheme or parsed.netloc:
            if parsed.hostname and parsed.hostname == self.site.hostname:
                value = parsed.path or "/"  # this site's own address: find its page
                if parsed.query:
                    value += "?" + parsed.query
            else:
                try:
                    self.validate_url(value)
                except ValidationError:
                    error(column, _("“%(value)s” is not a valid http(s) URL") % {"value": value})
                    return None, "", ""
                if len(value) > MAX_LINK_LENGTH:
                    error(
                        column,
                        _("longer than %(max)d characters, which Wagtail's redirects cannot store")
                        % {"max": MAX_LINK_LENGTH},
                    )
                    return None, "", ""
                return None, "", value
        if not value.startswith("/"):
            error(
                column,
                _("“%(value)s” is neither a path of the site (/fr/…) nor a full URL (https://…)")
                % {"value": value},
            )
            return None, "", ""
        if urlsplit(value).query:
            error(
                column,
                _(
                    "a page is a path without query string: drop “?%(query)s”, or write the "
                    "full URL (https://…) to keep it"
                )
                % {"query": urlsplit(value).query},
            )
            return None, "", ""
        page, route_path = self.paths.page_at(value)
        if page is None:
            error(column, _("no page at %(path)s") % {"path": value})
        return page, route_path, ""

    @transaction.atomic
    def apply(self, report):
        """Save new and changed redirects, logged in the redirects' history like the admin's."""
        for action, changes in (
            ("wagtail.create", report.created),
            ("wagtail.edit", report.updated),
        ):
            for change in changes:
                change.redirect.save()
                log(instance=change.redirect, action=action)
