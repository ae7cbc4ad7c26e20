"""The officers' side of the agencies' self-service, in the Wagtail admin.

* "ขอให้หน่วยงานยืนยันข้อมูล" from an agency's editor (choose the address) and in bulk from the
  listing (each agency's default address);
* ลิงก์ยืนยันข้อมูล: the links sent, filterable by state, each revocable while open, each answer
  linked to Wagtail's comparison of the agency's draft with its live version;
* การแจ้งแก้ไขข้อมูล: the public's reports, closed by the officer (which erases the reporter's
  contact details), and a dashboard panel counting the signed-in officer's open reports.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from coordination.display import person_name
from coordination.models import (
    Agency,
    ConfirmationLinkState,
    ConfirmationRequest,
    CorrectionReport,
    CorrectionReportStatus,
)
from coordination.permissions import can_edit_registry
from coordination.review_views import RegistryReadersOnly
from coordination.selectors.self_service import (
    confirmation_recipients,
    correction_reports_open_count,
)
from coordination.self_service_forms import ConfirmationSendForm
from coordination.services.correction_reports import correction_report_close
from coordination.services.self_service import (
    confirmation_request_revoke,
    confirmation_request_send,
    confirmation_requests_send,
)
from coordination.thai_dates import thai_date


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _require_editor(request) -> None:
    if not can_edit_registry(request.user):
        raise PermissionDenied


# Sending a link -------------------------------------------------------------------------------


def confirmation_send_view(request, pk: int):
    """ขอให้หน่วยงานยืนยันข้อมูล for one agency: choose the address, send."""
    _require_editor(request)
    agency = get_object_or_404(Agency, pk=pk)
    edit_url = reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk])
    recipients = confirmation_recipients(agency)
    form = ConfirmationSendForm(
        request.POST if request.method == "POST" else None, recipients=recipients
    )
    if request.method == "POST" and form.is_valid():
        link = confirmation_request_send(
            agency=agency,
            email=form.cleaned_data["email"],
            user=request.user,
            base_url=_site_url(request),
        )
        messages.success(
            request,
            _("ส่งลิงก์ขอให้ยืนยันข้อมูลถึง %(email)s แล้ว ใช้ได้ถึงวันที่ %(date)s")
            % {"email": link.email, "date": thai_date(link.expires_at)},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "coordination/admin/confirmation_send.html",
        {
            "agency": agency,
            "form": form,
            "edit_url": edit_url,
            "page_title": _("ขอให้หน่วยงานยืนยันข้อมูล"),
            "header_title": _("ขอให้หน่วยงานยืนยันข้อมูล"),
            "header_icon": "mail",
        },
    )


class RequestConfirmationBulkAction(RegistryReadersOnly, SnippetBulkAction):
    """ขอให้ยืนยันข้อมูล for the agencies chosen in the listing, each at its default address."""

    display_name = gettext_lazy("ขอให้ยืนยันข้อมูล")
    action_type = "request_confirmation"
    aria_label = gettext_lazy("ส่งลิงก์ขอให้หน่วยงานที่เลือกยืนยันข้อมูล")
    template_name = "coordination/admin/bulk_request_confirmation.html"
    action_priority = 40
    models = [Agency]

    def check_perm(self, snippet):
        return can_edit_registry(self.request.user)

    def get_execution_context(self):
        return {**super().get_execution_context(), "base_url": _site_url(self.request)}

    @classmethod
    def execute_action(cls, objects, user=None, base_url="", **kwargs):
        result = confirmation_requests_send(objects, user=user, base_url=base_url)
        kwargs["self"].skipped = result.skipped
        return len(result.sent), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        text = ngettext(
            "ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว %(count)d หน่วยงาน",
            "ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว %(count)d หน่วยงาน",
            num_parent_objects,
        ) % {"count": num_parent_objects}
        skipped = getattr(self, "skipped", [])
        if skipped:
            text += " " + _("ไม่ได้ส่ง %(count)d หน่วยงานที่ไม่มีอีเมล: %(names)s") % {
                "count": len(skipped),
                "names": ", ".join(agency.name_th for agency in skipped),
            }
        return text


# Permissions ---------------------------------------------------------------------------------


class SelfServicePermissionPolicy(ModelPermissionPolicy):
    """Officers and supervisors (who edit the registry) read these lists; nobody adds, edits or
    deletes rows through generic views (revoking and closing are actions of their own)."""

    def user_has_permission(self, user, action):
        return action == "view" and can_edit_registry(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SelfServiceIndexView(IndexView):
    """A listing whose rows offer their action (revoke a link, close a report)."""

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *self_service_listing_buttons(instance, self.request.user),
        ]


# The links sent ------------------------------------------------------------------------------


def _link_state_filter(queryset, name, value):
    now = timezone.now()
    open_links = Q(revoked_at__isnull=True, used_at__isnull=True)
    conditions = {
        ConfirmationLinkState.ACTIVE: open_links & Q(expires_at__gt=now),
        ConfirmationLinkState.EXPIRED: open_links & Q(expires_at__lte=now),
        ConfirmationLinkState.USED: Q(revoked_at__isnull=True, used_at__isnull=False),
        ConfirmationLinkState.REVOKED: Q(revoked_at__isnull=False),
    }
    return queryset.filter(conditions[value]) if value in conditions else queryset


class ConfirmationRequestFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("สถานะลิงก์"),
        choices=ConfirmationLinkState.choices,
        method=_link_state_filter,
    )
    outcome = django_filters.ChoiceFilter(
        label=gettext_lazy("ผลการตอบ"),
        choices=ConfirmationRequest._meta.get_field("outcome").choices,
    )

    class Meta:
        model = ConfirmationRequest
        fields = ["state", "outcome"]


def _link_state(link) -> str:
    return str(ConfirmationLinkState(link.state_at(timezone.now())).label)


def _link_answer(link) -> str:
    if not link.outcome:
        return "—"
    who = ", ".join(p for p in (link.respondent_name, link.respondent_position) if p)
    text = f"{link.get_outcome_display()} ({who})" if who else link.get_outcome_display()
    if link.revision_id:
        url = reverse(
            "wagtailsnippets_coordination_agency:revisions_compare",
            args=[link.agency_id, "live", link.revision_id],
        )
        return format_html('{} · <a href="{}">{}</a>', text, url, _("ดูสิ่งที่แก้ไข"))
    return text


class ConfirmationRequestViewSet(ModelViewSet):
    """ลิงก์ยืนยันข้อมูล: who was asked, when, and what they answered."""

    model = ConfirmationRequest
    icon = "mail"
    menu_label = gettext_lazy("ลิงก์ยืนยันข้อมูล")
    add_to_reference_index = False
    form_fields = ["email"]  # required by ModelViewSet; the policy denies the add and edit views
    list_display = [
        "agency",  # the title column: it carries the row's buttons
        "email",
        Column(
            "created_at",
            label=gettext_lazy("ส่งเมื่อ"),
            sort_key="created_at",
            accessor=lambda link: thai_date(link.created_at, short=True, with_time=True),
        ),
        Column(
            "created_by",
            label=gettext_lazy("ส่งโดย"),
            accessor=lambda link: person_name(link.created_by),
        ),
        Column(
            "expires_at",
            label=gettext_lazy("หมดอายุ"),
            accessor=lambda link: thai_date(link.expires_at, short=True),
        ),
        Column("state", label=gettext_lazy("สถานะลิงก์"), accessor=_link_state),
        Column("answer", label=gettext_lazy("ผลการตอบ"), accessor=_link_answer),
    ]
    filterset_class = ConfirmationRequestFilterSet
    search_fields = ["agency__name_th", "email", "respondent_name"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = SelfServiceIndexView

    def get_queryset(self, request):
        return ConfirmationRequest.objects.select_related("agency", "created_by")


def confirmation_revoke_view(request, pk: int):
    """ยกเลิกลิงก์: asks first (GET), then closes the link (POST)."""
    _require_editor(request)
    link = get_object_or_404(ConfirmationRequest.objects.select_related("agency"), pk=pk)
    index_url = reverse("confirmation_links:index")
    if request.method == "POST":
        if confirmation_request_revoke(link, user=request.user):
            messages.success(request, _("ยกเลิกลิงก์ที่ส่งถึง %(email)s แล้ว") % {"email": link.email})
        else:
            messages.warning(request, _("ลิงก์นี้ปิดไปแล้ว ไม่ต้องยกเลิก"))
        return redirect(index_url)
    return TemplateResponse(
        request,
        "coordination/admin/self_service_confirm.html",
        {
            "page_title": _("ยกเลิกลิงก์ยืนยันข้อมูล"),
            "header_title": _("ยกเลิกลิงก์ยืนยันข้อมูล"),
            "question": _("ยกเลิกลิงก์ของ%(agency)s ที่ส่งถึง %(email)s หรือไม่ ลิงก์จะเปิดไม่ได้อีก")
            % {"agency": link.agency.name_th, "email": link.email},
            "confirm_label": _("ยืนยัน ยกเลิกลิงก์"),
            "back_url": index_url,
        },
    )


# The public's reports ------------------------------------------------------------------------


class CorrectionReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("สถานะ"), choices=CorrectionReportStatus.choices
    )
    mine = django_filters.BooleanFilter(
        label=gettext_lazy("เฉพาะหน่วยงานที่ฉันรับผิดชอบ"), method="filter_mine"
    )

    class Meta:
        model = CorrectionReport
        fields = ["status", "mine"]

    def filter_mine(self, queryset, name, value):
        if value:
            return queryset.filter(officer=self.request.user)
        return queryset


class CorrectionReportViewSet(ModelViewSet):
    """การแจ้งแก้ไขข้อมูล: what the public says is wrong, for the responsible officer."""

    model = CorrectionReport
    icon = "warning"
    menu_label = gettext_lazy("การแจ้งแก้ไขจากผู้ใช้เว็บไซต์")
    add_to_reference_index = False
    form_fields = ["text"]  # required by ModelViewSet; the policy denies the add and edit views
    list_display = [
        "agency",  # the title column: it carries the row's buttons
        "field_label",
        Column(
            "text",
            label=gettext_lazy("รายละเอียด"),
            accessor=lambda report: report.text[:160],
        ),
        Column(
            "created_at",
            label=gettext_lazy("แจ้งเมื่อ"),
            sort_key="created_at",
            accessor=lambda report: thai_date(report.created_at, short=True, with_time=True),
        ),
        Column(
            "officer",
            label=gettext_lazy("เจ้าหน้าที่ผู้รับผิดชอบ"),
            accessor=lambda report: person_name(report.officer),
        ),
        Column("status", label=gettext_lazy("สถานะ"), accessor="get_status_display"),
    ]
    filterset_class = CorrectionReportFilterSet
    search_fields = ["agency__name_th", "text"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SelfServiceIndexView
    inspect_view_fields = [
        "agency",
        "field_label",
        "text",
        "contact_name",
        "contact_email",
        "contact_phone",
        "created_at",
        "status",
        "officer",
        "handled_by",
        "handled_at",
    ]

    def get_queryset(self, request):
        return CorrectionReport.objects.select_related("agency", "officer")


def correction_report_close_view(request, pk: int):
    """ดำเนินการแล้ว: asks first (GET), then closes the report (POST)."""
    _require_editor(request)
    report = get_object_or_404(CorrectionReport.objects.select_related("agency"), pk=pk)
    index_url = reverse("correction_reports:index")
    if request.method == "POST":
        if report.status == CorrectionReportStatus.OPEN:
            correction_report_close(report, user=request.user)
        messages.success(request, _("บันทึกว่าดำเนินการเรื่องที่แจ้งแล้ว"))
        return redirect(index_url)
    agency_url = reverse("wagtailsnippets_coordination_agency:edit", args=[report.agency_id])
    return TemplateResponse(
        request,
        "coordination/admin/self_service_confirm.html",
        {
            "page_title": _("ดำเนินการเรื่องที่แจ้งแล้ว"),
            "header_title": _("ดำเนินการเรื่องที่แจ้งแล้ว"),
            "question": _(
                "บันทึกว่าดำเนินการเรื่องที่แจ้งเกี่ยวกับ “%(field)s” ของ%(agency)s แล้วหรือไม่ "
                "ชื่อ อีเมล และโทรศัพท์ของผู้แจ้งจะถูกลบ (ตามที่แจ้งไว้ในแบบฟอร์ม)"
            )
            % {"field": report.field_label, "agency": report.agency.name_th},
            "detail": report.text,
            "detail_link": (agency_url, _("แก้ไขข้อมูลหน่วยงาน")),
            "confirm_label": _("ยืนยัน ดำเนินการแล้ว"),
            "back_url": index_url,
        },
    )


class SelfServiceGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("การทบทวนข้อมูล")
    menu_icon = "tasks"
    menu_order = 102
    items = [
        ConfirmationRequestViewSet("confirmation_links"),
        CorrectionReportViewSet("correction_reports"),
    ]


def self_service_listing_buttons(obj, user):
    """The row buttons of the two lists: revoke an open link, close an open report."""
    if not can_edit_registry(user):
        return
    if isinstance(obj, ConfirmationRequest):
        if obj.state_at(timezone.now()) == ConfirmationLinkState.ACTIVE:
            yield ListingButton(
                _("ยกเลิกลิงก์"),
                reverse("coordination_admin:confirmation_revoke", args=[obj.pk]),
                icon_name="cross",
                priority=10,
            )
    elif isinstance(obj, CorrectionReport) and obj.status == CorrectionReportStatus.OPEN:
        yield ListingButton(
            _("ดำเนินการแล้ว"),
            reverse("coordination_admin:correction_report_close", args=[obj.pk]),
            icon_name="check",
            priority=10,
        )


class OpenReportsPanel(Component):
    """Dashboard: how many of the public's reports wait for the signed-in officer."""

    name = "open_correction_reports"
    order = 160
    template_name = "coordination/admin/open_reports_panel.html"

    def __init__(self, user):
        self.count = correction_reports_open_count(officer=user)

    def get_context_data(self, parent_context):
        url = reverse("correction_reports:index") + "?status=open&mine=true"
        return {"count": self.count, "url": url}
