from django import template

from translations.editor import review_panel

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review_panel(context, page):
    """The review panel of the translation editor (``translations.editor``), or None.

    A tag because the editor's view is wagtail-localize's, whose context this
    app cannot extend; the data comes from ``review_panel``, not from here.
    """
    request = context["request"]
    return review_panel(page, request.user, request.get_full_path())
