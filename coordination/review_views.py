"""The review cycle in the admin (manual step 5.6): "ยืนยันข้อมูลถูกต้อง" for one agency and in
bulk, reassigning the responsible officer in bulk, and the report of overdue records.

Who may do what is `coordination.permissions` (can_verify_agencies, can_assign_officers); the
writes are `coordination.services.review`; the reads `coordination.selectors.review`.
"""

import tempfile
from datetime import timedelta

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property, classproperty
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from coordination.display import person_name
from coordination.filters import agencies_of_officer, officer_choices
from coordination.models import Agency, AgencyCategory, Scope
from coordination.models.agency import REVIEW_DUE_SOON_DAYS
from coordination.permissions import (
    can_assign_officers,
    can_verify_agencies,
    can_view_registry,
    is_supervisor,
)
from coordination.selectors.review import (
    DUE_SOON,
    OVERDUE,
    agencies_by_review_status,
    agencies_in_review_cycle,
    review_officers,
    review_status_label,
    review_status_of,
)
from coordination.services.review import agencies_assign_officer, agencies_verify
from coordination.spreadsheets import SheetColumn, csv_stream, xlsx_write
from coordination.thai_dates import thai_date

EDIT_URL_NAME = "wagtailsnippets_coordination_agency:edit"


def verified_message(count: int) -> str:
    return _("ยืนยันข้อมูลถูกต้องแล้ว %(count)d หน่วยงาน") % {"count": count}


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("หมายเหตุ (ถ้ามี)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("เช่น โทรสอบถามหน่วยงานแล้ว ข้อมูลไม่เปลี่ยนแปลง"),
    )


def agency_verify_view(request, pk: int):
    """ยืนยันข้อมูลถูกต้อง for one agency: asks first (GET), then records it (POST) and goes
    back to the editor. Nothing public changes, so it needs no approval."""
    agency = get_object_or_404(Agency.objects.select_related("category"), pk=pk)
    if not can_verify_agencies(request.user):
        raise PermissionDenied
    edit_url = reverse(EDIT_URL_NAME, args=[agency.pk])
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = agencies_verify([agency], user=request.user, note=form.cleaned_data["note"])
        messages.success(request, verified_message(count))
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "coordination/admin/verify_confirm.html",
        {
            "agency": agency,
            "form": form,
            "edit_url": edit_url,
            "page_title": _("ยืนยันข้อมูลถูกต้อง"),
            "header_title": _("ยืนยันข้อมูลถูกต้อง"),
            "due_text": thai_date(agency.review_due_at),
        },
    )


class RegistryReadersOnly:
    """A bulk action on agencies that only those who may read the registry can even ask for.

    Wagtail's confirmation page of a bulk action names every chosen item, those the user may not
    act on included, and anyone with admin access can put any ids in its URL
    (/admin/bulk/coordination/agency/<action>/?id=...): without this check that read the names
    of internal and never-published agencies to an admin user without `view_agency` (found by
    tests/test_permission_matrix.py).
    """

    def dispatch(self, request, *args, **kwargs):
        if not can_view_registry(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AgencyDeleteBulkAction(RegistryReadersOnly, DeleteBulkAction):
    """Wagtail's bulk delete of snippets, for agencies (registered after Wagtail's own, so it
    replaces it for this model only)."""

    @classproperty
    def models(cls):
        return [Agency]


class AgencyBulkAction(RegistryReadersOnly, SnippetBulkAction):
    """A bulk action of the agency listing, refused to those who may not take it (Wagtail shows
    its buttons to everyone who sees the listing)."""

    @classproperty
    def models(cls):
        return [Agency]

    def user_may_act(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        # Asking shows every chosen agency as "no permission" (check_perm); acting is refused.
        if request.method == "POST" and not self.user_may_act(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, obj):
        return self.user_may_act(self.request.user)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" sends id=all, which Wagtail (8.0) reads as every agency in the
        # registry whatever the listing's filters: verifying or reassigning the whole registry
        # by accident is worse than choosing rows page by page, so it selects none (Wagtail then
        # answers "not found").
        return self.model.objects.none().values_list("pk", flat=True)


class VerifyBulkAction(AgencyBulkAction):
    display_name = gettext_lazy("ยืนยันข้อมูลถูกต้อง")
    action_type = "verify"
    aria_label = gettext_lazy("ยืนยันว่าข้อมูลของหน่วยงานที่เลือกถูกต้อง")
    template_name = "coordination/admin/bulk_verify.html"
    action_priority = 40
    form_class = VerifyForm

    def user_may_act(self, user) -> bool:
        return can_verify_agencies(user)

    def get_execution_context(self):
        return {"user": self.request.user, "note": self.cleaned_form.cleaned_data["note"]}

    @classmethod
    def execute_action(cls, objects, user=None, note="", **kwargs):
        return agencies_verify(objects, user=user, note=note), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return verified_message(num_parent_objects)


class OfficerChoiceField(forms.ModelChoiceField):
    """Officers listed by their full name, not their login."""

    def label_from_instance(self, obj):
        return person_name(obj)


class AssignOfficerForm(forms.Form):
    officer = OfficerChoiceField(
        label=gettext_lazy("เจ้าหน้าที่ผู้รับผิดชอบคนใหม่"),
        queryset=review_officers(),
        empty_label=gettext_lazy("เลือกเจ้าหน้าที่"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = review_officers()


class AssignOfficerBulkAction(AgencyBulkAction):
    display_name = gettext_lazy("มอบหมายผู้รับผิดชอบ")
    action_type = "assign_officer"
    aria_label = gettext_lazy("มอบหมายเจ้าหน้าที่ผู้รับผิดชอบหน่วยงานที่เลือก")
    template_name = "coordination/admin/bulk_assign_officer.html"
    action_priority = 45
    form_class = AssignOfficerForm

    def user_may_act(self, user) -> bool:
        return can_assign_officers(user)

    def get_execution_context(self):
        return {"user": self.request.user, "officer": self.cleaned_form.cleaned_data["officer"]}

    @classmethod
    def execute_action(cls, objects, user=None, officer=None, **kwargs):
        return agencies_assign_officer(objects, officer=officer, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("มอบหมาย %(count)d หน่วยงานให้ %(officer)s แล้ว") % {
            "count": num_parent_objects,
            "officer": person_name(self.cleaned_form.cleaned_data["officer"]),
        }


# The report ------------------------------------------------------------------------------------

REPORT_STATUS_CHOICES = [
    (OVERDUE, gettext_lazy("เลยกำหนด")),
    (DUE_SOON, gettext_lazy("ครบกำหนดภายใน 30 วัน")),
]


class ReviewReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("สถานะการทบทวน"),
        choices=REPORT_STATUS_CHOICES,
        method="filter_status",
        empty_label=gettext_lazy("เลยกำหนดและครบกำหนดภายใน 30 วัน"),
    )
    category = django_filters.ModelChoiceFilter(
        label=gettext_lazy("ประเภท"), queryset=AgencyCategory.objects.all()
    )
    scope = django_filters.ChoiceFilter(label=gettext_lazy("ขอบเขต"), choices=Scope.choices)
    officer = django_filters.ChoiceFilter(
        label=gettext_lazy("เจ้าหน้าที่ผู้รับผิดชอบ"), choices=[], method="filter_officer"
    )

    class Meta:
        model = Agency
        fields = ["status", "category", "scope", "officer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["officer"].extra["choices"] = officer_choices()

    def filter_status(self, queryset, name, value):
        return agencies_by_review_status(queryset, value, now=timezone.now())

    def filter_officer(self, queryset, name, value):
        return agencies_of_officer(queryset, value, user=getattr(self.request, "user", None))


def _report_columns() -> list[SheetColumn]:
    return [
        SheetColumn(_("ชื่อหน่วยงาน"), 45),
        SheetColumn(_("ประเภท"), 25),
        SheetColumn(_("ขอบเขต"), 14),
        SheetColumn(_("เจ้าหน้าที่ผู้รับผิดชอบ"), 25),
        SheetColumn(_("ตรวจสอบล่าสุด"), 18),
        SheetColumn(_("ครบกำหนดทบทวน"), 18),
        SheetColumn(_("สถานะการทบทวน"), 22),
    ]


def _report_row(agency: Agency, *, now, real_dates: bool) -> list:
    def when(value):
        if value is None:
            return None if real_dates else ""
        return value if real_dates else thai_date(value)

    return [
        agency.name_th,
        agency.category.name_th if agency.category_id else "",
        agency.get_scope_display(),
        person_name(agency.responsible_officer),
        when(agency.last_verified_at),
        when(agency.review_due_at),
        review_status_label(review_status_of(agency, now=now)),
    ]


class ReviewReportView(ReportView):
    """รายงานข้อมูลที่เลยกำหนดทบทวน: agencies overdue or due within 30 days, soonest first;
    for supervisors. Its CSV/XLSX are the registry's streaming writers (BOM, formula cells
    neutralised), not Wagtail's in-memory export."""

    page_title = gettext_lazy("รายงานข้อมูลที่เลยกำหนดทบทวน")
    header_icon = "warning"
    index_url_name = "coordination_admin:review_report"
    index_results_url_name = "coordination_admin:review_report_results"
    filterset_class = ReviewReportFilterSet
    paginate_by = 50
    export_filename = "review-report"
    list_export = ["name_th"]  # required by Wagtail's export buttons; the writer is ours

    def dispatch(self, request, *args, **kwargs):
        if not is_supervisor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def now(self):
        return timezone.now()

    def get_table_kwargs(self):
        # A caption names the table for screen readers (WCAG 1.3.1).
        return {**super().get_table_kwargs(), "caption": self.page_title}

    def get_queryset(self):
        queryset = Agency.objects.select_related("category", "responsible_officer").order_by(
            "review_due_at", "pk"
        )
        status = self.request.GET.get("status")
        if status in (OVERDUE, DUE_SOON):
            return queryset
        # Unfiltered: both kinds, as the title says (the status filter narrows to one).
        return agencies_in_review_cycle(queryset).filter(
            review_due_at__lte=self.now + timedelta(days=REVIEW_DUE_SOON_DAYS)
        )

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name_th",
                label=_("ชื่อหน่วยงาน"),
                get_url=lambda agency: reverse(EDIT_URL_NAME, args=[agency.pk]),
            ),
            Column("category", label=_("ประเภท"), accessor="category"),
            Column(
                "officer",
                label=_("เจ้าหน้าที่ผู้รับผิดชอบ"),
                accessor=lambda agency: person_name(agency.responsible_officer) or "—",
            ),
            Column(
                "last_verified_at",
                label=_("ตรวจสอบล่าสุด"),
                accessor=lambda agency: thai_date(agency.last_verified_at) or "—",
            ),
            Column(
                "review_due_at",
                label=_("ครบกำหนดทบทวน"),
                accessor=lambda agency: thai_date(agency.review_due_at) or "—",
            ),
            Column(
                "review_status",
                label=_("สถานะการทบทวน"),
                accessor=lambda agency: review_status_label(review_status_of(agency, now=self.now)),
            ),
        ]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = (
            _report_row(agency, now=self.now, real_dates=spreadsheet_format == "xlsx")
            for agency in queryset.iterator(chunk_size=2000)
        )
        filename = (
            f"{self.export_filename}-{timezone.localdate(self.now):%Y%m%d}.{spreadsheet_format}"
        )
        if spreadsheet_format == "csv":
            response = StreamingHttpResponse(
                csv_stream(_report_columns(), rows), content_type="text/csv; charset=utf-8"
            )
        else:
            output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
            xlsx_write(output, sheet_title=_("เลยกำหนดทบทวน"), columns=_report_columns(), rows=rows)
            output.seek(0)
            response = FileResponse(
                output,
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=filename
        )
        add_never_cache_headers(response)
        return response
