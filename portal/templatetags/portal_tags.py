"""Generic template helpers of the portal: breadcrumbs, dates, images and listings.

The listing helpers (``with_renditions``, ``with_parents``, ``with_localized_*``)
take a list of pages and fetch what every card needs in a fixed number of
queries, so that a list of twenty cards costs the same as a list of two.
Pages call them in ``get_context`` (see ``prepare_cards``); they skip what is
already fetched, so a template or an include may call them again at no cost.
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.template.defaulttags import querystring
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from portal.dates import deadline_text, in_site_time
from portal.descriptions import description_text
from portal.i18n import fallback_language, localized_pages, localized_snippets
from portal.images import CARD_IMAGE_TEMPLATE, template_image_specs
from portal.page_cache import understood_params

register = template.Library()


@register.simple_tag(takes_context=True)
def understood_querystring(context, **changes):
    """Django's ``{% querystring %}`` over the parameters the page read, the others dropped.

    A listing's page and filter links keep what the visitor chose and leave out
    what no page reads (``?utm_source=``, junk in a hand-edited URL): the page
    then does not depend on that junk, and the page cache can serve one copy
    for all of them (``portal/page_cache.py``).
    """
    return querystring(context, understood_params(context["request"]), **changes)


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
def ancestor_of_type(page, model_label):
    """The nearest live ancestor of ``page`` of the given model ("app.Model"), or None."""
    if page is None:
        return None
    model = apps.get_model(model_label)
    return page.get_ancestors().live().type(model).order_by("-depth").first()


@register.simple_tag
def child_sections(page):
    """The live children of ``page`` keyed by model name, e.g. ``sections.networkindexpage``.

    One query: lets the home page link each section to its index page.
    """
    if page is None:
        return {}
    sections = {}
    for child in page.get_children().live().select_related("content_type"):
        sections.setdefault(child.content_type.model, child)
    return sections


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


@register.simple_tag
def with_renditions(items, *fields, template=CARD_IMAGE_TEMPLATE):
    """``items`` as a list, with each image field and its renditions prefetched.

    ``{% with_renditions centres "hero_image" as centre_list %}``: the cards'
    ``{% picture %}`` tags then cost no query. Only the renditions that
    ``template`` shows are read, not the twenty-odd sizes each image has.
    """
    if not items:
        return []
    items = list(items)
    if not fields:
        return items
    # The images themselves (no query for those already selected with the items)...
    prefetch_related_objects(items, *fields)
    images = {
        image.pk: image
        for item in items
        for image in (getattr(item, field) for field in fields)
        if image is not None
    }
    # ...then their renditions, where Wagtail's rendition lookup reads them first.
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=template_image_specs(template))
    )
    prefetch_related_objects(
        list(images.values()),
        Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )
    return items


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


# --- Listings ------------------------------------------------------------------------


@register.simple_tag
def with_parents(pages):
    """``pages`` as a list, each given a ``parent_page`` attribute (in the active
    language when translated), in one query, two when some parents are French
    pages of French calls listed in another language."""
    if not pages:
        return []
    pages = list(pages)
    if all("parent_page" in vars(page) for page in pages):
        return pages
    steplen = Page.steplen
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in={page.path[:-steplen] for page in pages}).only(
            "id", "path", "depth", "title", "url_path", "locale_id", "live", "translation_key"
        )
    }
    localized = dict(zip(parents, localized_pages(parents.values()), strict=True))
    for page in pages:
        page.parent_page = localized.get(page.path[:-steplen])
    return pages


def _prime_cached_property(obj, name, value):
    """Fill a ``cached_property`` so the model does not query for it again."""
    obj.__dict__[name] = value


@register.simple_tag
def with_localized_categories(items):
    """News items as a list, their ``localized_category`` fetched in at most one query."""
    if not items:
        return []
    items = list(items)
    if all("localized_category" in vars(item) for item in items):
        return items
    with_category = [item for item in items if item.category_id]
    categories = localized_snippets(item.category for item in with_category)
    for item, category in zip(with_category, categories, strict=True):
        _prime_cached_property(item, "localized_category", category)
    for item in items:
        if not item.category_id:
            _prime_cached_property(item, "localized_category", None)
    return items


@register.simple_tag
def with_localized_themes(items):
    """Pages as a list, their ``localized_themes`` fetched in at most two queries."""
    if not items:
        return []
    items = list(items)
    if all("localized_themes" in vars(item) for item in items):
        return items
    prefetch_related_objects(items, "themes")
    all_themes = {theme.pk: theme for item in items for theme in item.themes.all()}
    localized = dict(zip(all_themes, localized_snippets(all_themes.values()), strict=True))
    for item in items:
        _prime_cached_property(
            item, "localized_themes", [localized[theme.pk] for theme in item.themes.all()]
        )
    return items


def prepare_cards(
    items,
    image_field=None,
    parents=False,
    themes=False,
    categories=False,
    image_template=CARD_IMAGE_TEMPLATE,
):
    """``items`` as a list with what their cards show fetched in a fixed number of queries.

    The helper of the pages' ``get_context``: the image renditions of
    ``image_field`` (those ``image_template`` shows), the parent page (a call's
    programme), the localized themes or news category, each in one or two
    queries for the whole list.
    """
    items = list(items)
    if not items:
        return items
    if image_field:
        items = with_renditions(items, image_field, template=image_template)
    if parents:
        items = with_parents(items)
    if themes:
        items = with_localized_themes(items)
    if categories:
        items = with_localized_categories(items)
    return items


def prepare_page_of_cards(page_obj, **what):
    """``prepare_cards`` on the items of one page of a paginator, in place; returns ``page_obj``."""
    page_obj.object_list = prepare_cards(page_obj.object_list, **what)
    return page_obj


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
