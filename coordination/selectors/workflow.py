"""Reads of the approval workflow for the people in it: the reviewer's last word, the public
address of what was approved."""

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import Page, TaskState, WorkflowState

from coordination.cards import agency_is_public
from coordination.models import Agency
from coordination.selectors.directory import agency_url
from coordination.workflow_messages import person_name


@dataclass(frozen=True)
class ReviewNote:
    """What a reviewer said when they last acted on the item: shown to the officer."""

    comment: str
    reviewer: str
    rejected: bool
    at: datetime | None


def workflow_review_note(workflow_state: WorkflowState | None) -> ReviewNote | None:
    """The newest finished step of `workflow_state` that sent it back or carries a comment."""
    if not isinstance(workflow_state, WorkflowState):  # "" in templates of models without one
        return None
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .exclude(status=TaskState.STATUS_CANCELLED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state is None:
        return None
    comment = task_state.get_comment() or ""
    rejected = task_state.status == TaskState.STATUS_REJECTED
    if not comment and not rejected:
        return None
    return ReviewNote(
        comment=comment,
        reviewer=person_name(task_state.finished_by),
        rejected=rejected,
        at=task_state.finished_at,
    )


def public_full_url(obj) -> str:
    """Where the public reads `obj` once published ("" when nowhere): a page's own address, an
    agency's page under the site's directory page."""
    if isinstance(obj, Page):
        return obj.specific.full_url or ""
    if isinstance(obj, Agency):
        # Read afresh: the workflow's copy of the object may predate the publish.
        obj = Agency.objects.filter(pk=obj.pk).first()
    if isinstance(obj, Agency) and agency_is_public(obj):
        directory = (
            Page.objects.live()
            .filter(content_type__app_label="coordination", content_type__model="directorypage")
            .order_by("path")
            .first()
        )
        return agency_url(directory.full_url or "", obj.slug) if directory else ""
    return ""
