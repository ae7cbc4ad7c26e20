"""The approval workflow in admin templates and notification e-mails."""

from django import template

from coordination.selectors.workflow import public_full_url, workflow_review_note
from coordination.workflow_messages import item_kind as _item_kind

register = template.Library()


@register.simple_tag
def review_note(workflow_state):
    """The reviewer's last word on `workflow_state` (a ReviewNote), or None."""
    return workflow_review_note(workflow_state)


@register.filter
def item_kind(obj) -> str:
    """หน่วยงาน, หน้าเว็บ ...: what kind of item `obj` is."""
    return _item_kind(obj) if obj is not None else ""


@register.simple_tag
def public_url(obj) -> str:
    return public_full_url(obj)
