"""Finding a page's sections in the tree, for the pages that link to them."""


def child_sections(page):
    """The live children of ``page`` keyed by model name, e.g. ``sections["networkindexpage"]``.

    One query: lets the home page link each section to its index page, and the
    directory link to the label page.
    """
    if page is None:
        return {}
    sections = {}
    for child in page.get_children().live().select_related("content_type"):
        sections.setdefault(child.content_type.model, child)
    return sections


def nearest_live_ancestor(page, model):
    """The nearest live ancestor of ``page`` of type ``model``, or None (one query)."""
    return page.get_ancestors().live().type(model).order_by("-depth").first()
