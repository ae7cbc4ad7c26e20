"""The printable registry as one PDF, laid out in parts so that memory stays flat.

WeasyPrint holds a whole document's layout in memory (about half a MiB per agency), so a country's
registry is never laid out at once. The agencies go through WeasyPrint a part at a time (at most
`COORDINATION_REGISTRY_PDF_PART_SIZE` of them; a part also ends where a scope ends, where the
document breaks the page anyway); each part is written to a temporary file and its layout freed.
Then the cover and table of contents are laid out, now that every section's first page is known,
and the page numbers ("หน้า 7 / 120") are laid out last, when the total is known, and stamped over
each page. The parts are then copied one at a time into the output (coordination/pdf_join.py: qpdf
would hold the whole joined document in memory, about 33 KiB a page), with the contents' links and
the PDF's bookmarks, which cross parts.
"""

import contextlib
import gc
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pikepdf
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from coordination.cards import AgencyCard
from coordination.pdf_join import Bookmark, StreamingPdfWriter, page_ref, pdf_number
from coordination.registry_document import (
    RegistryDocument,
    RegistryRow,
    RegistrySection,
    print_font_faces,
    registry_rows,
)

PART_TEMPLATE = "coordination/registry/pdf_part.html"
PAGE_NUMBERS_TEMPLATE = "coordination/registry/pdf_page_numbers.html"
# Agencies laid out at once: about 0.5 MiB each while WeasyPrint holds the part.
PART_SIZE = 200
# CSS pixels to PDF points.
PT_PER_PX = 0.75


def part_size() -> int:
    return getattr(settings, "COORDINATION_REGISTRY_PDF_PART_SIZE", PART_SIZE)


@dataclass
class _Block:
    """The rows of one section within one part."""

    section: RegistrySection
    continued: bool
    starts_scope: bool
    rows: list[RegistryRow] = field(default_factory=list)


@dataclass(frozen=True)
class _Place:
    """A point on a page of a part, in PDF points from the page's bottom left."""

    page: int
    x: float
    y: float


@dataclass
class _Part:
    """A part as written: its file, its page count, and what links and bookmarks need."""

    path: Path
    pages: int
    anchors: dict[str, _Place] = field(default_factory=dict)
    # (level, label, place) of each heading, in order.
    bookmarks: list[tuple[int, str, _Place]] = field(default_factory=list)
    # (anchor, page, rectangle in points) of each link to another part.
    links: list[tuple[str, int, tuple[float, float, float, float]]] = field(default_factory=list)
    first_page: int = 0  # 0-based index of its first page in the whole PDF


def _part_rows(rows: Iterable[RegistryRow], size: int) -> Iterator[list[RegistryRow]]:
    """Rows in runs of at most `size`, a run ending where a scope does; the last run may be
    empty (the signatures still need a part)."""
    run: list[RegistryRow] = []
    for row in rows:
        if run and (len(run) >= size or row.section.scope_label != run[-1].section.scope_label):
            yield run
            run = []
        run.append(row)
    yield run


def _blocks(run: list[RegistryRow]) -> list[_Block]:
    blocks: list[_Block] = []
    for row in run:
        if not blocks or blocks[-1].section is not row.section:
            starts_scope = row.number == 1 and (row.section.number.endswith(".1"))
            blocks.append(_Block(row.section, continued=row.number > 1, starts_scope=starts_scope))
        blocks[-1].rows.append(row)
    return blocks


def _write(html: str, path: Path, fonts: FontConfiguration) -> _Part:
    """Lay out one part, note where its anchors, headings and links are, and write it."""
    document = HTML(string=html).render(font_config=fonts)
    part = _Part(path=path, pages=len(document.pages))
    linked: set[tuple[str, int]] = set()
    for index, page in enumerate(document.pages):

        def place(x: float, y: float, index=index, height=page.height) -> _Place:
            return _Place(index, x * PT_PER_PX, (height - y) * PT_PER_PX)

        for name, (x, y, *_size) in page.anchors.items():
            part.anchors.setdefault(name, place(x, y))
        for level, label, (x, y), _state in page.bookmarks:
            part.bookmarks.append((level, label, place(x, y)))
        for link_type, target, (x1, y1, x2, y2), _box in page.links:
            if link_type == "internal" and (target, index) not in linked:
                linked.add((target, index))  # the link's box, then its ::after again
                start, end = place(x1, y1), place(x2, y2)
                part.links.append((target, index, (start.x, end.y, end.x, start.y)))
        # Internal links point into other parts: they are added once the parts are joined.
        page.links = [link for link in page.links if link[0] != "internal"]
    document.write_pdf(path)
    del document
    gc.collect()  # a layout is a web of boxes: free it before the next part is laid out
    return part


def registry_pdf(
    cards: Iterable[AgencyCard],
    target,
    *,
    office_name: str,
    as_of: date,
    staff: bool,
) -> RegistryDocument:
    """Lay the registry out as a PDF into `target` (a path or a binary file); returns the
    document's outline (sections with their counts and first pages, no rows)."""
    document = RegistryDocument(
        office_name=office_name, as_of=as_of, staff=staff, sections=[], total=0
    )
    fonts = FontConfiguration()
    context = {"document": document, "font_faces": print_font_faces(), "for_pdf": True}
    with tempfile.TemporaryDirectory(prefix="registry-pdf-") as folder:
        body = _write_body(document, cards, context, Path(folder), fonts)
        front = _write_front(document, body, context, Path(folder), fonts)
        parts = [front, *body]
        total = sum(part.pages for part in parts)
        numbers = [
            _write(
                render_to_string(
                    PAGE_NUMBERS_TEMPLATE,
                    {
                        **context,
                        "first": part.first_page + 1,
                        "total": total,
                        "pages": range(part.pages),
                    },
                ),
                Path(folder) / f"numbers-{index}.pdf",
                fonts,
            )
            for index, part in enumerate(parts)
        ]
        _join(parts, numbers, target, document)
    return document


def _write_body(
    document: RegistryDocument,
    cards: Iterable[AgencyCard],
    context: dict,
    folder: Path,
    fonts: FontConfiguration,
) -> list[_Part]:
    runs = _part_rows(registry_rows(cards, staff=document.staff), part_size())
    parts: list[_Part] = []

    def write(run: list[RegistryRow], *, last: bool) -> None:
        blocks = _blocks(run)
        for block in blocks:
            if not block.continued:
                document.sections.append(block.section)
        document.total += len(run)
        html = render_to_string(
            PART_TEMPLATE, {**context, "part": "body", "blocks": blocks, "signatures": last}
        )
        parts.append(_write(html, folder / f"body-{len(parts)}.pdf", fonts))

    # One run behind, so that the last one is known: it carries the signatures.
    current = next(runs)
    for following in runs:
        write(current, last=False)
        current = following
    write(current, last=True)
    return parts


def _write_front(
    document: RegistryDocument,
    body: list[_Part],
    context: dict,
    folder: Path,
    fonts: FontConfiguration,
) -> _Part:
    """The cover and contents. Their own length moves every page number after them, so they are
    laid out again until the length they assumed is the length they have (once, nearly always)."""
    front_pages = 2  # the cover and one page of contents
    for _attempt in range(5):
        _number_pages(document, body, front_pages)
        html = render_to_string(PART_TEMPLATE, {**context, "part": "front"})
        front = _write(html, folder / "front.pdf", fonts)
        if front.pages == front_pages:
            return front
        front_pages = front.pages
    raise RuntimeError("the registry's contents did not settle on a length")


def _number_pages(document: RegistryDocument, body: list[_Part], front_pages: int) -> None:
    first = front_pages
    anchors: dict[str, int] = {}
    for part in body:
        part.first_page = first
        for name, place in part.anchors.items():
            anchors.setdefault(name, first + place.page)
        first += part.pages
    for section in document.sections:
        section.page = anchors[section.anchor] + 1


def _join(parts: list[_Part], numbers: list[_Part], target, document: RegistryDocument) -> None:
    """One PDF of the parts' pages, each with its page number stamped over it, the contents'
    links and the bookmarks. The parts are copied into it one at a time (pdf_join): memory holds
    one part, whatever the registry's length."""
    anchors = {
        name: _Place(part.first_page + place.page, place.x, place.y)
        for part in parts
        for name, place in part.anchors.items()
    }
    bookmarks = [
        Bookmark(level, label, part.first_page + place.page, place.x, place.y)
        for part in parts
        for level, label, place in part.bookmarks
    ]
    with contextlib.ExitStack() as stack:
        out = target
        if isinstance(target, str | Path):
            out = stack.enter_context(open(target, "wb"))
        writer = StreamingPdfWriter(out, sum(part.pages for part in parts))
        for part, stamp in zip(parts, numbers, strict=True):
            with pikepdf.open(part.path) as source, pikepdf.open(stamp.path) as stamps:
                for page, number in zip(source.pages, stamps.pages, strict=True):
                    page.add_overlay(number)
                links: dict[int, list[bytes]] = {}
                for name, page, rectangle in part.links:
                    if name in anchors:
                        links.setdefault(page, []).append(_link(rectangle, anchors[name]))
                writer.add(source, links)
        writer.close(
            bookmarks=bookmarks, title=f"{document.title} · {document.office_name}", lang="th"
        )


def _link(rectangle, to: _Place) -> bytes:
    """A link annotation (PDF syntax) over `rectangle` to a place in the joined document."""
    return b"<</Type /Annot /Subtype /Link /Rect [%s] /Border [0 0 0] /Dest [%s /XYZ %s %s 0]>>" % (
        b" ".join(pdf_number(value) for value in rectangle),
        page_ref(to.page),
        pdf_number(to.x),
        pdf_number(to.y),
    )
