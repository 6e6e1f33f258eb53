"""Reading the directory's Leaflet map as a person sees it."""

MARKERS = ".centre-map .leaflet-marker-icon"
GROUPS = ".centre-map__cluster"


def centres_on_map(page):
    """How many centres the map shows: one per pin, plus each numbered group's count
    (centres that would cover each other are drawn as one group, network/static)."""
    page.locator(MARKERS).first.wait_for()
    grouped = sum(int(group.inner_text()) for group in page.locator(GROUPS).all())
    return grouped + page.locator(f"{MARKERS}:not({GROUPS})").count()
