"""Routes of the registry's exports.

Public, under any directory page and honouring its filters (q, scope, category, district):
``export.csv``, ``export.xlsx``, ``directory.vcf``, ``registry.pdf`` and ``registry.html`` (the
print view). Public data only, whoever asks. Staff get every field from the admin: the agency
listing's CSV/XLSX buttons (live agencies; ``drafts=1`` adds drafts) and the staff registry
(PDF or print view), permission-checked and never cached.
"""

import base64
import hashlib
import re
import tempfile

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.admin.widgets.button import Button

from coordination.exports import (
    CONTENT_TYPES,
    ExportRequest,
    csv_export,
    export_filename,
    html_export,
    pdf_export,
    vcf_export,
    xlsx_export,
)
from coordination.permissions import can_view_registry
from coordination.search.admin_views import AgencyIndexView
from coordination.selectors.directory import DirectoryFilters, agency_url
from coordination.selectors.exports import ExportAudience
from coordination.views import live_directory_page, serve_as_page

PUBLIC_FILES = {
    "export.csv": "csv",
    "export.xlsx": "xlsx",
    "directory.vcf": "vcf",
    "registry.pdf": "pdf",
    "registry.html": "html",
}


DOCUMENT_FORMATS = ("pdf", "html")


def registry_document_limit() -> int:
    """The most agencies a public registry document lays out in one request
    (COORDINATION_REGISTRY_PDF_MAX). Memory no longer limits it (the PDF is laid out in parts);
    time does: WeasyPrint takes about a tenth of a second per agency, so a larger registry is
    made offline with `manage.py export_registry --format pdf`, which has no limit."""
    return getattr(settings, "COORDINATION_REGISTRY_PDF_MAX", 3000)


def _attachment(response, fmt: str, export: ExportRequest):
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=fmt != "pdf", filename=export_filename(fmt, export)
    )
    return response


def _temporary_file_response(write, fmt: str, export: ExportRequest) -> FileResponse:
    """A file written to disk, then streamed (and removed when the response closes it)."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    write(export, output)
    output.seek(0)
    response = FileResponse(output, content_type=CONTENT_TYPES[fmt])
    return _attachment(response, fmt, export)


def _print_view_response(html: str) -> HttpResponse:
    """The print view keeps its print style inline: the PDF shares it, and it is made from the
    document (the office's name and date in the page margins). A Content-Security-Policy without
    'unsafe-inline' allows exactly that style by its hash, set as django-csp's @csp_update sets it
    (the host site need not run django-csp; the attribute is then ignored)."""
    response = HttpResponse(html, content_type=CONTENT_TYPES["html"])
    response._csp_update = {
        "style-src": [
            f"'sha256-{_sha256(style)}'"
            for style in re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
        ]
    }
    return response


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def export_response(fmt: str, export: ExportRequest, *, url_of=None):
    if fmt == "csv":
        response = StreamingHttpResponse(csv_export(export), content_type=CONTENT_TYPES[fmt])
    elif fmt == "vcf":
        response = StreamingHttpResponse(
            vcf_export(export, url_of=url_of), content_type=CONTENT_TYPES[fmt]
        )
    elif fmt == "xlsx":
        return _temporary_file_response(xlsx_export, fmt, export)
    elif fmt == "pdf":
        return _temporary_file_response(pdf_export, fmt, export)
    elif fmt == "html":
        return _print_view_response(html_export(export))
    else:
        raise Http404
    return _attachment(response, fmt, export)


@require_GET
def directory_export_route(request, directory_path, filename):
    """A public export of the directory page at `directory_path` on this request's site,
    under the page's view restrictions."""
    page = live_directory_page(request, directory_path)
    return serve_as_page(request, page, directory_export_view, filename=filename)


def directory_export_view(request, *, page, filename):
    fmt = PUBLIC_FILES[filename]
    directory_url = page.agency_url_base(request)
    export = ExportRequest(filters=DirectoryFilters.from_query(request.GET))
    if fmt in DOCUMENT_FORMATS and export.agencies().count() > registry_document_limit():
        # Laying out takes about 0.1 s per agency: a country's registry is not made in a request.
        return HttpResponseBadRequest(
            _(
                "ทะเบียนที่เลือกมีหน่วยงานมากกว่า %(limit)s หน่วย จึงพิมพ์เป็นเอกสารเดียวไม่ได้ "
                "กรุณาเลือกขอบเขต ประเภท หรืออำเภอ หรือดาวน์โหลดเป็น CSV/XLSX"
            )
            % {"limit": f"{registry_document_limit():,}"},
            content_type="text/plain; charset=utf-8",
        )
    return export_response(
        fmt,
        export,
        url_of=lambda slug: request.build_absolute_uri(agency_url(directory_url, slug)),
    )


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@require_GET
def staff_registry_view(request, fmt: str):
    """The staff registry (every live agency, internal fields included) as PDF or print view."""
    if not can_view_registry(request.user):
        raise PermissionDenied
    export = ExportRequest(
        filters=DirectoryFilters.from_query(request.GET),
        audience=ExportAudience(staff=True, drafts=request.GET.get("drafts") == "1"),
    )
    return _private(export_response(fmt, export))


class AgencyListingView(AgencyIndexView):
    """The admin's agency listing whose CSV/XLSX buttons write the registry's own export
    (every field, Thai headings and values, phones and contacts; what the import reads) in
    place of Wagtail's: live agencies of the listing's filters, drafts with ``drafts=1``."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        drafts = self.request.GET.get("drafts") == "1"
        if not drafts:
            queryset = queryset.filter(live=True)
        # The listing's own filters, search and order choose the rows.
        export = ExportRequest(
            audience=ExportAudience(staff=True, drafts=drafts), queryset=queryset
        )
        return _private(export_response(spreadsheet_format, export))

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.show_export_buttons:
            params = self.request.GET.copy()
            params["export"] = "xlsx"
            params["drafts"] = "1"
            buttons.append(
                Button(
                    _("ดาวน์โหลด XLSX รวมฉบับร่าง"),
                    url=f"{self.request.path}?{params.urlencode()}",
                    icon_name="download",
                    priority=95,
                )
            )
            buttons.append(
                Button(
                    _("พิมพ์ทะเบียนหน่วยงาน (PDF)"),
                    url=reverse("coordination_admin:registry_pdf"),
                    icon_name="doc-full",
                    priority=110,
                )
            )
        return buttons
