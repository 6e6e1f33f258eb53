"""Content checks for editors, in two places.

1. **Wagtail's checker** (Axe, in the preview panel's "Checks" tab and in the
   userbar on the site): ``PortalContentChecker`` adds to Wagtail's rules the
   missing alt text (``image-alt``) and the missing main heading, and tunes
   Wagtail's alt-text quality rule to also catch generic alternatives
   ("image", "photo"…) in the four languages. Heading order, empty links, empty
   headings and the empty meta description are Wagtail's own rules, kept.
   Messages are gettext strings, so the checker speaks the editor's admin language.

2. **On saving a page** (``after_create_page`` / ``after_edit_page``): what
   Axe cannot judge from the rendered page without running custom
   JavaScript — vague link text ("click here", "read more"…) and the length of
   the SEO title and meta description — becomes warnings under the page's
   success message. They never block saving.
"""

import re
from html.parser import HTMLParser

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.fields import RichTextField, StreamField

# Search engines show about this many characters of a title and a description.
SEO_TITLE_MAX = 60
SEO_DESCRIPTION_MIN = 50
SEO_DESCRIPTION_MAX = 160

# Link texts that say nothing out of context (screen reader users often list
# the links of a page). Compared case-insensitively, punctuation ignored.
VAGUE_LINK_TEXTS = {
    # French
    "ici",
    "cliquez ici",
    "cliquer ici",
    "en savoir plus",
    "lire la suite",
    "la suite",
    "suite",
    "plus",
    "voir",
    "voir plus",
    "lien",
    "ce lien",
    # English
    "here",
    "click here",
    "read more",
    "more",
    "learn more",
    "see more",
    "link",
    "this link",
    # Spanish
    "aquí",
    "haga clic aquí",
    "haz clic aquí",
    "leer más",
    "más",
    "saber más",
    "ver más",
    "enlace",
    # Arabic
    "هنا",
    "اضغط هنا",
    "انقر هنا",
    "اقرأ المزيد",
    "المزيد",
    "رابط",
}

# Alt texts that are file names, hold underscores (Wagtail's own pattern), or
# are a generic word that describes nothing.
ALT_TEXT_BAD_PATTERN = (
    r"\.(avif|gif|jpg|jpeg|png|svg|webp)$|_"
    r"|^\s*(image|img|photo|picture|illustration|visuel|imagen|foto|صورة)\s*$"
)


class PortalContentChecker(ContentCheckerItem):
    """Wagtail's content checker with the portal's rules."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "page-has-heading-one",
    ]

    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_TEXT_BAD_PATTERN}},
        {"id": "check-empty-meta-description"},
    ]

    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image without alt text"),
            "help_text": _(
                "Describe what the image shows, or mark it as decorative if it adds nothing"
            ),
        },
        "page-has-heading-one": {
            "error_name": _("The page has no main heading"),
            "help_text": _("Give the page a title shown as its first-level heading"),
        },
        "alt-text-quality": {
            "error_name": _("Image alt text is a file name or a generic word"),
            "help_text": _("Describe what the image shows, in a few words"),
        },
    }


def use_portal_checker(request, items, page):
    """``construct_wagtail_userbar`` hook: replace Wagtail's checker with the portal's."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentChecker):
            items[index] = PortalContentChecker(in_editor=item.in_editor)


# --- Checks on saving ------------------------------------------------------------


class _LinkTextParser(HTMLParser):
    """Collects the text of every <a> element of an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.links = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._depth += 1
            self.links.append("")

    def handle_endtag(self, tag):
        if tag == "a" and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.links[-1] += data


def _normalise(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


VAGUE_LINK_KEYS = {_normalise(text) for text in VAGUE_LINK_TEXTS}


def _texts_with_links(value):
    """Every HTML fragment and link label inside raw StreamField data."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "link_label" and isinstance(item, str):
                yield f"<a>{item}</a>"
            else:
                yield from _texts_with_links(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts_with_links(item)
    elif isinstance(value, str) and "<a" in value:
        yield value


def link_texts(page):
    """The text of every link an editor wrote in the page's rich text and blocks."""
    fragments = []
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            fragments.extend(_texts_with_links(list(getattr(page, field.name).raw_data)))
        elif isinstance(field, RichTextField):
            fragments.append(getattr(page, field.name) or "")
    texts = []
    for fragment in fragments:
        parser = _LinkTextParser()
        parser.feed(fragment)
        texts.extend(parser.links)
    return texts


def vague_link_texts(page):
    """The page's link texts that say nothing out of context, empty ones included."""
    return [text.strip() for text in link_texts(page) if _normalise(text) in VAGUE_LINK_KEYS | {""}]


def seo_warnings(page):
    """What is too long or too short in the page's SEO title and meta description."""
    warnings = []
    title = page.seo_title or page.title
    if len(title) > SEO_TITLE_MAX:
        if page.seo_title:
            message = _(
                "The title tag is %(length)d characters long: search engines show about "
                "%(max)d. Shorten it in the Promote tab."
            )
        else:
            message = _(
                "The title is %(length)d characters long: search engines show about "
                "%(max)d. Shorten it, or set a shorter title tag in the Promote tab."
            )
        warnings.append(message % {"length": len(title), "max": SEO_TITLE_MAX})
    description = (page.search_description or "").strip()
    if description and len(description) > SEO_DESCRIPTION_MAX:
        warnings.append(
            _(
                "The meta description is %(length)d characters long: search engines cut "
                "it after about %(max)d."
            )
            % {"length": len(description), "max": SEO_DESCRIPTION_MAX}
        )
    elif description and len(description) < SEO_DESCRIPTION_MIN:
        warnings.append(
            _(
                "The meta description is only %(length)d characters long: aim for "
                "%(min)d to %(max)d to say what the page offers."
            )
            % {"length": len(description), "min": SEO_DESCRIPTION_MIN, "max": SEO_DESCRIPTION_MAX}
        )
    return warnings


def page_warnings(page):
    """Every check's warning for ``page``, as sentences for the editor."""
    warnings = seo_warnings(page)
    vague = vague_link_texts(page)
    if vague:
        shown = ", ".join(f"“{text}”" if text else _("(empty)") for text in vague[:5])
        warnings.append(
            ngettext(
                "A link's text says nothing out of context: %(texts)s. Say where it "
                "leads, e.g. “Read the call for applications”.",
                "%(count)d links' texts say nothing out of context: %(texts)s. Say where "
                "they lead, e.g. “Read the call for applications”.",
                len(vague),
            )
            % {"count": len(vague), "texts": shown}
        )
    return warnings


def warn_after_save(request, page):
    """``after_create_page`` / ``after_edit_page`` hook: the checks as warning messages."""
    for warning in page_warnings(page.specific):
        messages.warning(request, warning)
