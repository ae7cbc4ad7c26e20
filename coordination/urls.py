"""Public routes of the registry that are not served through Wagtail's page routing."""

from django.urls import path, re_path

from coordination import export_views, search_views, self_service_views, views

app_name = "coordination"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("search/", search_views.site_search, name="site_search"),
    path("search/suggest", search_views.search_suggest, name="search_suggest"),
    # The link an agency gets to confirm or correct its own data (coordination.services.
    # self_service); never cached, never indexed.
    path("confirm/<str:token>/", self_service_views.confirmation_view, name="confirmation"),
    # Wagtail's page URLs cannot hold a dot, so the vCard of an agency of any directory page
    # (e.g. /directory/<slug>/vcard.vcf) is routed here and handed to that page.
    re_path(
        r"^(?P<directory_path>(?:[-\w]+/)*)(?P<slug>[-\w]+)/vcard\.vcf$",
        views.agency_vcard_route,
        name="agency_vcard",
    ),
    # The directory's exports and printable registry (public data, the listing's filters).
    re_path(
        r"^(?P<directory_path>(?:[-\w]+/)*)(?P<filename>export\.csv|export\.xlsx|directory\.vcf|registry\.pdf|registry\.html)$",
        export_views.directory_export_route,
        name="directory_export",
    ),
]
