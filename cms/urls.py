from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.documents import urls as wagtaildocs_urls

from coordination import urls as coordination_urls
from coordination.api import api as coordination_api
from coordination.workflow_views import PageEditView, PageWorkflowActionView
from home.feeds import NewsFeed
from home.sitemaps import SITEMAP_SECTIONS, robots_txt, sitemap_index, sitemap_section

urlpatterns = [
    # The dashboard's approve / reject of a page, answered by a view that says what it did
    # (Wagtail routes every page type to its own view here; this path comes first).
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(PageWorkflowActionView.as_view()),
    ),
    # The page editor, whose "approve" keeps separation of duties (workflow_views.PageEditView).
    path(
        "admin/pages/<int:page_id>/edit/",
        require_admin_access(base_page_viewset.construct_view(PageEditView)),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("news/feed/", NewsFeed(), name="news_feed"),
    # An index of the sections (pages, agencies), each in parts of at most 10,000 URLs (?p=2...).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAP_SECTIONS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<str:section>.xml",
        sitemap_section,
        {"sitemaps": SITEMAP_SECTIONS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("api/v1/", coordination_api.urls),
    path("", include(coordination_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
handler500 = "home.errors.server_error"
