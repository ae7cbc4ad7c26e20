"""Uploads through the real admin: an officer's document or image waits, login-only, in the
pending collection until the deputy director moves it to a public one; too large or the wrong
type is refused in Thai and nothing is stored (home/uploads.py)."""

import io

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.uploads import PENDING_UPLOADS

Document = get_document_model()
Image = get_image_model()

pytestmark = pytest.mark.django_db

DOCX_BYTES = b"PK\x03\x04 a word-processing file"
PDF_BYTES = b"%PDF-1.4\n% the office's announcement\n%%EOF\n"


@pytest.fixture(autouse=True)
def _files_on_disk(settings, tmp_path):
    """Files on disk, as in production: Wagtail's document view sends a stored file by its path."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def _png(padding: int = 0) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), (11, 79, 138)).save(buffer, format="PNG")
    # Bytes after the PNG's end are ignored by image readers: a picture of any file size.
    return buffer.getvalue() + b"\0" * padding


def _upload_document(client, user, name: str, content: bytes, title: str = "ประกาศสำนักงาน"):
    client.force_login(user)
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


def _root():
    return Collection.get_first_root_node()


def test_an_officers_document_is_not_public_until_the_deputy_director_moves_it(
    client, officer, deputy
):
    response = _upload_document(client, officer, "announcement.docx", DOCX_BYTES)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.collection.name == PENDING_UPLOADS

    # The officer, signed in, can open their upload; an anonymous visitor is sent to log in.
    assert client.get(document.url).status_code == 200
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert b"".join(getattr(response, "streaming_content", [response.content])) != DOCX_BYTES

    # The officer cannot publish it themselves: a crafted edit naming the root collection.
    client.force_login(officer)
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": _root().pk},
    )
    document.refresh_from_db()
    assert document.collection.name == PENDING_UPLOADS

    # The deputy director approves it by moving it to the public (root) collection.
    client.force_login(deputy)
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": _root().pk},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.collection == _root()

    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOCX_BYTES
    # Not a PDF or a picture: downloaded, never rendered by the browser, never sniffed.
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_published_pdf_opens_in_the_browser_with_safe_headers(client, officer, deputy):
    _upload_document(client, officer, "announcement.pdf", PDF_BYTES)
    document = Document.objects.get()
    client.force_login(deputy)
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": _root().pk},
    )
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_the_group_director_also_uploads_into_the_pending_collection(client, director):
    _upload_document(client, director, "minutes.pdf", PDF_BYTES)
    assert Document.objects.get().collection.name == PENDING_UPLOADS


def test_a_document_over_the_size_limit_is_refused_in_thai_and_nothing_is_stored(client, officer):
    too_large = b"%PDF-1.4\n" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = _upload_document(client, officer, "scan.pdf", too_large)
    assert response.status_code == 200
    assert "ไฟล์นี้ใหญ่เกินไป" in response.content.decode()
    assert not Document.objects.exists()
    assert not default_storage.exists("documents/scan.pdf")


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "drawing.svg"])
def test_a_document_of_a_type_an_office_does_not_share_is_refused_in_thai(client, officer, name):
    response = _upload_document(client, officer, name, b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert "ไม่อนุญาตไฟล์นามสกุล" in response.content.decode()
    assert not Document.objects.exists()
    assert not default_storage.exists(f"documents/{name}")


def test_an_officers_image_goes_to_the_pending_collection(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "ภาพกิจกรรม", "file": SimpleUploadedFile("activity.png", _png())},
    )
    assert response.status_code == 302
    assert Image.objects.get().collection.name == PENDING_UPLOADS


def test_an_image_over_the_size_limit_is_refused_in_thai_and_nothing_is_stored(client, officer):
    client.force_login(officer)
    picture = _png(padding=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "ภาพใหญ่", "file": SimpleUploadedFile("big.png", picture)},
    )
    assert response.status_code == 200
    assert "ไฟล์นี้ใหญ่เกินไป" in response.content.decode()
    assert not Image.objects.exists()
    assert not default_storage.exists("original_images/big.png")


def test_the_multiple_upload_page_also_keeps_an_officers_files_pending(client, officer):
    """The admin's usual upload page (drag and drop), even when the post names the root."""
    client.force_login(officer)
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("plan.xlsx", b"PK\x03\x04 a sheet"),
            "collection": _root().pk,
        },
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert Document.objects.get().collection.name == PENDING_UPLOADS
    client.logout()
    assert client.get(Document.objects.get().url).status_code == 302
