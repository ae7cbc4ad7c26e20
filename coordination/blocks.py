"""StreamField blocks that embed the live directory in any page (manual step 5.5).

A block stores only what the editor chose (agency ids, filter values), never a copy of agency
data. Each rendering reads the live public data through `coordination.cards`, so an
approved change shows on every page that embeds the agency, and an unpublished or internal
agency shows nothing to the public; in preview the editor sees why instead.

Use them with ``{% include_block block %}`` so that they receive the request (preview notes).
"""

import uuid
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from coordination.cards import (
    agency_is_public,
    agency_public_view,
    with_card_relations,
)
from coordination.choices import ContactRole, Scope
from coordination.models.agency import Agency
from coordination.selectors.directory import (
    BLOCK_LIMIT_MAX,
    DIRECTORY_PER_PAGE,
    agency_editor_note,
    category_choices,
    directory_base_url,
    directory_block_cards,
    district_choices,
    network_choices,
)

HIDDEN_AGENCY_HELP = _(
    "บัตรจะแสดงบนเว็บไซต์เฉพาะเมื่อหน่วยงานเผยแพร่แล้วและตั้งค่าเป็น “เผยแพร่สาธารณะ” "
    "ข้อมูลที่แสดงเป็นข้อมูลล่าสุดที่ได้รับอนุมัติเสมอ"
)


class AgencyChooserBlock(SnippetChooserBlock):
    """Chooses one agency; loads every chosen agency of a stream with its card data at once."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", HIDDEN_AGENCY_HELP)
        super().__init__("coordination.Agency", **kwargs)

    def bulk_to_python(self, values):
        ids = {int(value) for value in values if value not in (None, "")}
        loaded = with_card_relations(Agency.objects.filter(pk__in=ids), tags=False).in_bulk()
        return [loaded.get(int(value)) if value not in (None, "") else None for value in values]

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    class Meta:
        icon = "site"


def _is_preview(context) -> bool:
    request = (context or {}).get("request")
    return bool(getattr(request, "is_preview", False))


def _editor_notes(agencies, context) -> list[str]:
    """Why chosen agencies show nothing (or old data) publicly; shown in preview only."""
    if not _is_preview(context):
        return []
    notes = []
    for agency in agencies:
        note = agency_editor_note(agency)
        if note:
            notes.append(note)
    return notes


def _block_id(context) -> str:
    """A short id, unique within the request, for the block's HTML ids."""
    request = (context or {}).get("request")
    if request is None:
        return uuid.uuid4().hex[:8]
    request._coordination_block_count = getattr(request, "_coordination_block_count", 0) + 1
    return f"b{request._coordination_block_count}"


def _directory_url(context) -> str:
    context = context or {}
    page = context.get("page")
    if page is not None and hasattr(page, "agency_url_base"):
        return page.agency_url_base(context.get("request"))
    return directory_base_url(context.get("request"))


class AgencyCardBlock(blocks.StructBlock):
    """The public card of one chosen agency (บัตรหน่วยงาน)."""

    agency = AgencyChooserBlock(label=_("หน่วยงาน"))
    show_contacts = blocks.BooleanBlock(label=_("แสดงผู้ประสานงาน"), required=False, default=True)
    show_mission = blocks.BooleanBlock(
        label=_("แสดงภารกิจและอำนาจหน้าที่"), required=False, default=False
    )

    class Meta:
        icon = "site"
        label = _("บัตรหน่วยงาน")
        template = "coordination/blocks/agency_card_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        agency = value.get("agency")
        public = agency is not None and agency_is_public(agency)
        context["card"] = agency_public_view(agency) if public else None
        context["editor_notes"] = _editor_notes(
            [agency] if agency is not None else [None], parent_context
        )
        context["directory_url"] = _directory_url(parent_context) if public else ""
        context["hide_contacts"] = not value.get("show_contacts")
        context["hide_mission"] = not value.get("show_mission")
        context["id_suffix"] = f"-{_block_id(parent_context)}"
        return context


class DirectoryBlock(blocks.StructBlock):
    """A live, filtered list of public agencies (สมุดรายชื่อหน่วยงาน) as a table or cards."""

    heading = blocks.CharBlock(label=_("หัวข้อ"), required=False, max_length=200)
    scope = blocks.ChoiceBlock(
        label=_("ขอบเขต"),
        choices=[("", _("ทุกขอบเขต")), *Scope.choices],
        required=False,
    )
    category = blocks.ChoiceBlock(label=_("ประเภท"), choices=category_choices, required=False)
    district = blocks.ChoiceBlock(label=_("อำเภอ"), choices=district_choices, required=False)
    network = blocks.ChoiceBlock(
        label=_("เครือข่ายสถานศึกษา"), choices=network_choices, required=False
    )
    tag = blocks.CharBlock(
        label=_("แท็ก"), required=False, max_length=100, help_text=_("แสดงเฉพาะหน่วยงานที่มีแท็กนี้")
    )
    layout = blocks.ChoiceBlock(
        label=_("รูปแบบ"),
        choices=[("table", _("ตาราง")), ("cards", _("บัตร"))],
        default="table",
    )
    limit = blocks.IntegerBlock(
        label=_("จำนวนสูงสุด"), default=DIRECTORY_PER_PAGE, min_value=1, max_value=BLOCK_LIMIT_MAX
    )

    class Meta:
        icon = "list-ul"
        label = _("รายชื่อหน่วยงาน")
        template = "coordination/blocks/directory_block.html"
        help_text = _("แสดงรายชื่อหน่วยงานที่เผยแพร่สาธารณะตามเงื่อนไข ข้อมูลดึงจากทะเบียนทุกครั้งที่เปิดหน้า")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["cards"] = directory_block_cards(
            scope=value.get("scope") or "",
            category=value.get("category") or "",
            district=value.get("district") or "",
            tag=(value.get("tag") or "").strip(),
            network=value.get("network") or "",
            limit=value.get("limit") or DIRECTORY_PER_PAGE,
        )
        context["directory_url"] = _directory_url(parent_context)
        context["is_preview"] = _is_preview(parent_context)
        context["block_id"] = _block_id(parent_context)
        if not (value.get("tag") or value.get("network")):
            context["more_query"] = urlencode(
                {key: value.get(key) for key in ("scope", "category", "district") if value.get(key)}
            )
        return context


class ContactTableBlock(blocks.StructBlock):
    """A table of the public contacts of chosen agencies (ตารางผู้ประสานงาน)."""

    heading = blocks.CharBlock(label=_("หัวข้อ"), required=False, max_length=200)
    agencies = blocks.ListBlock(AgencyChooserBlock(label=_("หน่วยงาน")), label=_("หน่วยงาน"))
    role = blocks.ChoiceBlock(
        label=_("เฉพาะบทบาท"),
        choices=[("", _("ทุกบทบาท")), *ContactRole.choices],
        required=False,
    )

    class Meta:
        icon = "table"
        label = _("ตารางผู้ประสานงาน")
        template = "coordination/blocks/contact_table_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        agencies = list(value.get("agencies") or [])
        role = value.get("role") or ""
        rows = []
        for agency in agencies:
            if agency is None or not agency_is_public(agency):
                continue
            card = agency_public_view(agency)
            contacts = [c for c in card.contacts if not role or c.role_code == role]
            rows.append((card, contacts))
        context["rows"] = rows
        context["editor_notes"] = _editor_notes(agencies, parent_context)
        context["directory_url"] = _directory_url(parent_context) if rows else ""
        context["block_id"] = _block_id(parent_context)
        return context


def directory_stream_blocks() -> list[tuple[str, blocks.Block]]:
    """The registry's blocks, ready to add to any StreamField's block list."""
    return [
        ("directory", DirectoryBlock()),
        ("agency_card", AgencyCardBlock()),
        ("contact_table", ContactTableBlock()),
    ]
