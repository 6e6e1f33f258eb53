"""Preview modes that show a page as a card, where visitors meet it first.

A news item or a call is mostly seen as a card: on its listing page and on
the home page. ``CardPreviewMixin`` adds two Wagtail preview modes to such a
page type, besides the page itself:

- "card": the card on the listing page (the page's parent), among the latest
  published items of the same language;
- "home": the card in its section of the language's home page.

The page type names its card template and how to pick the other items; the
cards are the site's own includes, so the preview cannot drift from the site.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.query import PageQuerySet

from portal.cards import prepare_cards

CARD_MODE = "card"
HOME_MODE = "home"


class CardPreviewMixin:
    #: Template showing the cards, given ``page`` (the listing or the home
    #: page), ``preview_item``, ``items`` and ``preview_mode``.
    card_preview_template = None
    #: How many cards the preview shows, the previewed one included.
    card_preview_count = 3
    #: What the cards show, fetched for them all (``portal.cards.prepare_cards``).
    card_preview_cards = {}

    @property
    def preview_modes(self):
        return [
            ("", _("Page")),
            (CARD_MODE, _("Card on listings")),
            (HOME_MODE, _("Card on the home page")),
        ]

    def get_card_preview_neighbours(self, mode_name):
        """Other published items shown beside the previewed card (a queryset or list)."""
        raise NotImplementedError

    def get_card_preview_items(self, mode_name):
        """The previewed item among its neighbours, in the order the listing uses."""
        others = [
            item for item in self.get_card_preview_neighbours(mode_name) if item.pk != self.pk
        ]
        return [self, *others][: self.card_preview_count]

    def get_card_preview_host(self, mode_name):
        """The page the card appears on: the listing (parent) or the language's home."""
        if mode_name == HOME_MODE:
            home = self.get_ancestors().filter(depth=2).first()
            return home.specific if home else None
        return self.get_parent().specific

    def serve_preview(self, request, mode_name):
        if mode_name not in (CARD_MODE, HOME_MODE):
            return super().serve_preview(request, mode_name)
        context = {
            "request": request,
            "page": self.get_card_preview_host(mode_name),
            "preview_item": self,
            "preview_mode": mode_name,
            "items": prepare_cards(
                self.get_card_preview_items(mode_name), **self.card_preview_cards
            ),
        }
        return TemplateResponse(request, self.card_preview_template, context)


def live_related(relation):
    """The live, public pages of a page's many-to-many relation to other pages.

    Also works on a draft being previewed: the page then comes from a revision,
    and its ``ParentalManyToManyField`` holds an in-memory list (modelcluster's
    FakeQuerySet) that cannot filter on ``live``; the pages are then fetched by id.
    """
    pages = relation.all()
    if isinstance(pages, PageQuerySet):
        return pages.live().public()
    return relation.model.objects.filter(pk__in=[page.pk for page in pages]).live().public()
