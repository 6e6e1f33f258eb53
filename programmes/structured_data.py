"""schema.org JSON-LD for a call: a ``MonetaryGrant`` with an ``ApplyAction``.

A call funds residencies, so ``MonetaryGrant`` fits better than ``Event``;
schema.org has no "deadline" property on grants, so the application window
is the ``startTime``/``endTime`` of its ``potentialAction`` (an
``ApplyAction``). ``amount`` is left out: the portal does not record it.
"""

from portal.dates import in_site_time
from portal.site_urls import site_root_url
from portal.structured_data import association


def call_grant(call, request):
    url = call.get_full_url(request)
    return {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": call.title,
        "description": call.summary,
        "url": url,
        "funder": association(site_root_url(request, call)),
        "potentialAction": {
            "@type": "ApplyAction",
            # In Paris time, as the page states it; the offset keeps it unambiguous.
            "startTime": in_site_time(call.opens_at).isoformat(timespec="seconds"),
            "endTime": in_site_time(call.closes_at).isoformat(timespec="seconds"),
            "target": {
                "@type": "EntryPoint",
                "url": call.application_url or f"{url}#apply",
            },
        },
    }
