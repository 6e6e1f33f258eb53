"""What describes a page in a sentence: cards, meta descriptions and search snippets."""

import re
from html import unescape

# The first of these a page has and fills describes it.
DESCRIPTION_FIELDS = ("search_description", "summary", "lead", "intro", "hero_text")

TAG = re.compile(r"<[^>]+>")


def description_text(page):
    """Plain text of the page's first filled description field, or "".

    Tags become spaces (two paragraphs do not run their words together),
    entities are decoded and white space is collapsed.
    """
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if value:
            text = " ".join(unescape(TAG.sub(" ", str(value))).split())
            if text:
                return text
    return ""
