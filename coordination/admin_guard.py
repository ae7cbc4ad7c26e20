"""What the admin's editors refuse before anything is written.

Two kinds of post are turned away by the editors' `before_create_*` / `before_edit_*` hooks
(wagtail_hooks.py), for agencies and pages alike:

- a malformed one (a revision id that is not a number, rich text or workflow data that is not
  JSON, a StreamField or formset without its count, a formset count past the cap): 400, where
  Wagtail would fail with a 500 half-way, or tie a worker up building 100,000 forms;
- one that would rewrite history: overwriting a revision that is live, was published, or is or
  was in approval (the approval records would point at text nobody approved), or saving a form
  opened at an older revision than the latest (it would silently undo someone's newer draft):
  409, with the way to the newer version.
"""

import json

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import registry as log_registry
from wagtail.models import TaskState

# The most rows an inline panel (contacts, phones) or a StreamField posts: far above what a
# person enters, far below what ties a worker up.
MAX_FORMS = 200
COUNT_SUFFIXES = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-count")
REVISION_ID_FIELDS = ("overwrite_revision_id", "loaded_revision_id")


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _refusal(request, *, status: int, message: str, reload_url: str | None = None):
    if _wants_json(request):
        return JsonResponse(
            {"success": False, "error_code": "invalid_revision", "error_message": message},
            status=status,
        )
    return TemplateResponse(
        request,
        "coordination/admin/post_refused.html",
        {"page_title": _("บันทึกไม่ได้"), "message": message, "reload_url": reload_url},
        status=status,
    )


def _is_count(value: str) -> bool:
    return value.isascii() and value.isdigit() and int(value) <= MAX_FORMS


def malformed_post_problem(post, model=None) -> str | None:
    """Why the posted editor form `post` (of `model`, if known) cannot be read; None if it can."""
    for name in REVISION_ID_FIELDS:
        value = post.get(name, "")
        if value and not (value.isascii() and value.isdigit()):
            return _("หมายเลขฉบับแก้ไขที่ส่งมาไม่ถูกต้อง")
    if "workflow-action-extra-data" in post:
        try:
            extra = json.loads(post["workflow-action-extra-data"])
        except ValueError:
            extra = None
        if not isinstance(extra, dict):
            return _("ข้อมูลประกอบการอนุมัติที่ส่งมาไม่ถูกต้อง")
    for name, value in post.items():
        if name.endswith(COUNT_SUFFIXES) and not _is_count(value):
            return _("จำนวนรายการที่ส่งมาไม่ถูกต้องหรือเกิน %(max)s รายการ") % {"max": MAX_FORMS}
    if model is not None:
        for field in model._meta.concrete_fields:
            if isinstance(field, StreamField) and f"{field.name}-count" not in post:
                return _("ไม่พบจำนวนบล็อกของช่อง “%(field)s”") % {"field": field.verbose_name}
            if isinstance(field, RichTextField) and post.get(field.name):
                try:
                    contentstate = json.loads(post[field.name])
                except ValueError:
                    contentstate = ""
                # Draftail posts its JSON, or null for a box nobody touched.
                if contentstate is not None and not isinstance(contentstate, dict):
                    return _("ข้อความจัดรูปแบบในช่อง “%(field)s” ที่ส่งมาไม่ถูกต้อง") % {
                        "field": field.verbose_name
                    }
    return None


def malformed_post_response(request, model=None):
    """400 for a POST the editor of `model` cannot read; None for any other request."""
    if request.method != "POST":
        return None
    problem = malformed_post_problem(request.POST, model)
    if problem is None:
        return None
    return _refusal(request, status=400, message=problem)


def revision_is_protected(obj, revision) -> bool:
    """The revision is live, was ever published, or is or was in approval."""
    if getattr(obj, "live_revision_id", None) == revision.pk:
        return True
    if revision.approved_go_live_at is not None:
        return True
    if TaskState.objects.filter(revision=revision).exists():
        return True
    logs = log_registry.get_logs_for_instance(obj)
    return logs.filter(action="wagtail.publish", revision=revision).exists()


def _is_stale(post, latest) -> bool:
    """The form was opened at an older revision than `latest` (Wagtail's own rule for its
    autosave, applied to every save)."""
    if latest is None:
        return False
    if overwrite_id := post.get("overwrite_revision_id"):
        return overwrite_id != str(latest.pk)
    if loaded_id := post.get("loaded_revision_id"):
        if loaded_id != str(latest.pk):
            return True
        loaded_at = post.get("loaded_revision_created_at")
        return bool(loaded_at) and loaded_at != latest.created_at.isoformat()
    return False


def edit_refusal_response(request, obj, *, edit_url: str):
    """409 for a save of `obj` that would overwrite a protected revision or a newer version
    than the form was opened at; None when the save may go ahead."""
    if request.method != "POST":
        return None
    if problem := malformed_post_response(request, type(obj)):
        return problem
    overwrite_id = request.POST.get("overwrite_revision_id")
    if overwrite_id:
        revision = obj.revisions.filter(pk=overwrite_id).first()
        if revision is not None and revision_is_protected(obj, revision):
            return _refusal(
                request,
                status=409,
                message=_(
                    "ฉบับนี้เผยแพร่แล้วหรืออยู่ระหว่าง/ผ่านการอนุมัติ จึงบันทึกทับไม่ได้ "
                    "การแก้ไขจะบันทึกเป็นฉบับร่างใหม่ได้หลังเปิดหน้าแก้ไขใหม่"
                ),
                reload_url=edit_url,
            )
    if _is_stale(request.POST, obj.latest_revision):
        return _refusal(
            request,
            status=409,
            message=_(
                "มีผู้บันทึกฉบับที่ใหม่กว่าหลังจากคุณเปิดหน้าแก้ไขนี้ การบันทึกจะทับฉบับนั้น "
                "จึงยังไม่ได้บันทึก กรุณาเปิดฉบับล่าสุดแล้วแก้ไขอีกครั้ง"
            ),
            reload_url=edit_url,
        )
    return None
