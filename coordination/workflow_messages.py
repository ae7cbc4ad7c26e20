"""What the approval workflow says to the person who just acted, and the help text of each action.

Wagtail's own messages say "updated" for an approval and nothing for a rejection from the
dashboard. These say what happened: submitted, approved and passed on, published, sent back,
cancelled. The editors (agencies and pages) and the dashboard's workflow actions all use them,
so the same action reads the same everywhere.
"""

import re

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.utils import get_latest_str
from wagtail.models import Page, WorkflowState

# The help text under each action of the editor's action menu, by the menu item's name (the
# workflow actions of a task are named by the action: "approve", "reject").
ACTION_HELP = {
    "action-save": gettext_lazy("บันทึกร่าง — ยังไม่มีใครเห็น และยังไม่มีใครได้รับแจ้ง"),
    "action-save-draft": gettext_lazy("บันทึกร่าง — ยังไม่มีใครเห็น และยังไม่มีใครได้รับแจ้ง"),
    "action-submit": gettext_lazy("ส่งพิจารณา — ผู้อำนวยการกลุ่มจะได้รับแจ้ง"),
    "action-restart-workflow": gettext_lazy(
        "เริ่มการพิจารณาใหม่ — ส่งฉบับนี้กลับไปเริ่มที่ขั้นแรก ผู้พิจารณาขั้นแรกจะได้รับแจ้ง"
    ),
    "action-cancel-workflow": gettext_lazy("ถอนเรื่องออกจากการพิจารณา — ต้องยืนยันก่อน ผู้ส่งเรื่องจะได้รับแจ้ง"),
    "action-publish": gettext_lazy("เผยแพร่ทันที — ทุกคนเห็นบนเว็บไซต์"),
    "action-unpublish": gettext_lazy("ยกเลิกการเผยแพร่ — นำออกจากเว็บไซต์"),
    "approve": gettext_lazy("อนุมัติ — ส่งต่อผู้พิจารณาขั้นถัดไป หรือเผยแพร่เมื่อเป็นขั้นสุดท้าย"),
    "reject": gettext_lazy("ส่งกลับให้แก้ไข — ผู้ส่งเรื่องจะเห็นความคิดเห็นของคุณ"),
}

_ROLE_GLOSS = re.compile(r"\s*\([^)]*\)\s*$")


def item_kind(obj) -> str:
    """What the item is, in a word: หน้าเว็บ for a page, the model's name for a snippet."""
    if isinstance(obj, Page):
        return _("หน้าเว็บ")
    return capfirst(obj._meta.verbose_name)


def person_name(user) -> str:
    """A person as colleagues know them: full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _title(obj) -> str:
    if isinstance(obj, Page):
        # The editor's copy of a page may not carry its new draft title yet; the row does.
        draft_title = Page.objects.filter(pk=obj.pk).values_list("draft_title", flat=True).first()
        return draft_title or obj.get_admin_display_title()
    return get_latest_str(obj)


def _subject(obj) -> dict:
    return {"kind": item_kind(obj), "title": _title(obj)}


def created_message(obj, *, submitted: bool) -> str:
    if submitted:
        return _("เพิ่ม%(kind)s '%(title)s' แล้ว และส่งพิจารณาแล้ว") % _subject(obj)
    return _("เพิ่ม%(kind)s '%(title)s' แล้ว (ฉบับร่าง ยังไม่เผยแพร่)") % _subject(obj)


def submitted_message(obj) -> str:
    return _("ส่งพิจารณาแล้ว: %(kind)s '%(title)s'") % _subject(obj)


def rejected_message(obj) -> str:
    return _("ส่งกลับให้แก้ไขแล้ว: %(kind)s '%(title)s'") % _subject(obj)


def cancelled_message(obj) -> str:
    return _("ยกเลิกขั้นตอนการอนุมัติแล้ว: %(kind)s '%(title)s'") % _subject(obj)


def reviewers_name(task) -> str:
    """Who reviews `task`: its groups' names without the English gloss in brackets."""
    groups = getattr(task, "groups", None)
    names = [_ROLE_GLOSS.sub("", group.name) for group in groups.all()] if groups else []
    return ", ".join(names) or task.name


def approved_message(obj, workflow_state: WorkflowState | None) -> str:
    """After an approval: published (the last step) or passed on to the next reviewers."""
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return _("เผยแพร่แล้ว: %(kind)s '%(title)s'") % _subject(obj)
    next_task = workflow_state.current_task_state.task.specific
    task_ids = list(workflow_state.workflow.tasks.values_list("pk", flat=True))
    step = task_ids.index(next_task.pk) if next_task.pk in task_ids else 1
    if step == 0:
        # Approving with changes makes a new revision, which every step reviews again.
        return _("บันทึกการแก้ไขแล้ว จึงเริ่มพิจารณาใหม่ที่%(reviewers)s: %(kind)s '%(title)s'") % {
            "reviewers": reviewers_name(next_task),
            **_subject(obj),
        }
    return _("อนุมัติขั้นที่ %(step)s แล้ว ส่งต่อ%(reviewers)s: %(kind)s '%(title)s'") % {
        "step": step,
        "reviewers": reviewers_name(next_task),
        **_subject(obj),
    }


def latest_workflow_state(obj) -> WorkflowState | None:
    """The object's newest workflow state, read afresh (the object's own may be cached)."""
    return (
        WorkflowState.objects.for_instance(obj)
        .select_related("current_task_state__task", "workflow")
        .order_by("-created_at", "-pk")
        .first()
    )


def workflow_action_message(obj, action: str) -> str | None:
    """The message for a task action (approve / reject) just taken on `obj`."""
    if action == "approve":
        return approved_message(obj, latest_workflow_state(obj))
    if action == "reject":
        return rejected_message(obj)
    return None
