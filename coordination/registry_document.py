"""The printable registry (ทะเบียนข้อมูลพื้นฐานของหน่วยงานภายในและภายนอกเขตพื้นที่การศึกษา), the
quality standard of the manual: one document, as HTML to print from a browser and as a PDF.

Internal agencies first, then external ones, each by category; the office's name, the date of the
data in the Buddhist Era, a table of contents with page numbers, page numbers on every page and a
signature block for the officer and the supervisors who approve it (manual step 5.3). Built from
cards only: the public document from public cards, the staff one from staff cards.

This module holds the document and its print view; `registry_pdf` lays it out as a PDF in parts,
with the Thai print fonts named here (`scripts/build_print_fonts.py`), which keep copied text and
`pdftotext` true to what was written.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from coordination.cards import AgencyCard
from coordination.thai_dates import thai_date

TEMPLATE = "coordination/registry/registry.html"
# (Thai, Latin) font families of the PDF.
PRINT_FAMILIES = ("Sarabun Print Thai", "Sarabun Print Latin")
FONT_FILES = {
    # weight: (Thai print font, Latin font)
    400: (
        "coordination/fonts/sarabun-thai-400-print.ttf",
        "coordination/fonts/sarabun-latin-400-normal.woff2",
    ),
    700: (
        "coordination/fonts/sarabun-thai-700-print.ttf",
        "coordination/fonts/sarabun-latin-700-normal.woff2",
    ),
}


@dataclass
class RegistrySection:
    """The agencies of one category within one scope (ภายใน or ภายนอก). `rows` are kept only
    for the print view; the PDF lays its rows out part by part and keeps the `count`."""

    number: str
    scope_label: str
    category: str
    count: int = 0
    rows: list["RegistryRow"] = field(default_factory=list)
    # The page the section starts on, once the PDF knows it.
    page: int | None = None

    @property
    def anchor(self) -> str:
        return f"section-{self.number.replace('.', '-')}"


@dataclass(frozen=True)
class RegistryRow:
    """One agency of the registry: its number within its section, and its card."""

    section: RegistrySection
    number: int
    card: AgencyCard


@dataclass(frozen=True)
class Signatory:
    duty: str
    position: str


@dataclass
class RegistryDocument:
    office_name: str
    as_of: date
    staff: bool
    sections: list[RegistrySection]
    total: int

    @property
    def title(self) -> str:
        return _("ทะเบียนข้อมูลพื้นฐานของหน่วยงานภายในและภายนอกเขตพื้นที่การศึกษา")

    @property
    def as_of_text(self) -> str:
        return _("ข้อมูล ณ วันที่ %(date)s") % {"date": thai_date(self.as_of)}

    @property
    def audience_note(self) -> str:
        if self.staff:
            return _("ฉบับใช้ภายใน: มีข้อมูลที่ไม่เผยแพร่ต่อสาธารณะ ห้ามเผยแพร่")
        return _("ฉบับเผยแพร่: เฉพาะข้อมูลที่อนุมัติให้เผยแพร่ต่อสาธารณะ")

    @property
    def signatories(self) -> list[Signatory]:
        """The officer who prepared it and the supervisors, in the order they approve it."""
        return [
            Signatory(_("ผู้จัดทำ"), _("เจ้าหน้าที่ผู้รับผิดชอบงานประสานงาน")),
            Signatory(_("ผู้ตรวจสอบ"), _("ผู้อำนวยการกลุ่มอำนวยการ")),
            Signatory(_("ผู้อนุมัติ"), _("รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")),
        ]


def registry_rows(cards: Iterable[AgencyCard], *, staff: bool) -> Iterator[RegistryRow]:
    """Number cards that come in the registry's order (scope, category, name) within sections,
    one at a time: the PDF reads a country's registry through this without holding it."""
    audience = "staff" if staff else "public"
    scopes: list[str] = []
    section: RegistrySection | None = None
    within = 0
    for card in cards:
        if card.audience != audience:
            raise ValueError("a public registry is built from public cards only")
        if not scopes or scopes[-1] != card.scope_label:
            scopes.append(card.scope_label)
            within = 0
        if section is None or (section.scope_label, section.category) != (
            card.scope_label,
            card.category,
        ):
            within += 1
            section = RegistrySection(f"{len(scopes)}.{within}", card.scope_label, card.category)
        section.count += 1
        yield RegistryRow(section, section.count, card)


def registry_document(
    cards: Iterable[AgencyCard], *, office_name: str, as_of: date, staff: bool
) -> RegistryDocument:
    """The whole document, every row held (the print view; the PDF streams `registry_rows`)."""
    sections: list[RegistrySection] = []
    for row in registry_rows(cards, staff=staff):
        if not sections or sections[-1] is not row.section:
            sections.append(row.section)
        row.section.rows.append(row)
    return RegistryDocument(
        office_name=office_name,
        as_of=as_of,
        staff=staff,
        sections=sections,
        total=sum(section.count for section in sections),
    )


def print_font_faces() -> str:
    """@font-face rules that point WeasyPrint at the font files on disk (no network).

    The Thai and the Latin files get families of their own, in a stack: WeasyPrint merges the
    fonts of one family and weight into one PDF font, which mixes up two files' glyphs."""
    rules = []
    for weight, files in FONT_FILES.items():
        for path, family in zip(files, PRINT_FAMILIES, strict=True):
            found = finders.find(path)
            if not found:
                raise FileNotFoundError(f"static file {path} is missing")
            rules.append(
                f'@font-face {{ font-family: "{family}"; font-weight: {weight};'
                f' src: url("{Path(found).as_uri()}"); }}'
            )
    stack = ", ".join(f'"{family}"' for family in reversed(PRINT_FAMILIES))
    rules.append(f"html {{ font-family: {stack}, sans-serif; }}")
    return "\n".join(rules)


def registry_html(document: RegistryDocument) -> str:
    """The document as HTML, for a browser to show and print (the site's own Sarabun)."""
    return render_to_string(TEMPLATE, {"document": document})
