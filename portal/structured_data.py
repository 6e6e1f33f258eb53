"""JSON-LD for ``<script type="application/ld+json">`` elements."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# Escapes that keep serialised JSON inert inside a <script> element: "</script>",
# "<!--" and "&" can never appear literally (the same rule as Django's json_script).
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def json_ld(data):
    """``data`` as JSON safe to place inside ``<script type="application/ld+json">``.

    Not Django's ``json_script`` filter, which also writes the element with an
    ``id`` and the type ``application/json``.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 (escaped just above)


def association(root_url):
    """The ACCR as a schema.org ``Organization``: the funder of calls, the author of news.

    ``root_url`` is the Site's (``portal.site_urls.site_root_url``).
    """
    return {
        "@type": "Organization",
        "name": "ACCR",
        "alternateName": "Association des Centres culturels de rencontre",
        "url": root_url + "/",
    }
