"""Template tags over ``home.navigation``: the header, footer and switcher's data.

The tags only pass the request and the current page on; what a menu holds and
how it falls back between languages is decided in ``home/navigation.py``.
"""

from django import template
from wagtail.models import Page

from home import navigation

register = template.Library()


def _request_and_page(context):
    page = context.get("page")
    return context.get("request"), page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the active language for this site."""
    return navigation.home_page(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request, page = _request_and_page(context)
    return {"request": request, **navigation.main_menu(request, page)}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request, page = _request_and_page(context)
    return {"request": request, **navigation.site_footer(request, page)}


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """The language switcher's entries (see ``home.navigation.language_links``)."""
    return navigation.language_links(context.get("request"), page)


@register.simple_tag(takes_context=True)
def arrived_from_untranslated_page(context):
    return navigation.arrived_from_untranslated_page(context.get("request"))
