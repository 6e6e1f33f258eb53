from django import template

register = template.Library()


@register.simple_tag
def facet_query(request, name, value=None):
    """The current query string with facet ``name`` set to ``value``, or removed.

    Without a value, or with the value already selected, the facet is removed; the
    page number always goes, since the results change.
    """
    params = request.GET.copy()
    params.pop("page", None)
    if value is None or params.get(name) == value:
        params.pop(name, None)
    else:
        params[name] = value
    return params.urlencode()
