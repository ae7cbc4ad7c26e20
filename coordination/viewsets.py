"""Admin viewsets of the registry (Wagtail's own SnippetViewSet and ModelViewSet)."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.views.generic.models import EditView as ModelEditView
from wagtail.admin.views.generic.models import IndexView as ModelIndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, EditView, HistoryView, SnippetViewSet

from coordination.display import person_name
from coordination.export_views import AgencyListingView as ExportingListingView
from coordination.filters import AgencyFilterSet, InternalViewLogFilterSet
from coordination.forms import AgencyAdminForm
from coordination.import_views import AgencyListingView as ImportingListingView
from coordination.inspect_views import AgencyInspectView, InternalViewLogInspectView
from coordination.models import Agency, AgencyCategory, InternalViewLog, SchoolNetwork
from coordination.models.workflow import OWN_CHANGE_MESSAGE
from coordination.permissions import can_edit_registry, can_verify_agencies, is_author_of_change
from coordination.search.admin_views import AgencyChooserViewSet, ThaiNameOrderingMixin
from coordination.selectors.review import OVERDUE, review_status_of
from coordination.services.review import agency_default_officer, category_review_interval_apply
from coordination.thai_dates import thai_date
from coordination.workflow_messages import (
    cancelled_message,
    created_message,
    submitted_message,
    workflow_action_message,
)
from coordination.workflow_views import AgencyWorkflowActionView

general_panels = [
    FieldPanel("name_th"),
    FieldRowPanel([FieldPanel("name_en"), FieldPanel("short_name")]),
    FieldPanel("slug"),
    FieldRowPanel([FieldPanel("scope"), FieldPanel("category")]),
    FieldPanel("parent"),
    FieldPanel("mission"),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("school_code"), FieldPanel("smis_code")]),
            FieldRowPanel([FieldPanel("obec_code"), FieldPanel("tax_id")]),
        ],
        heading=_("รหัสหน่วยงาน"),
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("size_band"), FieldPanel("school_network")]),
            FieldRowPanel([FieldPanel("students"), FieldPanel("teachers")]),
            FieldRowPanel(
                [
                    FieldPanel("teaches_kindergarten"),
                    FieldPanel("teaches_primary"),
                    FieldPanel("teaches_lower_secondary"),
                ]
            ),
        ],
        heading=_("ข้อมูลสถานศึกษา"),
        classname="collapsed",
    ),
    FieldPanel("confirm_not_duplicate"),
]

address_panels = [
    FieldRowPanel([FieldPanel("house_no"), FieldPanel("moo"), FieldPanel("road")]),
    FieldRowPanel([FieldPanel("province_code"), FieldPanel("district_code")]),
    FieldRowPanel([FieldPanel("subdistrict_code"), FieldPanel("postcode")]),
    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("พิกัด")),
]

channel_panels = [
    InlinePanel("phones", heading=_("หมายเลขโทรศัพท์"), label=_("หมายเลขโทรศัพท์")),
    FieldRowPanel([FieldPanel("email"), FieldPanel("email_saraban")]),
    FieldPanel("website"),
    FieldRowPanel([FieldPanel("facebook_url"), FieldPanel("line_oa")]),
]

contact_panels = [
    InlinePanel(
        "contacts",
        heading=_("ผู้ประสานงาน"),
        label=_("ผู้ประสานงาน"),
        panels=[
            FieldRowPanel([FieldPanel("name"), FieldPanel("position"), FieldPanel("role")]),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldRowPanel([FieldPanel("mobile"), FieldPanel("line_id")]),
            FieldPanel("home_address"),
            FieldRowPanel([FieldPanel("period_from"), FieldPanel("period_until")]),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("phone_public"),
                            FieldPanel("email_public"),
                            FieldPanel("mobile_public"),
                            FieldPanel("line_public"),
                        ]
                    ),
                    FieldPanel("is_private_person"),
                    FieldRowPanel([FieldPanel("consent_recorded_at"), FieldPanel("consent_note")]),
                ],
                heading=_("การเผยแพร่ข้อมูลส่วนบุคคล (PDPA)"),
            ),
        ],
    ),
]


class ReadOnlyFactPanel(FieldPanel):
    """A field shown, not edited, in Thai: a person by name, a time in the Buddhist Era."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return "—"
        if hasattr(value, "get_full_name"):
            return person_name(value)
        if hasattr(value, "tzinfo"):
            return thai_date(value, with_time=True)
        return super().format_value_for_display(value)


publication_panels = [
    FieldPanel("visibility"),
    FieldRowPanel([FieldPanel("status"), FieldPanel("successor")]),
    FieldPanel("closed_reason"),
    FieldPanel("tags"),
    # The verification is an action on the live record, not part of a draft (Agency.
    # with_content_json): shown here, changed by "ยืนยันข้อมูลถูกต้อง".
    FieldRowPanel(
        [
            ReadOnlyFactPanel("last_verified_at"),
            ReadOnlyFactPanel("last_verified_by"),
            FieldPanel("review_interval_days"),
        ],
        heading=_("การทบทวนข้อมูล"),
    ),
    # Who keeps the record is reassigned by supervisors from the listing ("มอบหมายผู้รับผิดชอบ").
    FieldRowPanel(
        [ReadOnlyFactPanel("responsible_officer"), ReadOnlyFactPanel("review_due_at")],
        heading=_("ผู้รับผิดชอบและกำหนดทบทวน"),
    ),
]


def review_due_cell(agency):
    """The review date in the Buddhist Era; an overdue one says so in words, not only colour."""
    if agency.review_due_at is None:
        return "—"
    text = thai_date(agency.review_due_at, short=True)
    if review_status_of(agency, now=timezone.now()) == OVERDUE:
        return format_html(
            '<span class="coordination-review-overdue">{} <strong>({})</strong></span>',
            text,
            _("เลยกำหนด"),
        )
    return text


class AgencyHistoryView(HistoryView):
    """Staff read the history too (DESIGN: Staff read the internal directory and history)."""

    any_permission_required = ["add", "change", "delete", "view"]

    def get_edit_url(self, instance):
        # Staff read, never edit: no "Edit" button or breadcrumb that ends in a permission error.
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            return None
        return super().get_edit_url(instance)

    @cached_property
    def header_buttons(self):
        return [button for button in super().header_buttons if button.url]


class WorkflowSuccessMessageMixin:
    """The editor says what the workflow action did (workflow_messages), not "updated"."""

    def get_success_message(self, instance=None):
        obj = instance or self.object
        if self.action == "submit":
            if self.view_name == "create":
                return created_message(obj, submitted=True)
            return submitted_message(obj)
        if self.view_name == "create" and self.action == "create":
            return created_message(obj, submitted=False)
        if self.action == "workflow-action":
            message = workflow_action_message(obj, self.workflow_action)
            if message:
                return message
        if self.action == "cancel-workflow":
            return cancelled_message(obj)
        return super().get_success_message(instance)


class SaveAndActTogetherMixin:
    """The editor saves the form, then acts (publishes, approves): here both commit together or
    neither does. A refused approval must not leave the revision it saved behind, and a publish
    is one commit, so the search index is updated once for it (coordination.search.indexing)."""

    together_actions: tuple[str, ...] = ("publish",)

    def form_valid(self, form):
        if self.action in self.together_actions:
            with transaction.atomic():
                return super().form_valid(form)
        return super().form_valid(form)


class AgencyCreateView(SaveAndActTogetherMixin, WorkflowSuccessMessageMixin, CreateView):
    def save_instance(self):
        # Whoever creates an agency keeps it until a supervisor reassigns it.
        agency_default_officer(self.form.instance, user=self.request.user)
        return super().save_instance()


class AgencyEditView(SaveAndActTogetherMixin, WorkflowSuccessMessageMixin, EditView):
    together_actions = ("publish", "workflow-action")

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        # A link to a confirmation page: a form nested in the edit form would be invalid HTML.
        if self.object.pk and can_verify_agencies(self.request.user):
            buttons.append(
                Button(
                    _("ยืนยันข้อมูลถูกต้อง"),
                    url=reverse("coordination_admin:agency_verify", args=[self.object.pk]),
                    icon_name="tick",
                    priority=5,
                )
            )
        if can_edit_registry(self.request.user):
            buttons.append(
                Button(
                    _("ขอให้หน่วยงานยืนยันข้อมูล"),
                    url=reverse(
                        "coordination_admin:agency_request_confirmation", args=[self.object.pk]
                    ),
                    icon_name="mail",
                    priority=40,
                )
            )
        return buttons

    def save_instance(self):
        # Approving or rejecting from the editor without changing anything must not add a revision:
        # with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT a new revision voids the approval just
        # given and sends the agency back to the first step. Wagtail's page editor skips unchanged
        # revisions on workflow actions; its snippet editor (8.0) does not. Cancelling the
        # approval edits nothing either, so it logs no edit.
        if self.action in ("workflow-action", "cancel-workflow") and not self.form.has_changed():
            self.new_revision = None
            return self.object
        return super().save_instance()

    def workflow_action_action(self):
        # Separation of duties: whoever has just edited the agency here (or submitted it) does
        # not approve it; the edit is kept, as a new revision that goes through approval again.
        if self.workflow_action == "approve" and is_author_of_change(
            self.request.user, self.object
        ):
            messages.error(self.request, str(OWN_CHANGE_MESSAGE))
            self.workflow_action = None
            return None
        return super().workflow_action_action()

    def submit_action(self):
        # Resubmitting after "request changes" resumes the workflow, whose task then reviews the
        # workflow state's own copy of the agency's latest revision: a copy read before this
        # save, so the reviewer would approve the old revision and be asked again for the new one.
        if self.workflow_state is not None:
            self.workflow_state.content_object = self.object
        return super().submit_action()


class AgencyListingView(ImportingListingView, ExportingListingView):
    """The agency listing: its import button and its own export, on the Thai-aware listing."""


class AgencyViewSet(SnippetViewSet):
    """หน่วยงาน: listing, filters, exports, inspect, preview, workflow."""

    model = Agency
    history_view_class = AgencyHistoryView
    add_view_class = AgencyCreateView
    edit_view_class = AgencyEditView
    workflow_action_view_class = AgencyWorkflowActionView
    inspect_view_class = AgencyInspectView  # a readable detail page (coordination/inspect_views)
    inspect_template_name = AgencyInspectView.template_name
    # Thai-aware search (coordination/search), the registry's own CSV/XLSX export, the import
    index_view_class = AgencyListingView
    chooser_viewset_class = AgencyChooserViewSet
    icon = "site"
    menu_label = _("หน่วยงาน")
    menu_order = 100
    add_to_admin_menu = True
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AgencyFilterSet
    list_display = [
        "name_th",
        Column("category", label=_("ประเภท"), accessor="category"),
        Column("district_name", label=_("อำเภอ"), sort_key="district_code"),
        LiveStatusTagColumn(label=_("สถานะ")),
        Column(
            "last_verified_at",
            label=_("ตรวจสอบล่าสุด"),
            sort_key="last_verified_at",
            accessor=lambda agency: thai_date(agency.last_verified_at, short=True) or "—",
        ),
        Column(
            "review_due_at",
            label=_("ครบกำหนดทบทวน"),
            sort_key="review_due_at",
            accessor=review_due_cell,
        ),
    ]
    list_export = [
        "name_th",
        "name_en",
        "short_name",
        "scope",
        "category",
        "district_name",
        "province_name",
        "postcode",
        "email",
        "school_code",
        "smis_code",
        "obec_code",
        "visibility",
        "status",
        "live",
        "last_verified_at",
    ]
    export_headings = {
        "name_th": _("ชื่อหน่วยงาน"),
        "name_en": _("ชื่ออังกฤษ"),
        "short_name": _("ชื่อย่อ"),
        "scope": _("ขอบเขต"),
        "category": _("ประเภท"),
        "district_name": _("อำเภอ"),
        "province_name": _("จังหวัด"),
        "postcode": _("รหัสไปรษณีย์"),
        "email": _("อีเมล"),
        "school_code": _("รหัสโรงเรียน"),
        "smis_code": _("รหัส SMIS"),
        "obec_code": _("รหัส สพฐ."),
        "visibility": _("การเผยแพร่"),
        "status": _("สถานะ"),
        "live": _("เผยแพร่แล้ว"),
        "last_verified_at": _("ตรวจสอบล่าสุด"),
    }
    export_filename = "agencies"
    ordering = "name_sort"  # the name column's sort key: Thai dictionary order
    edit_handler = TabbedInterface(
        [
            ObjectList(general_panels, heading=_("ข้อมูลทั่วไป")),
            ObjectList(address_panels, heading=_("ที่อยู่")),
            ObjectList(channel_panels, heading=_("การติดต่อ")),
            ObjectList(contact_panels, heading=_("ผู้ประสานงาน")),
            ObjectList(publication_panels, heading=_("การเผยแพร่")),
        ],
        base_form_class=AgencyAdminForm,
    )

    def get_queryset(self, request):
        return Agency.objects.select_related("category").with_admin_status()


class ReferenceIndexView(ThaiNameOrderingMixin, ModelIndexView):
    """A reference data listing whose name column sorts in Thai dictionary order."""


class AgencyCategoryEditView(ModelEditView):
    def save_instance(self):
        instance = super().save_instance()
        # A new interval moves the review date of the category's agencies that follow it.
        if "review_interval_days" in self.form.changed_data:
            category_review_interval_apply(instance)
        return instance


class AgencyCategoryViewSet(ModelViewSet):
    """Supervisors (the deputy director; migration 0002 grants categories to that role) set
    each category's review interval here."""

    model = AgencyCategory
    index_view_class = ReferenceIndexView
    edit_view_class = AgencyCategoryEditView
    icon = "tag"
    menu_label = _("ประเภทหน่วยงาน")
    form_fields = [
        "name_th",
        "name_en",
        "slug",
        "kind",
        "default_scope",
        "sort_order",
        "review_interval_days",
    ]
    list_display = ["name_th", "kind", "default_scope", "review_interval_days", "sort_order"]
    search_fields = ["name_th", "name_en"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["name_sort"]


class SchoolNetworkViewSet(ModelViewSet):
    model = SchoolNetwork
    index_view_class = ReferenceIndexView
    icon = "group"
    menu_label = _("เครือข่ายสถานศึกษา")
    form_fields = ["name_th", "slug", "district_code", "description"]
    list_display = ["name_th", "district_code"]
    search_fields = ["name_th"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["name_sort"]


class ReferenceDataGroup(ModelViewSetGroup):
    menu_label = _("ข้อมูลอ้างอิง")
    menu_icon = "list-ul"
    menu_order = 110
    items = [AgencyCategoryViewSet("agency_categories"), SchoolNetworkViewSet("school_networks")]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing needs the model's view permission; nobody, superusers included, adds, changes
    or deletes (an audit log is evidence)."""

    READ_ACTIONS = {"view"}

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class InternalViewLogViewSet(ModelViewSet):
    """บันทึกการเปิดดูข้อมูลภายใน: who read which agency's internal contact details, and when."""

    model = InternalViewLog
    icon = "view"
    menu_label = _("บันทึกการเปิดดูข้อมูลภายใน")
    menu_order = 120
    add_to_admin_menu = True
    add_to_reference_index = False
    # Required by ModelViewSet; the read-only policy denies the add and edit views.
    form_fields = ["agency_name"]
    list_display = [
        Column(
            "viewed_at",
            label=_("เวลา"),
            sort_key="viewed_at",
            accessor=lambda log: thai_date(log.viewed_at, short=True, with_time=True),
        ),
        Column("user", label=_("ผู้เปิดดู"), accessor=lambda log: person_name(log.user)),
        "agency_name",
        "path",
    ]
    filterset_class = InternalViewLogFilterSet
    search_fields = ["agency_name", "path", "user__username", "user__first_name", "user__last_name"]
    list_export = ["viewed_at", "user.get_full_name", "user.username", "agency_name", "path"]
    export_headings = {
        "user.get_full_name": _("ผู้เปิดดู"),
        "user.username": _("ชื่อผู้ใช้"),
    }
    export_filename = "internal-view-log"
    ordering = ["-viewed_at"]
    inspect_view_enabled = True
    inspect_view_class = InternalViewLogInspectView
    copy_view_enabled = False

    def get_queryset(self, request):
        return InternalViewLog.objects.select_related("user")
