"""Join PDF files into one, a file at a time, so that memory does not grow with the pages.

qpdf (pikepdf) builds the whole joined document in memory before it writes any of it: about 33 KiB
per page, a gigabyte for a country's registry. This writer instead copies each file's pages, and
every object they reach, straight to the output, renumbered, and keeps only an offset per object
(8 bytes) and the page tree's references. One source file is open at a time.

Object numbers: 1 is the catalogue, 2 the page tree, 3 to 3 + pages - 1 the pages in order (so a
link or bookmark can name any page before that page is written), then everything else as it
comes. Links and bookmarks that cross files are written by the caller as destinations to
`page_ref(n)`.
"""

import zlib
from array import array
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf
from pikepdf import ObjectType

CATALOG, PAGE_TREE, FIRST_PAGE = 1, 2, 3
# What a page inherits from the page tree when it does not say it itself (PDF 32000, 7.7.3.4).
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
# Streams without a filter longer than this are compressed as they are copied.
COMPRESS_FROM = 64


def page_ref(index: int) -> bytes:
    """A reference to the page at 0-based `index` of the joined document."""
    return b"%d 0 R" % (FIRST_PAGE + index)


def pdf_number(value) -> bytes:
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, float):
        return (b"%.3f" % value).rstrip(b"0").rstrip(b".")
    text = format(Decimal(value).normalize() if not isinstance(value, Decimal) else value, "f")
    return text.encode("ascii")


def pdf_string(text: str) -> bytes:
    return pikepdf.String(text).unparse()


@dataclass
class Bookmark:
    """An outline entry: its heading level (1 is the top), label and destination."""

    level: int
    label: str
    page: int
    x: float
    y: float
    children: list["Bookmark"] = field(default_factory=list)


class StreamingPdfWriter:
    """Write `pages` pages, given file by file with `add()`, then `close()`."""

    def __init__(self, out, pages: int):
        self.out = out
        self.pages = pages
        self.position = 0
        self.offsets = array("Q", bytes(8 * (FIRST_PAGE + pages)))
        self.written_pages = 0
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    # Low level -------------------------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def _new_number(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def _object(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n" % number)
        self._write(body)
        if stream is not None:
            self._write(b"\nstream\n")
            self._write(stream)
            self._write(b"\nendstream")
        self._write(b"\nendobj\n")

    # Copying one file --------------------------------------------------------------------------

    def add(self, pdf: pikepdf.Pdf, annotations: dict[int, list[bytes]] | None = None) -> None:
        """Copy every page of `pdf` (an open document) and what they reach. `annotations` maps a
        page's index in this file to annotation dictionaries (PDF syntax) to add to it."""
        annotations = annotations or {}
        numbers: dict[tuple[int, int], int] = {}
        queue: deque = deque()

        def ref(obj) -> bytes:
            key = obj.objgen
            number = numbers.get(key)
            if number is None:
                number = numbers[key] = self._new_number()
                queue.append((number, obj))
            return b"%d 0 R" % number

        def value(obj) -> bytes:
            if not isinstance(obj, pikepdf.Object):
                return b"null" if obj is None else pdf_number(obj)
            if obj.is_indirect:
                return ref(obj)
            kind = obj._type_code
            if kind == ObjectType.array:
                return b"[" + b" ".join(value(item) for item in obj) + b"]"
            if kind == ObjectType.dictionary:
                return dictionary(obj.items())
            return obj.unparse()

        def body(obj) -> bytes:
            """An indirect object's own value, written as the object."""
            kind = obj._type_code
            if kind == ObjectType.array:
                return b"[" + b" ".join(value(item) for item in obj) + b"]"
            if kind == ObjectType.dictionary:
                return dictionary(obj.items())
            return obj.unparse(resolved=True)

        def dictionary(items: Iterable, extra: bytes = b"") -> bytes:
            parts = [b"<<"]
            for key, item in items:
                parts += [pikepdf.Name(key).unparse(), b" ", value(item), b"\n"]
            parts += [extra, b">>"]
            return b"".join(parts)

        pages = list(pdf.pages)
        first = FIRST_PAGE + self.written_pages
        for index, page in enumerate(pages):
            numbers[page.obj.objgen] = first + index
        for index, page in enumerate(pages):
            obj = page.obj
            items = [(key, item) for key, item in obj.items() if key not in ("/Parent", "/Annots")]
            for key in INHERITED:
                if key not in obj:
                    inherited = _inherited(obj, key)
                    if inherited is not None:
                        items.append((key, inherited))
            annots = [value(item) for item in obj.get("/Annots", ())]
            annots += annotations.get(index, [])
            extra = b"/Parent %d 0 R\n" % PAGE_TREE
            if annots:
                extra += b"/Annots [" + b" ".join(annots) + b"]\n"
            self._object(first + index, dictionary(items, extra))
            while queue:
                number, item = queue.popleft()
                if item._type_code == ObjectType.stream:
                    data = item.read_raw_bytes()
                    entries = [(k, v) for k, v in item.stream_dict.items() if k != "/Length"]
                    extra = b"/Length %d\n"
                    if "/Filter" not in item.stream_dict and len(data) > COMPRESS_FROM:
                        # A page's content as qpdf leaves it after stamping: plain text.
                        data = zlib.compress(data)
                        extra = b"/Filter /FlateDecode /Length %d\n"
                    self._object(number, dictionary(entries, extra % len(data)), data)
                else:
                    self._object(number, body(item))
        self.written_pages += len(pages)

    # The document's own objects --------------------------------------------------------------

    def close(self, *, bookmarks: list[Bookmark], title: str, lang: str) -> None:
        if self.written_pages != self.pages:
            raise ValueError(f"{self.written_pages} pages written of the {self.pages} announced")
        kids = b" ".join(page_ref(index) for index in range(self.pages))
        self._object(PAGE_TREE, b"<</Type /Pages /Count %d /Kids [%s]>>" % (self.pages, kids))
        outlines = self._outline(bookmarks)
        info = self._new_number()
        self._object(info, b"<</Title " + pdf_string(title) + b" /Producer (esa-coordination)>>")
        catalog = b"<</Type /Catalog /Pages %d 0 R /Lang %s" % (PAGE_TREE, pdf_string(lang))
        if outlines:
            catalog += b" /Outlines %d 0 R" % outlines
        self._object(CATALOG, catalog + b">>")

        start = self.position
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % len(self.offsets))
        for number in range(1, len(self.offsets)):
            self._write(b"%010d 00000 n \n" % self.offsets[number])
        self._write(
            b"trailer\n<</Size %d /Root %d 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self.offsets), CATALOG, info, start)
        )

    def _outline(self, bookmarks: list[Bookmark]) -> int | None:
        """The outline (bookmarks), nested by heading level; returns its object number."""
        if not bookmarks:
            return None
        root = Bookmark(0, "", 0, 0, 0)
        stack = [root]
        for mark in bookmarks:
            while len(stack) > 1 and stack[-1].level >= mark.level:
                stack.pop()
            stack[-1].children.append(mark)
            stack.append(mark)
        number = self._new_number()
        self._outline_item(root, number, parent=None, previous=None, following=None)
        return number

    def _outline_item(self, mark: Bookmark, number: int, *, parent, previous, following) -> None:
        """Write `mark` as object `number`, then what is under it. The numbers of its parent and
        siblings are reserved before they are written: an outline links both ways."""
        children = [self._new_number() for _child in mark.children]
        entries = []
        if children:
            entries.append(
                b"/First %d 0 R /Last %d 0 R /Count %d"
                % (children[0], children[-1], _descendants(mark))
            )
        if parent is None:
            self._object(number, b"<</Type /Outlines " + b" ".join(entries) + b">>")
        else:
            entries.append(b"/Parent %d 0 R" % parent)
            if previous:
                entries.append(b"/Prev %d 0 R" % previous)
            if following:
                entries.append(b"/Next %d 0 R" % following)
            destination = b"[%s /XYZ %s %s 0]" % (
                page_ref(mark.page),
                pdf_number(mark.x),
                pdf_number(mark.y),
            )
            self._object(
                number,
                b"<</Title " + pdf_string(mark.label) + b" /Dest " + destination + b" "
                + b" ".join(entries) + b">>",
            )  # fmt: skip
        for index, child in enumerate(mark.children):
            self._outline_item(
                child,
                children[index],
                parent=number,
                previous=children[index - 1] if index else None,
                following=children[index + 1] if index + 1 < len(children) else None,
            )


def _descendants(mark: Bookmark) -> int:
    """How many entries are under `mark` (all of them open)."""
    return sum(1 + _descendants(child) for child in mark.children)


def _inherited(page: pikepdf.Object, key: str):
    node = page.get("/Parent")
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None
