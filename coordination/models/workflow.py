"""The approval step of the chain of command: Wagtail's group approval, with separation of duties."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from coordination.models.text import TextCleaningMixin
from coordination.permissions import is_author_of_change

OWN_CHANGE_MESSAGE = _("คุณเป็นผู้เสนอหรือผู้แก้ไขล่าสุดของรายการนี้ จึงอนุมัติเองไม่ได้ ต้องให้ผู้อื่นในลำดับชั้นอนุมัติ")
OWN_EDITS_RESUBMITTED_MESSAGE = _(
    "บันทึกการแก้ไขของคุณแล้ว แต่ยังไม่ได้อนุมัติ: ผู้แก้ไขอนุมัติการแก้ไขของตนเองไม่ได้ "
    "จึงส่งฉบับที่คุณแก้ไขให้ผู้อื่นในลำดับชั้นพิจารณาใหม่ตั้งแต่ขั้นแรก"
)


class ChainOfCommandApprovalTask(TextCleaningMixin, GroupApprovalTask):
    """ขั้นตอนอนุมัติตามลำดับชั้น: members of the step's groups approve, but never a change they
    submitted or last edited themselves. A proxy of Wagtail's task (same table); the workflow's
    two steps are switched to it by migration 0015. Every approve path (the dashboard, the
    editor's action menu, the workflow action view) asks `get_actions()`; `on_action()` refuses
    a crafted request all the same."""

    class Meta:
        proxy = True
        verbose_name = _("ขั้นตอนอนุมัติโดยกลุ่ม (ผู้เสนออนุมัติเองไม่ได้)")
        verbose_name_plural = _("ขั้นตอนอนุมัติโดยกลุ่ม (ผู้เสนออนุมัติเองไม่ได้)")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and is_author_of_change(user, obj):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and is_author_of_change(
            user, task_state.workflow_state.content_object
        ):
            raise PermissionDenied(str(OWN_CHANGE_MESSAGE))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        # What awaits the user's review leaves out their own changes (the dashboard's list).
        return states.exclude(Q(workflow_state__requested_by=user) | Q(revision__user=user))
