"""Detail pages of the admin, made readable: the agency's (where a click on a name in the listing
leads people who may read the registry but not edit it) and the internal view log's."""

from django.contrib.admin.utils import quote, unquote
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.encoding import uri_to_iri
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.models import InspectView as ModelInspectView
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import InspectView

from coordination.display import EMPTY, person_name
from coordination.permissions import can_view_registry
from coordination.selectors.agency_detail import agency_detail, agency_detail_object
from coordination.services.internal_views import internal_view_log_record
from coordination.thai_dates import thai_date


class AgencyInspectView(InspectView):
    """Sections of Thai labels and values built by `selectors.agency_detail`; the actions offered
    are only those the user may take. A view that shows internal contact details is logged, as
    the staff directory's is (public data rule, PDPA)."""

    template_name = "coordination/admin/agency_inspect.html"

    def get_object(self, queryset=None):
        agency = agency_detail_object(pk=unquote(str(self.pk)))
        if agency is None:
            raise Http404
        return agency

    def get_fields(self):
        return []  # the page shows the detail's sections, not the model's raw fields

    def get_page_subtitle(self):
        return self.object.name_th

    def get_timeline_url(self):
        if can_view_registry(self.request.user):
            return reverse("coordination_admin:agency_timeline", args=[self.object.pk])
        return ""

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if edit_url := self.get_edit_url():
            buttons.append(Button(_("แก้ไขหน่วยงาน"), url=edit_url, icon_name="edit", priority=10))
        if timeline_url := self.get_timeline_url():
            buttons.append(
                Button(_("ประวัติทั้งหมด"), url=timeline_url, icon_name="history", priority=20)
            )
        if delete_url := self.get_delete_url():
            buttons.append(Button(_("ลบหน่วยงาน"), url=delete_url, icon_name="bin", priority=30))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.detail = agency_detail(self.object)
        context.update(
            detail=self.detail,
            card=self.detail.card,
            edit_url=self.get_edit_url() or "",
            timeline_url=self.get_timeline_url(),
            object_pk=quote(self.object.pk),
        )
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.detail.shows_internal_data:
            internal_view_log_record(
                agency=self.object, user=request.user, path=uri_to_iri(request.get_full_path())
            )
        # Internal contact details must never reach a shared cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response


class InternalViewLogInspectView(ModelInspectView):
    """One row of the internal view log: the reader by name, the time in Buddhist Era."""

    def get_user_display_value(self):
        return person_name(self.object.user)

    def get_viewed_at_display_value(self):
        return thai_date(self.object.viewed_at, with_time=True)

    def get_agency_display_value(self):
        return self.object.agency.name_th if self.object.agency_id else EMPTY
