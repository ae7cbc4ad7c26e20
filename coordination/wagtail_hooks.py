"""Wiring of the registry into the Wagtail admin; the parts themselves live in viewsets.py."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from coordination import admin_views, export_views, workflow_views
from coordination.cache import page_cache_stamp
from coordination.models import Agency, InternalViewLog
from coordination.permissions import can_view_registry
from coordination.selectors.directory import page_hidden_agency_notes
from coordination.viewsets import (
    AgencyViewSet,
    InternalViewLogViewSet,
    ReadOnlyPermissionPolicy,
    ReferenceDataGroup,
)

register_snippet(AgencyViewSet)
register_permission_policy(InternalViewLog, ReadOnlyPermissionPolicy(InternalViewLog))


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()


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


@hooks.register("register_admin_urls")
def register_registry_admin_urls():
    urls = [
        path("address.json", admin_views.address_reference, name="address_reference"),
        path("agency-slug.json", admin_views.agency_slug_suggestion, name="agency_slug"),
        path("agency/<int:pk>/timeline/", admin_views.agency_timeline_view, name="agency_timeline"),
        path(
            "workflow/<int:content_type_id>/<str:object_id>/cancel/",
            workflow_views.workflow_cancel_view,
            name="workflow_cancel",
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
