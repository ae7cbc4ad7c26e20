"""The admin's import: upload a file → preview what it would do → apply it.

The uploaded file waits on the server between the steps (a temporary directory, under a random
token kept in the session with the file's SHA-256), so that what is applied is exactly what was
previewed; the plan is made again from it at each step, against the database as it is then.
"""

import hashlib
import secrets
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin.widgets import HeaderButton

from coordination.permissions import ADD_AGENCY
from coordination.registry_files import registry_template_xlsx, template_columns
from coordination.search.admin_views import AgencyIndexView
from coordination.search.bulk_index import agency_index_many
from coordination.services.agency_import import (
    RowStatus,
    agency_import_apply,
    agency_import_plan,
)

SESSION_KEY = "coordination_import"
UPLOAD_DIR = Path(tempfile.gettempdir()) / "coordination-imports"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TEMPLATE_FILE_NAME = "agency-import-template.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_import(user) -> bool:
    """Who may import: whoever may add agencies (officers, supervisors, superusers)."""
    return bool(user.is_authenticated and user.has_perm(ADD_AGENCY))


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("ไฟล์ข้อมูลหน่วยงาน (.csv หรือ .xlsx)"),
        help_text=gettext_lazy("CSV แบบ UTF-8 หรือ TIS-620 (ที่ Excel ภาษาไทยบันทึก) หรือไฟล์ Excel"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    reason = forms.CharField(
        label=gettext_lazy("เหตุผลของการนำเข้า"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("บันทึกไว้ในประวัติของทุกหน่วยงานที่เปลี่ยนแปลง"),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("เผยแพร่ทันทีโดยไม่ผ่านการอนุมัติ (ผู้ดูแลระบบ ต้องระบุเหตุผล)"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.is_superuser:
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("ไฟล์ใหญ่เกิน 20 MB กรุณาแบ่งเป็นหลายไฟล์"))
        if Path(upload.name).suffix.casefold() not in (".csv", ".xlsx"):
            raise ValidationError(_("ใช้ไฟล์ .csv หรือ .xlsx เท่านั้น"))
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publish") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("การเผยแพร่ทันทีต้องระบุเหตุผล"))
        return cleaned


def _require_import(request):
    if not can_import(request.user):
        raise PermissionDenied


def _stored_upload(request) -> tuple[dict, bytes] | None:
    """The file uploaded in this session, if it is still there and unaltered."""
    pending = request.session.get(SESSION_KEY)
    if not pending:
        return None
    path = UPLOAD_DIR / pending["token"]
    if not path.is_file():
        return None
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != pending["sha256"]:
        return None
    return pending, data


def _forget_upload(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        (UPLOAD_DIR / pending["token"]).unlink(missing_ok=True)


@require_http_methods(["GET", "POST"])
def import_upload_view(request):
    _require_import(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        _forget_upload(request)
        data = form.cleaned_data["file"].read()
        token = secrets.token_urlsafe(24)
        UPLOAD_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        (UPLOAD_DIR / token).write_bytes(data)
        request.session[SESSION_KEY] = {
            "token": token,
            "sha256": hashlib.sha256(data).hexdigest(),
            "file_name": Path(form.cleaned_data["file"].name).name,
            "reason": form.cleaned_data["reason"].strip(),
            "publish": bool(form.cleaned_data.get("publish")),
        }
        return redirect("coordination_admin:agency_import_preview")
    return render(
        request,
        "coordination/admin/import_upload.html",
        {
            "form": form,
            "page_title": _("นำเข้าข้อมูลหน่วยงาน"),
            "header_icon": "upload",
            "headings": [str(column.heading) for column in template_columns()],
        },
    )


@require_GET
def import_preview_view(request):
    _require_import(request)
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("ไม่พบไฟล์ที่อัปโหลด กรุณาอัปโหลดใหม่"))
        return redirect("coordination_admin:agency_import")
    pending, data = stored
    plan = agency_import_plan(data=data, file_name=pending["file_name"])
    return render(
        request,
        "coordination/admin/import_preview.html",
        {
            "plan": plan,
            "pending": pending,
            "rows": [r for r in plan.rows if r.status != RowStatus.UNCHANGED],
            "counts": {
                "create": plan.count(RowStatus.CREATE),
                "change": plan.count(RowStatus.CHANGE),
                "unchanged": plan.count(RowStatus.UNCHANGED),
                "error": len(plan.errors),
            },
            "page_title": _("ตรวจสอบก่อนนำเข้า: %(file)s") % {"file": pending["file_name"]},
            "header_icon": "upload",
        },
    )


@require_POST
def import_apply_view(request):
    _require_import(request)
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("ไม่พบไฟล์ที่อัปโหลด หรือไฟล์ถูกเปลี่ยน กรุณาอัปโหลดใหม่"))
        return redirect("coordination_admin:agency_import")
    pending, data = stored
    plan = agency_import_plan(data=data, file_name=pending["file_name"])
    if plan.has_errors:
        messages.error(request, _("ไฟล์มีข้อผิดพลาด จึงยังไม่ได้นำเข้าข้อมูลใด ๆ"))
        return redirect("coordination_admin:agency_import_preview")
    try:
        result = agency_import_apply(
            plan=plan, user=request.user, reason=pending["reason"], publish=pending["publish"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("coordination_admin:agency_import_preview")
    agency_index_many(result.index_ids)
    _forget_upload(request)
    done = _("เผยแพร่แล้ว") if result.published else _("ส่งเข้าขั้นตอนการอนุมัติแล้ว")
    messages.success(
        request,
        _(
            "นำเข้าไฟล์ “%(file)s” เรียบร้อย: สร้างใหม่ %(created)s แห่ง เปลี่ยนแปลง %(changed)s แห่ง "
            "ไม่เปลี่ยนแปลง %(unchanged)s แห่ง (%(done)s)"
        )
        % {
            "file": pending["file_name"],
            "created": len(result.created),
            "changed": len(result.changed),
            "unchanged": result.unchanged,
            "done": done,
        },
    )
    return redirect("wagtailsnippets_coordination_agency:list")


@require_GET
def import_template_view(request):
    _require_import(request)
    response = HttpResponse(registry_template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILE_NAME}"'
    return response


class AgencyListingView(AgencyIndexView):
    """The agency listing, with the import button for those who may import."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("นำเข้าข้อมูล"),
                    url=reverse("coordination_admin:agency_import"),
                    icon_name="upload",
                )
            )
        return buttons
