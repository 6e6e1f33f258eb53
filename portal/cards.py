"""What the cards of a listing show, fetched for the whole list at once.

Each function takes a list of pages and fetches what their cards need in a
fixed number of queries, so that a list of twenty cards costs the same as a
list of two: the image renditions the card template shows, the parent page (a
call's programme), the localized themes or news category. Pages call
``prepare_cards`` (or ``prepare_page_of_cards``) in ``get_context``; the
templates only show what they are given. Each function skips what is already
fetched, so preparing a list twice costs nothing.
"""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.i18n import localized_pages, localized_snippets
from portal.images import CARD_IMAGE_TEMPLATE, template_image_specs


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
