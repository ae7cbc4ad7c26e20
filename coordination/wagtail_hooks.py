"""Wiring of the registry into the Wagtail admin; the parts themselves live in viewsets.py."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import RevisionMixin
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from coordination import (
    admin_guard,
    admin_views,
    export_views,
    import_views,
    review_views,
    self_service_admin,
    workflow_views,
)
from coordination.cache import page_cache_stamp
from coordination.models import Agency, ConfirmationRequest, CorrectionReport, InternalViewLog
from coordination.permissions import can_edit_registry, can_view_registry, is_supervisor
from coordination.review_panels import review_panels_add
from coordination.selectors.directory import page_hidden_agency_notes
from coordination.services.agency_import import IMPORT_LOG_ACTION
from coordination.services.review import ASSIGN_LOG_ACTION, VERIFY_LOG_ACTION
from coordination.services.self_service import CORRECTION_LOG_ACTION, REQUEST_LOG_ACTION
from coordination.viewsets import (
    AgencyViewSet,
    InternalViewLogViewSet,
    ReadOnlyPermissionPolicy,
    ReferenceDataGroup,
)

register_snippet(AgencyViewSet)
register_permission_policy(InternalViewLog, ReadOnlyPermissionPolicy(InternalViewLog))
for _model in (ConfirmationRequest, CorrectionReport):
    register_permission_policy(_model, self_service_admin.SelfServicePermissionPolicy(_model))
hooks.register("register_bulk_action", self_service_admin.RequestConfirmationBulkAction)


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()


@hooks.register("register_admin_viewset")
def register_self_service():
    return self_service_admin.SelfServiceGroup()


@hooks.register("construct_homepage_panels")
def open_correction_reports_panel(request, panels):
    if can_edit_registry(request.user):
        panels.append(self_service_admin.OpenReportsPanel(request.user))


@hooks.register("register_admin_viewset")
def register_internal_view_log():
    return InternalViewLogViewSet("internal_view_log")


@hooks.register("before_serve_page")
def stamp_page_cache(page, request, serve_args, serve_kwargs):
    """Tell the anonymous page cache which page answers (coordination.cache)."""
    page_cache_stamp(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_hidden_agencies(request, page):
    """Agencies embedded in the page that the public will not see: tell the editor at once."""

    for note in page_hidden_agency_notes(page):
        messages.warning(request, note)


@hooks.register("before_create_snippet")
def refuse_malformed_snippet_create(request, model):
    return admin_guard.malformed_post_response(request, model)


@hooks.register("before_create_page")
def refuse_malformed_page_create(request, parent_page, page_class):
    return admin_guard.malformed_post_response(request, page_class)


@hooks.register("before_edit_snippet")
def refuse_unsafe_snippet_edit(request, instance):
    """A malformed save, or one that would overwrite an approved or newer revision (admin_guard)."""
    if not isinstance(instance, RevisionMixin):
        return admin_guard.malformed_post_response(request, type(instance))
    edit_url = reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])
    return admin_guard.edit_refusal_response(request, instance, edit_url=edit_url)


@hooks.register("before_edit_page")
def refuse_unsafe_page_edit(request, page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return admin_guard.edit_refusal_response(request, page.specific, edit_url=edit_url)


@hooks.register("register_admin_urls")
def register_registry_admin_urls():
    urls = [
        path("address.json", admin_views.address_reference, name="address_reference"),
        path("agency-slug.json", admin_views.agency_slug_suggestion, name="agency_slug"),
        path("agency/<int:pk>/timeline/", admin_views.agency_timeline_view, name="agency_timeline"),
        path("agency/<int:pk>/verify/", review_views.agency_verify_view, name="agency_verify"),
        path(
            "reports/review/",
            review_views.ReviewReportView.as_view(),
            name="review_report",
        ),
        path(
            "reports/review/results/",
            review_views.ReviewReportView.as_view(results_only=True),
            name="review_report_results",
        ),
        path(
            "agency/<int:pk>/request-confirmation/",
            self_service_admin.confirmation_send_view,
            name="agency_request_confirmation",
        ),
        path(
            "confirmation-links/<int:pk>/revoke/",
            self_service_admin.confirmation_revoke_view,
            name="confirmation_revoke",
        ),
        path(
            "correction-reports/<int:pk>/close/",
            self_service_admin.correction_report_close_view,
            name="correction_report_close",
        ),
        path("import/", import_views.import_upload_view, name="agency_import"),
        path("import/preview/", import_views.import_preview_view, name="agency_import_preview"),
        path("import/apply/", import_views.import_apply_view, name="agency_import_apply"),
        path(
            "import/template.xlsx",
            import_views.import_template_view,
            name="agency_import_template",
        ),
        path(
            "workflow/<int:content_type_id>/<str:object_id>/cancel/",
            workflow_views.workflow_cancel_view,
            name="workflow_cancel",
        ),
        path(
            "internal-directory/",
            admin_views.internal_directory_redirect,
            name="internal_directory",
        ),
        # The staff registry: every live agency with its internal data (permission-checked).
        path(
            "registry.pdf",
            export_views.staff_registry_view,
            {"fmt": "pdf"},
            name="registry_pdf",
        ),
        path(
            "registry.html",
            export_views.staff_registry_view,
            {"fmt": "html"},
            name="registry_html",
        ),
    ]
    return [path("coordination/", include((urls, "coordination_admin")))]


@hooks.register("construct_snippet_action_menu")
def arrange_snippet_action_menu(menu_items, request, context):
    """Cancelling approval goes last, behind a confirmation; each action says what it does."""
    workflow_views.action_menu_arrange(menu_items, context)


class AgencySearchArea(SearchArea):
    """The admin's search box offers the agency listing (its Thai-aware search) to its readers."""

    def is_shown(self, request):
        return can_view_registry(request.user)


@hooks.register("insert_global_admin_css")
def registry_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("coordination/css/admin.css"))


@hooks.register("insert_global_admin_js")
def name_rich_text_editors():
    """Rich text boxes announce their field's label (coordination/js/draftail-names.js)."""
    return format_html(
        '<script src="{}" defer></script>', static("coordination/js/draftail-names.js")
    )


@hooks.register("insert_global_admin_js")
def wait_for_autosave_before_saving():
    """A save pressed during an autosave waits for it (coordination/js/autosave-guard.js)."""
    return format_html(
        '<script src="{}" defer></script>', static("coordination/js/autosave-guard.js")
    )


@hooks.register("register_admin_search_area")
def register_agency_search_area():
    return AgencySearchArea(
        gettext_lazy("หน่วยงาน"),
        reverse("wagtailsnippets_coordination_agency:list"),
        name="agencies",
        icon_name="site",
        order=150,
    )


@hooks.register("register_snippet_listing_buttons")
def agency_timeline_button(snippet, user, next_url=None):

    if isinstance(snippet, Agency) and can_view_registry(user):
        yield ListingButton(
            _("ประวัติทั้งหมด"),
            reverse("coordination_admin:agency_timeline", args=[snippet.pk]),
            icon_name="history",
            priority=90,
        )
    if isinstance(snippet, Agency) and can_edit_registry(user):
        yield ListingButton(
            _("ขอให้หน่วยงานยืนยันข้อมูล"),
            reverse("coordination_admin:agency_request_confirmation", args=[snippet.pk]),
            icon_name="mail",
            priority=95,
        )


class InternalDirectoryMenuItem(MenuItem):
    """The staff directory (internal agencies and contact details) for those who may read it."""

    def is_shown(self, request):
        return can_view_registry(request.user)


@hooks.register("register_admin_menu_item")
def register_internal_directory_menu_item():
    return InternalDirectoryMenuItem(
        gettext_lazy("สมุดรายชื่อภายใน"),
        reverse("coordination_admin:internal_directory"),
        name="internal-directory",
        icon_name="group",
        order=105,
    )


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    @actions.register_action(IMPORT_LOG_ACTION)
    class ImportLogFormatter(LogFormatter):
        label = gettext_lazy("นำเข้าข้อมูลจากไฟล์")

        def format_message(self, log_entry):
            if log_entry.data.get("created"):
                return _("สร้างฉบับร่างจากการนำเข้าไฟล์ “%(file)s”") % {
                    "file": log_entry.data.get("file", "")
                }
            return _("แก้ไขเป็นฉบับร่างจากการนำเข้าไฟล์ “%(file)s”") % {
                "file": log_entry.data.get("file", "")
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action(VERIFY_LOG_ACTION)
    class VerifyLogFormatter(LogFormatter):
        label = gettext_lazy("ยืนยันข้อมูลถูกต้อง")

        def format_message(self, log_entry):
            return _("ยืนยันว่าข้อมูลถูกต้อง ไม่มีการเปลี่ยนแปลง")

        def format_comment(self, log_entry):
            return log_entry.data.get("note", "")

    @actions.register_action(ASSIGN_LOG_ACTION)
    class AssignLogFormatter(LogFormatter):
        label = gettext_lazy("มอบหมายเจ้าหน้าที่ผู้รับผิดชอบ")

        def format_message(self, log_entry):
            return _("มอบหมายเจ้าหน้าที่ผู้รับผิดชอบคนใหม่")


hooks.register("register_bulk_action", review_views.VerifyBulkAction)
# After Wagtail's own bulk delete (order 0), so that this one replaces it for agencies.
hooks.register("register_bulk_action", review_views.AgencyDeleteBulkAction, order=1)
hooks.register("register_bulk_action", review_views.AssignOfficerBulkAction)


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    review_panels_add(request, panels)


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_supervisor(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        gettext_lazy("ข้อมูลที่เลยกำหนดทบทวน"),
        reverse("coordination_admin:review_report"),
        name="review-report",
        icon_name="warning",
        order=650,
    )


@hooks.register("register_log_actions")
def register_self_service_log_actions(actions):
    @actions.register_action(REQUEST_LOG_ACTION)
    class ConfirmationRequestLogFormatter(LogFormatter):
        label = gettext_lazy("ขอให้หน่วยงานยืนยันข้อมูล")

        def format_message(self, log_entry):
            return _("ส่งลิงก์ขอให้หน่วยงานยืนยันข้อมูลถึง %(email)s") % {
                "email": log_entry.data.get("email", "")
            }

    @actions.register_action(CORRECTION_LOG_ACTION)
    class SelfServiceCorrectionLogFormatter(LogFormatter):
        label = gettext_lazy("แจ้งโดยหน่วยงาน")

        def format_message(self, log_entry):
            return _("ฉบับร่างจากข้อมูลที่หน่วยงานแจ้งแก้ไข โดย %(name)s") % {
                "name": " ".join(
                    part
                    for part in (log_entry.data.get("name"), log_entry.data.get("position"))
                    if part
                )
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("note", "")
