"""StreamField blocks of the office website's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from coordination.blocks import directory_stream_blocks

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("ข้อความหัวข้อ"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("ระดับหัวข้อ"),
        choices=[("h2", _("หัวข้อหลัก (H2)")), ("h3", _("หัวข้อย่อย (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("หัวข้อ")
        template = "home/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text and an optional caption."""

    image = ImageBlock(label=_("ภาพ"))
    caption = blocks.CharBlock(label=_("คำบรรยายภาพ"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("ภาพประกอบ")
        template = "home/blocks/figure.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a downloadable document (PDF announcements, forms)."""

    document = DocumentChooserBlock(label=_("เอกสาร"))
    title = blocks.CharBlock(label=_("ชื่อที่แสดง"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("เอกสารดาวน์โหลด")
        template = "home/blocks/document_link.html"


def _base_blocks():
    return [
        ("heading", HeadingBlock()),
        (
            "paragraph",
            blocks.RichTextBlock(
                label=_("ย่อหน้า"), features=RICH_TEXT_FEATURES, template="home/blocks/paragraph.html"
            ),
        ),
        ("image", FigureBlock()),
        (
            "quote",
            blocks.BlockQuoteBlock(label=_("ข้อความอ้างอิง"), template="home/blocks/quote.html"),
        ),
        ("document", DocumentLinkBlock()),
        ("embed", EmbedBlock(label=_("สื่อฝัง (วิดีโอ/แผนที่)"), icon="media")),
    ]


class BodyBlock(blocks.StreamBlock):
    """The body of news and publicity pages: text, images, and the registry's live directory
    blocks (manual step 5.5), which always render the current approved public data."""

    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = [*_base_blocks(), *directory_stream_blocks(), *(local_blocks or [])]
        super().__init__(local_blocks, **kwargs)

    class Meta:
        label = _("เนื้อหา")
