"""The approval workflow in the admin, for agencies and pages alike: messages after the dashboard's
approve / reject, the confirmation before cancelling, and the action menu's order and help."""

import contextlib
import json
import re

from django.contrib import messages as django_messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.edit import EditView as PageEditBase
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionBase
from wagtail.models import Page
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionBase

from coordination.models.workflow import OWN_CHANGE_MESSAGE, OWN_EDITS_RESUBMITTED_MESSAGE
from coordination.permissions import is_author_of_change
from coordination.services.workflow import workflow_cancel
from coordination.workflow_messages import (
    ACTION_HELP,
    cancelled_message,
    item_kind,
    workflow_action_message,
)


class WorkflowActionMessageMixin:
    """The dashboard's approve / reject (a modal posting here) says what happened; Wagtail's
    view says nothing. Whoever submitted or last edited the item is told, in Thai, that they
    cannot approve it themselves (models/workflow.py refuses it)."""

    def dispatch(self, request, *args, **kwargs):
        if self.action_name == "approve" and is_author_of_change(request.user, self.object):
            messages.error(request, str(OWN_CHANGE_MESSAGE))
            raise PermissionDenied(str(OWN_CHANGE_MESSAGE))
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != self.task_state.STATUS_IN_PROGRESS:
            message = workflow_action_message(self.object, self.action_name)
            if message:
                messages.success(request, message)
        return response


class AgencyWorkflowActionView(WorkflowActionMessageMixin, SnippetWorkflowActionBase):
    pass


class PageWorkflowActionView(WorkflowActionMessageMixin, PageWorkflowActionBase):
    pass


def _workflow_object(content_type_id: int, object_id: str):
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
        obj = content_type.get_object_for_this_type(pk=object_id)
    except Exception as error:  # an unknown type or object is a missing page
        raise Http404 from error
    return obj.specific if isinstance(obj, Page) else obj


def workflow_cancel_url(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj.get_base_content_type().model_class())
    return reverse("coordination_admin:workflow_cancel", args=[content_type.pk, obj.pk])


def workflow_cancel_view(request, content_type_id: int, object_id: str):
    """ยกเลิกขั้นตอนการอนุมัติ: asks first (GET), then cancels, tells the submitter and goes
    back to the editor (POST). Cancelling edits nothing, so it writes no revision."""
    obj = _workflow_object(content_type_id, object_id)
    workflow_state = obj.current_workflow_state
    edit_url = AdminURLFinder(request.user).get_edit_url(obj) or reverse("wagtailadmin_home")
    if workflow_state is None:
        return redirect(edit_url)
    if not workflow_state.user_can_cancel(request.user):
        raise PermissionDenied
    if request.method == "POST":
        workflow_cancel(
            obj=obj,
            user=request.user,
            workflow_state=workflow_state,
            edit_url=request.build_absolute_uri(edit_url),
        )
        messages.success(request, cancelled_message(obj))
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "coordination/admin/workflow_cancel_confirm.html",
        {
            "object": obj,
            "kind": item_kind(obj),
            "title": get_latest_str(obj),
            "workflow_state": workflow_state,
            "edit_url": edit_url,
            "submitter": workflow_state.requested_by,
            "page_title": _("ยกเลิกขั้นตอนการอนุมัติ"),
        },
    )


class CancelWorkflowLinkItem(Component):
    """The editor's "cancel approval" action: a link to the confirmation, not a submit button."""

    name = "action-cancel-workflow"
    order = 100000  # last

    def __init__(self, url: str):
        self.url = url

    def render_html(self, parent_context=None):
        return format_html(
            '<a class="button" href="{}" data-cancel-workflow>{}</a>',
            self.url,
            _("ยกเลิกขั้นตอนการอนุมัติ"),
        )


class HelpedMenuItem(Component):
    """An action menu item with a line under it that says what the action does."""

    def __init__(self, item, help_text):
        self.item = item
        self.help_text = help_text
        self.name = getattr(item, "name", None)
        self.order = getattr(item, "order", 100)

    @property
    def media(self):
        return self.item.media

    def render_html(self, parent_context=None):
        return format_html(
            '{}<p class="help w-help-text w-px-4 w-pb-2 w-m-0" data-action-help>{}</p>',
            self.item.render_html(parent_context),
            self.help_text,
        )


def action_menu_arrange(menu_items, context) -> None:
    """Cancel goes last, behind a confirmation; every action but the main button gets a help
    line. (The first item becomes the main button.)"""
    instance = context.get("instance") or context.get("page")
    cancel = [
        item for item in menu_items if getattr(item, "name", None) == CancelWorkflowLinkItem.name
    ]
    rest = [item for item in menu_items if item not in cancel]
    if cancel and instance is not None and instance.pk:
        rest.append(CancelWorkflowLinkItem(workflow_cancel_url(instance)))
    arranged = []
    for index, item in enumerate(rest):
        help_text = ACTION_HELP.get(getattr(item, "name", None))
        arranged.append(HelpedMenuItem(item, help_text) if index and help_text else item)
    menu_items[:] = arranged


def success_message_replace(request, text: str) -> None:
    """Replace the success message a Wagtail view has just queued (the page editor's, which no
    view subclass can reach) with `text`; add it if there is none."""
    storage = django_messages.get_messages(request)
    for queued in reversed(getattr(storage, "_queued_messages", [])):
        if queued.level == django_messages.SUCCESS:
            queued.message = messages.render(text, None)
            return
    messages.success(request, text)


class PageEditView(PageEditBase):
    """Wagtail's page editor, where approving from the action menu keeps separation of duties.

    Wagtail saves a new revision in the approver's name before approving whenever the form
    reports a change, and the editor's form reports one on nearly every round trip (the body's
    blocks come back re-serialised): the approval was then refused as the approver's own change
    (models/workflow.py) *after* the revision was written, and the approver, now its last
    editor, could approve it nowhere. Here the posted page is compared with the revision under
    review: unchanged, it is approved as it is, writing nothing; changed, the approver's edits are
    kept and sent for approval again in their name, for someone else to approve."""

    def perform_workflow_action(self):
        if self.workflow_action != "approve":
            return super().perform_workflow_action()
        if not _page_differs_from_latest_revision(self.page):
            self.has_content_changes = False  # approve what was submitted; write no revision
            return super().perform_workflow_action()
        response = self.restart_workflow_action()
        messages.warning(self.request, str(OWN_EDITS_RESUBMITTED_MESSAGE))
        return response


# What a revision's content holds that is not what the editor changes.
_REVISION_BOOKKEEPING = {
    "pk", "path", "depth", "numchild", "url_path", "content_type", "translation_key", "locale",
    "live", "has_unpublished_changes", "live_revision", "latest_revision",
    "latest_revision_created_at", "first_published_at", "last_published_at", "expired",
    "locked", "locked_at", "locked_by", "owner", "alias_of", "draft_title", "comments",
}  # fmt: skip


def _page_differs_from_latest_revision(page) -> bool:
    revision = page.get_latest_revision()
    if revision is None:
        return True
    before = revision.content
    after = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
    return any(
        _comparable(before.get(key)) != _comparable(after.get(key))
        for key in (set(before) | set(after)) - _REVISION_BOOKKEEPING
    )


# Rich text's paragraph keys (Draftail's, kept for comments) carry no content.
_BLOCK_KEY = re.compile(r'\s*data-block-key=\\?"[^"\\]*\\?"')


def _comparable(value) -> str:
    """A field's value without what a round trip through the editor renews: StreamField block
    ids and rich text's paragraph keys."""
    if isinstance(value, str) and value[:1] == "[":
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    return _BLOCK_KEY.sub("", json.dumps(_without_ids(value), sort_keys=True, ensure_ascii=False))


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value
