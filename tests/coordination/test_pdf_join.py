"""The streaming PDF joiner (coordination/pdf_join.py) that lets the registry's PDF be written a
part at a time: what it writes must read as one ordinary PDF."""

import io

import pikepdf
import pytest

from coordination.pdf_join import Bookmark, StreamingPdfWriter, page_ref


def a_file(texts: list[str], *, inherit_box: bool = False) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    for text in texts:
        pdf.add_blank_page(page_size=(300, 400))
        page = pdf.pages[-1]
        page.obj.Contents = pdf.make_stream(f"BT /F1 12 Tf 20 300 Td ({text}) Tj ET".encode())
        # A note that points back at its own page (/P): references between a file's objects.
        note = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Text,
                Rect=[10, 10, 20, 20],
                Contents=pikepdf.String(f"หมายเหตุ {text}"),
                P=page.obj,
            )
        )
        page.obj.Annots = pdf.make_indirect(pikepdf.Array([note]))
    if inherit_box:  # the page size said once, by the page tree
        pdf.Root.Pages.MediaBox = pikepdf.Array([0, 0, 300, 400])
        for page in pdf.pages:
            del page.obj.MediaBox
    return pdf


def test_files_joined_one_at_a_time_read_as_one_pdf():
    out = io.BytesIO()
    writer = StreamingPdfWriter(out, pages=3)
    writer.add(a_file(["one", "two"]))
    link = b"<</Type /Annot /Subtype /Link /Rect [0 0 50 50] /Dest [%s /XYZ 0 400 0]>>" % page_ref(
        0
    )
    writer.add(a_file(["three"], inherit_box=True), annotations={0: [link]})
    writer.close(
        bookmarks=[
            Bookmark(1, "ทะเบียน", 0, 0, 400),
            Bookmark(2, "หน่วยงานภายใน", 1, 0, 400),
            Bookmark(2, "หน่วยงานภายนอก", 2, 0, 400),
        ],
        title="ทะเบียนข้อมูลพื้นฐาน",
        lang="th",
    )

    pdf = pikepdf.open(io.BytesIO(out.getvalue()))
    assert pdf.check_pdf_syntax() == []
    assert [page.obj.Contents.read_bytes().split(b"(")[1][:-7] for page in pdf.pages] == [
        b"one",
        b"two",
        b"three",
    ]
    third = pdf.pages[2]
    assert [float(n) for n in third.mediabox] == [0, 0, 300, 400]
    note, crossing = third.obj.Annots
    assert str(note.Contents) == "หมายเหตุ three" and note.P.objgen == third.obj.objgen
    assert crossing.Dest[0].objgen == pdf.pages[0].obj.objgen
    with pdf.open_outline() as outline:
        (top,) = outline.root
        assert top.title == "ทะเบียน"
        assert [
            (item.title, pdf.pages.index(pikepdf.Page(item.destination[0])))
            for item in top.children
        ] == [("หน่วยงานภายใน", 1), ("หน่วยงานภายนอก", 2)]
    assert str(pdf.docinfo.Title) == "ทะเบียนข้อมูลพื้นฐาน" and str(pdf.Root.Lang) == "th"


def test_a_page_count_that_does_not_match_is_refused():
    writer = StreamingPdfWriter(io.BytesIO(), pages=2)
    writer.add(a_file(["one"]))
    with pytest.raises(ValueError, match="1 pages written of the 2"):
        writer.close(bookmarks=[], title="", lang="th")
