"""What the cards of a listing show, fetched for the whole list at once.

Each function takes a list of pages and fetches what their cards need in a
fixed number of queries, so that a list of twenty cards costs the same as a
list of two: the image renditions the card template shows, the parent page (a
call's programme), the localized themes or news category. Pages call
``prepare_cards`` (or ``prepare_page_of_cards``) in ``get_context``; the
templates only show what they are given. Each function skips what is already
fetched, so preparing a list twice costs nothing.
"""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.i18n import localized_pages, localized_snippets
from portal.images import CARD_IMAGE_TEMPLATE, template_image_specs
from portal.models import Theme


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
    """Pages as a list, their ``localized_themes`` fetched in at most three queries.

    The links are read from the relation's table directly, not with
    ``prefetch_related("themes")``: Django builds a queryset per page to hold
    prefetched rows (20 clones for 20 cards), more costly than the rows. A
    page whose themes are being edited (a preview) keeps its in-memory ones.
    """
    if not items:
        return []
    items = list(items)
    if all("localized_themes" in vars(item) for item in items):
        return items
    theme_ids = _theme_ids(items)
    # In the order Theme's queryset gives (its Meta.ordering), as themes.all() did.
    themes = {
        theme.pk: theme
        for theme in Theme.objects.filter(pk__in={pk for ids in theme_ids.values() for pk in ids})
    }
    position = {pk: index for index, pk in enumerate(themes)}
    in_memory = {id(item): list(item.themes.all()) for item in items if id(item) not in theme_ids}
    all_themes = {
        theme.pk: theme
        for theme in [*themes.values(), *(t for ts in in_memory.values() for t in ts)]
    }
    localized = dict(zip(all_themes, localized_snippets(all_themes.values()), strict=True))
    for item in items:
        if id(item) in theme_ids:
            item_themes = sorted(
                (themes[pk] for pk in theme_ids[id(item)] if pk in themes),
                key=lambda t: position[t.pk],
            )
        else:
            item_themes = in_memory[id(item)]
        _prime_cached_property(item, "localized_themes", [localized[t.pk] for t in item_themes])
    return items


def _theme_ids(items):
    """``{id(item): [theme ids]}`` of the saved items, one query per page type."""
    by_model = defaultdict(list)
    for item in items:
        related = getattr(item, "_cluster_related_objects", {})
        if item.pk and "themes" not in related:
            by_model[type(item)].append(item)
    theme_ids = {}
    for model, model_items in by_model.items():
        field = model._meta.get_field("themes")
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = defaultdict(list)
        rows = field.remote_field.through.objects.filter(
            **{f"{source}_id__in": [item.pk for item in model_items]}
        ).values_list(f"{source}_id", f"{target}_id")
        for item_pk, theme_pk in rows:
            links[item_pk].append(theme_pk)
        for item in model_items:
            theme_ids[id(item)] = links.get(item.pk, [])
    return theme_ids


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
