"""Generic template helpers of the portal: breadcrumbs, dates, images and listings.

What a listing's cards show (renditions, parents, localized themes) is not
fetched here: pages gather it in ``get_context`` with ``portal.cards``, and
the templates only show it.
"""

from django import template
from django.conf import settings
from django.template.defaulttags import querystring
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from taggit.models import Tag
from wagtail.models import Site

from portal import page_tree
from portal.dates import deadline_text, in_site_time
from portal.descriptions import description_text
from portal.i18n import fallback_language
from portal.page_cache import understood_params

register = template.Library()


@register.simple_tag(takes_context=True)
def understood_querystring(context, **changes):
    """Django's ``{% querystring %}`` over the parameters the page read, the others dropped.

    A listing's page and filter links keep what the visitor chose and leave out
    what no page reads (``?utm_source=``, junk in a hand-edited URL): the page
    then does not depend on that junk, and the page cache can serve one copy
    for all of them (``portal/page_cache.py``). Empty values are dropped too:
    a filter form submitted with some selects left at "all" sends ``tag=``,
    which means no filter and need not follow the visitor from link to link.
    """
    params = understood_params(context["request"]).copy()
    for name in list(params):
        values = [value for value in params.getlist(name) if value]
        if values:
            params.setlist(name, values)
        else:
            del params[name]
    return querystring(context, params, **changes)


@register.simple_tag(takes_context=True)
def querystring_without_filter(context, name):
    """The listing's query string without the filter ``name`` (back to its first page).

    Dynamic names cannot be passed as ``{% querystring name=None %}`` keywords,
    hence this tag; an empty result is ``""``, not a bare ``?``.
    """
    query = understood_querystring(context, **{name: None, "page": None})
    return "" if query == "?" else query


# --- Page furniture -------------------------------------------------------------


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumbs(context, page=None, current_title=None):
    """The trail from the home page to ``page`` (or to a view titled ``current_title``).

    The tree's root (depth 1) is never shown. Views that are not pages (search,
    errors) pass ``current_title`` and get "Home › <title>".
    """
    request = context.get("request")
    ancestors = []
    if page is not None:
        ancestors = [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]
        current_title = page.title
    elif request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            home = site.root_page.localized
            ancestors = [{"title": home.title, "url": home.get_url(request)}]
    return {"ancestors": ancestors, "current_title": current_title}


@register.simple_tag(takes_context=True)
def site_name(context):
    """The name of the site serving the request, else ``WAGTAIL_SITE_NAME``."""
    site = Site.find_for_request(context.get("request"))
    if site is not None and site.site_name:
        return site.site_name
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


@register.simple_tag
def page_description(page, length=300):
    """Plain text describing ``page``: its search description, else its summary, lead or intro."""
    if page is None:
        return ""
    return Truncator(description_text(page)).chars(length)


@register.filter
def page_type(page):
    """The human name of a page's type, e.g. "centre" or "call for applications"."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.verbose_name


@register.filter
def model_name(page):
    """The lower-case model name of a page, e.g. "centrepage": a stable CSS hook."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.model_name


@register.simple_tag
def child_sections(page):
    """``portal.page_tree.child_sections``, for the error pages, which are not pages."""
    return page_tree.child_sections(page)


@register.simple_tag
def page_range(page_obj, on_each_side=2, on_ends=1):
    """The page numbers to show, with ``Paginator.ELLIPSIS`` where some are skipped."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.filter
def is_ellipsis(value):
    return isinstance(value, str)


# --- Dates --------------------------------------------------------------------------


@register.filter
def paris_datetime(value):
    """An aware datetime as a ``<time>`` element in Paris time, the time zone stated.

    For example "15 mars 2027, 12:00 (heure de Paris)" in French. Deadlines are
    set in Paris time whatever the visitor's own time zone; the ``datetime``
    attribute carries the UTC offset for machines.
    """
    if not value:
        return ""
    local = in_site_time(value)
    return format_html(
        '<time datetime="{}">{}</time>',
        local.replace(microsecond=0).isoformat(),
        deadline_text(local),
    )


@register.filter
def date_tag(value, fmt="DATE_FORMAT"):
    """A date (or datetime) as a ``<time>`` element with a machine-readable value."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat()[:10], date_format(value, fmt)
    )


# --- Images -------------------------------------------------------------------------


@register.filter
def alt_text(image, fallback=""):
    """The alternative text of an image: empty when decorative, else contextual or default."""
    if not image:
        return ""
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or fallback or image.default_alt_text


@register.filter
def image_credit(image, override=""):
    """The credit line of an image: the block's own credit, else the image's ``credit``."""
    return override or getattr(image, "credit", "") or ""


@register.filter
def document_size(document):
    """A document's size in bytes: the stored ``file_size``, else read from storage, else None."""
    if not document:
        return None
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):  # a missing file must not break the page
        return None


# --- Listings ----------------------------------------------------------------------


@register.simple_tag
def listed_language(page):
    """The language of a page listed among another language's pages, or None.

    ``{% listed_language centre as other_language %}`` on a card: a French
    centre in the Arabic directory gives French, whose ``attributes``
    (`` lang="fr" dir="ltr"``) go on the elements holding the page's own text
    and whose ``label`` ("In French", in the visitor's language) is shown.
    Reads the request's cached locales: no query.
    """
    return fallback_language(page)


@register.simple_tag
def call_status(call):
    """``{"value": "open", "label": "Open"}`` for a call, from its annotation when present."""
    return {"value": call.status, "label": call.get_status_display()}


@register.simple_tag
def tag_name(slug):
    """The display name of a tag from its slug (the slug itself if unknown)."""
    if not slug:
        return ""
    tag = Tag.objects.filter(slug=slug).only("name").first()
    return tag.name if tag else slug
