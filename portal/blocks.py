"""The StreamField blocks of the whole portal, defined once and reused by every app.

Each block renders through its own template in ``portal/templates/blocks/``.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# Defined once, in the settings' default editor (what the templates style); the
# fields and blocks name it so that their migrations record the list they had.
RICH_TEXT_FEATURES = settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]["OPTIONS"]["features"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image whose alt text comes from the library unless the editor overrides it."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, label=_("caption"))
    credit = blocks.CharBlock(
        required=False,
        label=_("credit"),
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(required=False, label=_("text"))
    link_label = blocks.CharBlock(label=_("link label"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    external_url = blocks.URLBlock(required=False, label=_("external URL"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(
                        _("Choose either a page or an external URL, not both.")
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        required=False,
        label=_("title"),
        help_text=_("Leave empty to use the document's own title."),
    )


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "blocks/document_list_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("answer"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers, as native <details> elements: usable without JavaScript."""

    heading = blocks.CharBlock(required=False, label=_("heading"))
    items = blocks.ListBlock(QuestionBlock(), label=_("questions"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "blocks/accordion_block.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), help_text=_("For example: 23 or 800+"))
    label = blocks.CharBlock(label=_("label"))
    as_of = blocks.CharBlock(
        required=False,
        label=_("as of"),
        help_text=_("The year the figure was true, for example 2024."),
    )


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"))

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))


class ProcessStepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        label = _("Process steps")
        template = "blocks/process_steps_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every editorial page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph")
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    embed = EmbedBlock(
        icon="media",
        label=_("Embedded media"),
        template="blocks/embed_block.html",
    )
    accordion = AccordionBlock()
    key_figures = KeyFiguresBlock()
    process_steps = ProcessStepsBlock()
