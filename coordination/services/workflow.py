"""Writes of the approval workflow that Wagtail does not make the way the office needs them."""

from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str
from wagtail.models import WorkflowState

from coordination.mail import notification_send
from coordination.workflow_messages import item_kind, person_name


def workflow_cancel(*, obj, user, workflow_state: WorkflowState, edit_url: str) -> None:
    """Take `obj` out of approval: cancel its workflow, write no revision (nothing was edited),
    and tell the person who submitted it, unless they cancelled it themselves."""
    workflow_state.cancel(user=user)
    submitter = workflow_state.requested_by
    if submitter is None or submitter == user or not submitter.email:
        return
    names = {
        "kind": item_kind(obj),
        "title": get_latest_str(obj),
        "workflow": workflow_state.workflow.name,
        "actor": person_name(user),
        "submitter": person_name(submitter),
    }
    subject = _("ยกเลิกขั้นตอนการอนุมัติ: %(kind)s '%(title)s'") % names
    body = "\n\n".join(
        [
            _("เรียน %(submitter)s") % names,
            _(
                "%(actor)s ยกเลิกขั้นตอนการอนุมัติ “%(workflow)s” ของ%(kind)s '%(title)s' "
                "ที่คุณส่งพิจารณา เรื่องนี้ไม่อยู่ในการพิจารณาแล้ว และยังไม่เผยแพร่"
            )
            % names,
            _("แก้ไขหรือส่งพิจารณาใหม่ได้ที่: %(url)s") % {"url": edit_url},
        ]
    )
    notification_send(subject=subject, body=body, to=[submitter.email])


def workflow_submit(obj, *, user, workflow) -> None:
    """Submit `obj`'s latest revision for approval, as the editor's "submit" would."""
    state = obj.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        # Approvals given to an older revision don't cover this one (re-approval on edit).
        state.cancel(user=user)
    if workflow is not None:
        workflow.start(obj, user)
