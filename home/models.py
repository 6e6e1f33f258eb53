"""The home page, standard pages, and the navigation and footer snippets."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from network.models import CentrePage
from news.models import NewsPage
from portal.blocks import BodyStreamBlock, KeyFigureBlock
from portal.cards import prepare_cards
from portal.fields import image_field
from portal.i18n import default_locale, locale_by_id, localized_pages, with_source_fallback
from portal.page_tree import child_sections
from programmes.models import CallPage, ProgrammePage


class HomePage(Page):
    """The root of each language's site.

    Each section (key figures, news, calls, centres) is filled from live
    content unless the editors pick what to show.
    """

    hero_title = models.CharField(_("hero title"), max_length=255)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = image_field(_("hero image"))
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero link label"), max_length=80, blank=True)
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Leave empty to show figures counted from the site's content."),
    )
    featured_news = StreamField(
        [("news", blocks.PageChooserBlock(page_type="news.NewsPage", label=_("news item")))],
        verbose_name=_("featured news"),
        blank=True,
        max_num=3,
        help_text=_("Leave empty to show the three latest news items."),
    )
    featured_calls = StreamField(
        [("call", blocks.PageChooserBlock(page_type="programmes.CallPage", label=_("call")))],
        verbose_name=_("featured calls"),
        blank=True,
        max_num=3,
        help_text=_("Leave empty to show the open calls closing soonest."),
    )
    network_heading = models.CharField(_("network heading"), max_length=255, blank=True)
    network_text = models.TextField(_("network text"), blank=True)
    featured_centres = StreamField(
        [
            (
                "centre",
                blocks.PageChooserBlock(page_type="network.CentrePage", label=_("centre")),
            )
        ],
        verbose_name=_("featured centres"),
        blank=True,
        max_num=4,
        help_text=_("Leave empty to show the most recently labelled centres."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "network.NetworkIndexPage",
        "network.LabelPage",
        "programmes.ProgrammeIndexPage",
        "programmes.CallIndexPage",
        "news.NewsIndexPage",
        "news.AdvocacyIndexPage",
    ]
    max_count_per_parent = 1
    latest_news_count = 3
    open_calls_count = 3
    centres_count = 4

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("featured_news"),
        FieldPanel("featured_calls"),
        MultiFieldPanel(
            [
                FieldPanel("network_heading"),
                FieldPanel("network_text"),
                FieldPanel("featured_centres"),
            ],
            heading=_("Network teaser"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("network_text"),
    ]
    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image"),
        APIField("key_figures"),
        APIField("network_heading"),
        APIField("network_text"),
    ]

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if self.hero_link_id and not self.hero_link_label:
            raise ValidationError({"hero_link_label": _("Give the hero link a label.")})

    def _live_in_locale(self, model):
        return model.objects.live().public().filter(locale_id=self.locale_id)

    def _live_with_fallback(self, model):
        # Calls and centres: this language's, and the French ones not translated
        # into it (docs/decisions.md); news stay in their own language.
        return with_source_fallback(
            model.objects.live().public(), locale=locale_by_id(self.locale_id)
        )

    @staticmethod
    def _picked(stream):
        """The editors' live picks, in the page's language; empty falls back to queries."""
        pages = [block.value for block in stream if block.value and block.value.live]
        return [page.specific for page in localized_pages(pages)]

    @staticmethod
    def _live_in_source_language(model):
        # The network's size does not depend on how much of it is translated.
        return model.objects.live().public().filter(locale=default_locale())

    def get_key_figures(self):
        if self.key_figures:
            return [block.value for block in self.key_figures]
        centres = self._live_in_source_language(CentrePage)
        return [
            {
                "value": centres.filter(membership=CentrePage.Membership.LABEL).count(),
                "label": _("labelled centres in France"),
            },
            {
                "value": centres.filter(membership=CentrePage.Membership.INTERNATIONAL).count(),
                "label": _("members of the international network"),
            },
            {
                "value": self._live_in_source_language(ProgrammePage).count(),
                "label": _("residency and emergency programmes"),
            },
            {
                "value": self._live_in_source_language(CallPage).open().count(),
                "label": _("calls open today"),
            },
        ]

    def get_news(self):
        picked = self._picked(self.featured_news)
        if picked:
            return picked
        return list(
            self._live_in_locale(NewsPage)
            .select_related("image", "category")
            .order_by("-date", "-pk")[: self.latest_news_count]
        )

    def get_calls(self):
        picked = self._picked(self.featured_calls)
        if picked:
            return picked
        calls = self._live_with_fallback(CallPage)
        return list(calls.open().order_by("closes_at")[: self.open_calls_count]) or list(
            calls.upcoming().order_by("opens_at")[: self.open_calls_count]
        )

    def get_centres(self):
        picked = self._picked(self.featured_centres)
        if picked:
            return picked
        return list(
            self._live_with_fallback(CentrePage)
            .select_related("hero_image")
            .order_by("-year_labelled", "title")[: self.centres_count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            key_figures=self.get_key_figures(),
            news_items=prepare_cards(self.get_news(), image_field="image", categories=True),
            calls=prepare_cards(self.get_calls(), parents=True),
            centres=prepare_cards(self.get_centres(), image_field="hero_image"),
            sections=child_sections(self),
        )
        return context


class StandardPage(Page):
    """An editorial page: missions, governance, team, partners, legal notices…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage", "network.LabelPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_section_pages(self, request=None):
        """The section navigation: the section's first page, then its sub-pages.

        A section is the topmost standard page above this one (or this one) and
        the live, public pages under it, in the tree's order, so that each page
        of the association (missions, then governance, team, partners) leads to
        the others. Empty when the section has no sub-pages.
        """
        root = (
            Page.objects.ancestor_of(self, inclusive=True)
            .type(StandardPage)
            .order_by("depth")
            .first()
        )
        children = list(root.get_children().live().public()) if root else []
        if not children:
            return []
        return [
            {
                "title": page.title,
                "url": page.get_url(request),
                "is_current": page.pk == self.pk,
                "is_in_section": page.pk != self.pk and self.path.startswith(page.path),
            }
            for page in [root, *children]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_pages"] = self.get_section_pages(request)
        return context


class LinkFields(models.Model):
    """A labelled link to a page of the site or to another address."""

    label = models.CharField(_("label"), max_length=80)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external URL"), blank=True)

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a page or an external URL."))

    @property
    def url(self):
        if self.link_page_id:
            return self.link_page.localized.url
        return self.link_url


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """The main menu: one per language, translated with wagtail-localize."""

    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name"), InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.name


class NavigationItem(TranslatableMixin, Orderable, LinkFields):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")


class Footer(TranslatableMixin, ClusterableModel):
    """The footer: the association's address and the secondary links, per language."""

    about = models.TextField(_("about the association"))
    address = models.TextField(_("address"))
    email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        FieldPanel("about"),
        FieldPanel("address"),
        FieldPanel("email"),
        InlinePanel("links", label=_("Links")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(_("Footer")) + f" ({self.locale})"


class FooterLink(TranslatableMixin, Orderable, LinkFields):
    footer = ParentalKey(Footer, on_delete=models.CASCADE, related_name="links")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("footer link")
