"""The permission matrix: every role against every admin and public URL, with the answer each gets.

Read by tests/test_permission_matrix.py, which requests each row as each role (the columns, in
the order of tests.permission_world.ROLES) on the objects of tests.permission_world.world_build()
named by the {placeholders}, and checks that every URL pattern the project and Wagtail register
is requested by a row or listed in EXCLUDED. A change here is a change of who may do what: it
needs a reason in the commit message.

Outcomes: an HTTP status; LOGIN (302 to the admin's login page); DASHBOARD (302 to /admin/, how
Wagtail refuses an admin page to a signed-in user without the permission); redirect(location);
SKIP (not requested for that role).
"""

from tests.permission_matrix_rows import DASHBOARD, GET, LOGIN, POST, PUT, SKIP, redirect

# Patterns no row requests, each with the reason it cannot be requested alone. Empty: every
# pattern can be, and is.
EXCLUDED: dict[str, str] = {}

# fmt: off
MATRIX = (

    # --- Admin: the dashboard and Wagtail's admin API
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    # cms/urls.py's PageWorkflowActionView; it shadows Wagtail's pattern at the same path. The page waits at step 1 (group director).
    GET('/admin/pages/workflow/action/{page}/approve/{page_task_state}/',           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200),
    GET('/admin/',                                                                  LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/test404/',                                                          LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/api/main/pages/',                                                   LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/api/main/pages/{page}/',                                            LOGIN,     LOGIN,     404,       404,       200,       200,       200,       200),
    GET('/admin/api/main/pages/find/',                                              LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),
    GET('/admin/api/main/pages/{page}/action/copy/',                                LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/api/main/documents/',                                               LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/api/main/documents/{document}/',                                    LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/api/main/documents/find/',                                          LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),
    GET('/admin/api/main/images/',                                                  LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/api/main/images/{image}/',                                          LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/api/main/images/find/',                                             LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),
    # Wagtail's deliberate error page, for testing error reporting
    GET('/admin/failwhale/',                                                        LOGIN,     LOGIN,     500,       500,       500,       500,       500,       500),

    # --- Admin: pages (explorer, editor, preview, revisions, compare, history, workflow, locking, copy, move)
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/pages/',                                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, redirect('/admin/pages/{home}/'),redirect('/admin/pages/{home}/'),redirect('/admin/pages/{home}/'),200),
    GET('/admin/pages/{home}/',                                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{home}/results/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    # the confirmation names the chosen agencies: only registry readers may ask (review_views.RegistryReadersOnly)
    GET('/admin/bulk/coordination/agency/delete/?id={agency}',                      LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/pages/add/home/newspage/{news_index}/',                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/pages/add/home/newspage/{news_index}/preview/',                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/pages/usage/home/newspage/',                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/create/home/newspage',                                        LOGIN,     LOGIN,     200,       200,       redirect('/admin/pages/add/home/newspage/{news_index}/'),200,       redirect('/admin/pages/add/home/newspage/{news_index}/'),redirect('/admin/pages/add/home/newspage/{news_index}/')),
    GET('/admin/pages/usage/home/newspage/results/',                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/usage/',                                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/edit/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/edit/preview/',                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/view_draft/',                                          LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{home}/add_subpage/',                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/pages/{page}/delete/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/pages/{page}/unpublish/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/pages/{page}/convert_alias/',                                       LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),
    GET('/admin/pages/search/',                                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/search/results/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/move/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    # Wagtail checks the move on POST only (see the POST rows)
    GET('/admin/pages/{page}/move/{news_index}/confirm/',                           LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/pages/{page}/set_position/',                                        LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/pages/{page}/copy/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/workflow/collect_action_data/{page}/approve/{page_task_state}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200),
    # Wagtail's confirmation text, naming no page; the cancel itself is checked
    GET('/admin/pages/workflow/confirm_cancellation/{page}/',                       LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/pages/workflow/preview/{page}/{task}/',                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200),
    GET('/admin/pages/{page}/privacy/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/pages/{page}/lock/',                                                LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/pages/{page}/unlock/',                                              LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/pages/{page}/revisions/',                                           LOGIN,     LOGIN,     redirect('/admin/pages/{page}/history/'),redirect('/admin/pages/{page}/history/'),redirect('/admin/pages/{page}/history/'),redirect('/admin/pages/{page}/history/'),redirect('/admin/pages/{page}/history/'),redirect('/admin/pages/{page}/history/')),
    GET('/admin/pages/{page}/revisions/{page_draft_revision}/view/',                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/revisions/{page_draft_revision}/revert/',              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/revisions/{page_draft_revision}/unschedule/',          LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/pages/{page}/revisions/compare/{page_live_revision}...{page_draft_revision}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/workflow_history/',                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/workflow_history/detail/{page_workflow_state}/',       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/history/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/pages/{page}/history/results/',                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),

    # --- Admin: page and link choosers, tags
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/choose-page/',                                                      LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-page/{home}/',                                               LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-page/search/',                                               LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-page/chosen-multiple/',                                      LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-external-link/',                                             LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-email-link/',                                                LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-phone-link/',                                                LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/choose-anchor-link/',                                               LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/tag-autocomplete/',                                                 LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/tag-autocomplete/coordination/agency/',                             LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),

    # --- Admin: collections
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/collections/',                                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/collections/add/',                                                  LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/collections/{collection}/',                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    # Wagtail answers 404 to those who may not delete collections
    GET('/admin/collections/{collection}/delete/',                                  LOGIN,     LOGIN,     404,       404,       404,       404,       404,       200),
    GET('/admin/collections/{collection}/privacy/',                                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),

    # --- Admin: workflows and tasks
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/workflows/list/',                                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/list/results/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/add/',                                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/enable/{workflow}/',                                      LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/workflows/disable/{workflow}/',                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/edit/{workflow}/',                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/usage/{workflow}/',                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/usage/{workflow}/results/',                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/remove/{page}/',                                          LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/workflows/remove/{page}/{workflow}/',                               LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/workflows/tasks/add/coordination/chainofcommandapprovaltask/',      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/tasks/select_type/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/tasks/index/',                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/tasks/index/results/',                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/tasks/edit/{workflow}/',                                  LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/tasks/disable/{workflow}/',                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/workflows/tasks/enable/{workflow}/',                                LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    # task names to every admin user; creating one needs add_task (POST row below)
    GET('/admin/workflows/task_chooser/',                                           LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/workflows/task_chooser/results/',                                   LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/workflows/task_chooser/create/',                                    LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/workflows/task_chooser/{task}/',                                    LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),

    # --- Admin: Wagtail's reports
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/reports/locked/',                                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/reports/locked/results/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/reports/workflow/',                                                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/workflow/results/',                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/workflow_tasks/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/workflow_tasks/results/',                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/site-history/',                                             LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/reports/site-history/results/',                                     LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/reports/aging-pages/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/aging-pages/results/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/page-types-usage/',                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/reports/page-types-usage/results/',                                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),

    # --- Admin: account, dismissibles, editing sessions, block preview
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/account/',                                                          LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    # POST only; Wagtail deletes the session cookie even on this 405 (the runner signs in again)
    GET('/admin/logout/',                                                           LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/dismissibles/',                                                     LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/editing-sessions/ping/coordination/agency/{agency}/{editing_session}/',LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/editing-sessions/release/{editing_session}/',                       LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/block-preview/',                                                    LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),

    # --- Admin: the registry's own views (timeline, verify, review report, self-service, import, workflow cancel, internal directory, registry PDF)
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/coordination/address.json',                                         LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/coordination/agency-slug.json',                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/coordination/agency/{agency}/timeline/',                            LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/coordination/agency/{agency}/verify/',                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/coordination/reports/review/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       200,       200),
    GET('/admin/coordination/reports/review/results/',                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       200,       200),
    GET('/admin/coordination/agency/{agency}/request-confirmation/',                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/coordination/confirmation-links/{confirmation_link}/revoke/',       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/coordination/correction-reports/{correction_report}/close/',        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/coordination/import/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/coordination/import/preview/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, redirect('/admin/coordination/import/'),DASHBOARD, redirect('/admin/coordination/import/'),redirect('/admin/coordination/import/')),
    GET('/admin/coordination/import/apply/',                                        LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/coordination/import/template.xlsx',                                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/coordination/workflow/{agency_content_type}/{agency}/cancel/',      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       DASHBOARD, 200),
    GET('/admin/coordination/internal-directory/',                                  LOGIN,     LOGIN,     DASHBOARD, redirect('/directory/?view=staff'),redirect('/directory/?view=staff'),redirect('/directory/?view=staff'),redirect('/directory/?view=staff'),redirect('/directory/?view=staff')),
    GET('/admin/coordination/registry.pdf',                                         LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/coordination/registry.html',                                        LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),

    # --- Admin: user guide, forms, redirects, settings, embeds
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/guide/',                                                            LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/guide/officer/',                                                    LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/forms/',                                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/forms/results/',                                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    # the site has no form page type: every page answers 404
    GET('/admin/forms/submissions/{page}/',                                         LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),
    GET('/admin/forms/submissions/{page}/results/',                                 LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),
    GET('/admin/forms/submissions/{page}/delete/',                                  LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/redirects/',                                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/redirects/results/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/redirects/add/',                                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/redirects/{redirect}/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/redirects/{redirect}/delete/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/redirects/import/',                                                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/redirects/import/process/',                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 405),
    GET('/admin/settings/home/officesettings/',                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, redirect('/admin/settings/home/officesettings/{site}/')),
    # site settings are edited per site
    GET('/admin/settings/home/officesettings/{site}/',                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/settings/home/officesettings/{site}/preview/',                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 404),
    GET('/admin/embeds/chooser/',                                                   LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/embeds/chooser/upload/',                                            LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),

    # --- Admin: snippets index
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/snippets/',                                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),

    # --- Admin: documents
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/documents/',                                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/documents/results/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/documents/add/',                                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/documents/edit/{document}/',                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/documents/delete/{document}/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/documents/multiple/add/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/documents/multiple/{document}/',                                    LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/documents/multiple/create_from_uploaded_document/{uploaded_document}/',LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/documents/multiple/{document}/delete/',                             LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/documents/multiple/delete_upload/{uploaded_document}/',             LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/documents/usage/{document}/',                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),

    # --- Admin: images
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/images/',                                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/images/results/',                                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/images/{image}/',                                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/images/{image}/delete/',                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    # no image serve view is configured (wagtailimages_serve), so 404
    GET('/admin/images/{image}/generate_url/',                                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 404,       404,       404,       404),
    GET('/admin/images/{image}/generate_url/output/',                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 404,       404,       404,       404),
    GET('/admin/images/{image}/preview/fill-100x100/',                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/images/add/',                                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/images/usage/{image}/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/images/multiple/add/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/images/multiple/{image}/',                                          LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/images/multiple/create_from_uploaded_image/{uploaded_image}/',      LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/images/multiple/{image}/delete/',                                   LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),
    GET('/admin/images/multiple/delete_upload/{uploaded_image}/',                   LOGIN,     LOGIN,     405,       405,       405,       405,       405,       405),

    # --- Admin: the Agency snippet (listing, editor, preview, revisions, compare, history, usage, inspect, locking, workflow actions) and its chooser
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/snippets/coordination/agency/',                                     LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/results/',                             LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/add/',                                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/snippets/coordination/agency/edit/{agency}/',                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/delete/{agency}/',                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/snippets/coordination/agency/usage/{agency}/',                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/history/{agency}/',                    LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/history-results/{agency}/',            LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/inspect/{agency}/',                    LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/preview/',                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),
    GET('/admin/snippets/coordination/agency/preview/{agency}/',                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/history/{agency}/revisions/{agency_draft_revision}/view/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/history/{agency}/revisions/{agency_draft_revision}/revert/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/history/{agency}/revisions/compare/{agency_live_revision}...{agency_draft_revision}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/history/{agency}/revisions/{agency_draft_revision}/unschedule/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/snippets/coordination/agency/unpublish/{agency}/',                  LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    # the agency is in moderation: only the current step's approvers may lock
    GET('/admin/snippets/coordination/agency/lock/{agency}/',                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 405,       DASHBOARD, 405),
    GET('/admin/snippets/coordination/agency/unlock/{agency}/',                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 405),
    GET('/admin/snippets/coordination/agency/workflow/action/{agency}/approve/{agency_task_state}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200),
    GET('/admin/snippets/coordination/agency/workflow/collect_action_data/{agency}/approve/{agency_task_state}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200),
    # as for pages: a text naming nothing
    GET('/admin/snippets/coordination/agency/workflow/confirm_cancellation/{agency}/',LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/workflow_history/{agency}/',           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/workflow_history/{agency}/detail/{agency_workflow_state}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/snippets/coordination/agency/workflow/preview/{agency}/{task}/',    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200),
    GET('/admin/snippets/choose/coordination/agency/',                              LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/coordination/agency/results/',                      LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/coordination/agency/chosen/{agency}/',              LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/coordination/agency/chosen-multiple/',              LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/coordination/agency/create/',                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       DASHBOARD, 200,       200),

    # --- Admin: the news category snippet and its chooser
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/snippets/home/newscategory/',                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/results/',                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/add/',                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/edit/{news_category}/',                  LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/delete/{news_category}/',                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/usage/{news_category}/',                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/history/{news_category}/',               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/history-results/{news_category}/',       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/home/newscategory/copy/{news_category}/',                  LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/snippets/choose/home/newscategory/',                                LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/home/newscategory/results/',                        LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/home/newscategory/chosen/{news_category}/',         LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/home/newscategory/chosen-multiple/',                LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/snippets/choose/home/newscategory/create/',                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),

    # --- Admin: reference data, self-service lists, internal view log (ModelViewSets)
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/agency_categories/',                                                LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/agency_categories/results/',                                        LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/agency_categories/new/',                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/agency_categories/edit/{agency_category}/',                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/agency_categories/delete/{agency_category}/',                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/agency_categories/history/{agency_category}/',                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/agency_categories/history-results/{agency_category}/',              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/agency_categories/usage/{agency_category}/',                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/agency_categories/inspect/{agency_category}/',                      LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/agency_categories/copy/{agency_category}/',                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/',                                                  LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/school_networks/results/',                                          LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/school_networks/new/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/edit/{school_network}/',                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/delete/{school_network}/',                          LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/history/{school_network}/',                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/history-results/{school_network}/',                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/usage/{school_network}/',                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/school_networks/inspect/{school_network}/',                         LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/school_networks/copy/{school_network}/',                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200,       200),
    GET('/admin/confirmation_links/',                                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/confirmation_links/results/',                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/confirmation_links/new/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/confirmation_links/edit/{confirmation_link}/',                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/confirmation_links/delete/{confirmation_link}/',                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/confirmation_links/history/{confirmation_link}/',                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/confirmation_links/history-results/{confirmation_link}/',           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/confirmation_links/usage/{confirmation_link}/',                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/',                                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/correction_reports/results/',                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/correction_reports/new/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/edit/{correction_report}/',                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/delete/{correction_report}/',                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/history/{correction_report}/',                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/history-results/{correction_report}/',           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/usage/{correction_report}/',                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/correction_reports/inspect/{correction_report}/',                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/internal_view_log/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       200,       200),
    GET('/admin/internal_view_log/results/',                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       200,       200),
    GET('/admin/internal_view_log/new/',                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/internal_view_log/edit/{view_log}/',                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/internal_view_log/delete/{view_log}/',                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/internal_view_log/history/{view_log}/',                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/internal_view_log/history-results/{view_log}/',                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/internal_view_log/usage/{view_log}/',                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/internal_view_log/inspect/{view_log}/',                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, 200,       200,       200),

    # --- Admin: sites, users, groups
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/sites/',                                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/results/',                                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/new/',                                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/edit/{site}/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/delete/{site}/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/history/{site}/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/history-results/{site}/',                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/usage/{site}/',                                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/sites/copy/{site}/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/',                                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/results/',                                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/new/',                                                        LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/edit/{user}/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/delete/{user}/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/history/{user}/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/history-results/{user}/',                                     LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/usage/{user}/',                                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/users/copy/{user}/',                                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/',                                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/results/',                                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/new/',                                                       LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/edit/{group}/',                                              LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/delete/{group}/',                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/history/{group}/',                                           LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/history-results/{group}/',                                   LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),
    GET('/admin/groups/usage/{group}/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, 200),

    # --- Admin: document and image choosers
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/documents/chooser/',                                                LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/documents/chooser/results/',                                        LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/documents/chooser/chosen/{document}/',                              LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/documents/chooser/chosen-multiple/',                                LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/documents/chooser/create/',                                         LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/images/chooser/',                                                   LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/images/chooser/results/',                                           LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/images/chooser/chosen/{image}/',                                    LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),
    GET('/admin/images/chooser/chosen-multiple/',                                   LOGIN,     LOGIN,     200,       200,       200,       200,       200,       200),
    GET('/admin/images/chooser/create/',                                            LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, 200,       200,       200,       200),
    GET('/admin/images/chooser/{image}/select_format/',                             LOGIN,     LOGIN,     DASHBOARD, 200,       200,       200,       200,       200),

    # --- Admin: pages open to everyone (login, password reset, icons, translations) and the admin's 404
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/admin/sprite/',                                                           200,       200,       200,       200,       200,       200,       200,       200),
    GET('/admin/login/',                                                            200,       200,       DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD),
    GET('/admin/password_reset/',                                                   200,       200,       200,       200,       200,       200,       200,       200),
    GET('/admin/password_reset/done/',                                              200,       200,       200,       200,       200,       200,       200,       200),
    GET('/admin/password_reset/confirm/MQ/set-password/',                           200,       200,       200,       200,       200,       200,       200,       200),
    GET('/admin/password_reset/complete/',                                          200,       200,       200,       200,       200,       200,       200,       200),
    GET('/admin/jsi18n/',                                                           200,       200,       200,       200,       200,       200,       200,       200),
    GET('/admin/no-such-page/',                                                     LOGIN,     LOGIN,     404,       404,       404,       404,       404,       404),

    # --- Public: documents, feeds, sitemap, robots.txt, API, health, search, self-service link, vCard, exports, registry PDF, pages, directory
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    GET('/documents/{document}/{document_filename}',                                200,       200,       200,       200,       200,       200,       200,       200),
    GET('/documents/authenticate_with_password/{collection_restriction}/',          200,       200,       200,       200,       200,       200,       200,       200),
    GET('/news/feed/',                                                              200,       200,       200,       200,       200,       200,       200,       200),
    GET('/sitemap.xml',                                                             200,       200,       200,       200,       200,       200,       200,       200),
    GET('/sitemap-pages.xml',                                                       200,       200,       200,       200,       200,       200,       200,       200),
    GET('/sitemap-agencies.xml',                                                    200,       200,       200,       200,       200,       200,       200,       200),
    GET('/robots.txt',                                                              200,       200,       200,       200,       200,       200,       200,       200),
    GET('/api/v1/openapi.json',                                                     200,       200,       200,       200,       200,       200,       200,       200),
    GET('/api/v1/docs',                                                             200,       200,       200,       200,       200,       200,       200,       200),
    GET('/api/v1/agencies',                                                         200,       200,       200,       200,       200,       200,       200,       200),
    POST('/api/v1/agencies',                                                        405,       405,       405,       405,       405,       405,       405,       405),
    GET('/api/v1/agencies/{agency}',                                                200,       200,       200,       200,       200,       200,       200,       200),
    GET('/api/v1/agencies/{internal_agency}',                                       404,       404,       404,       404,       404,       404,       404,       404),
    GET('/api/v1/agencies/{draft_agency}',                                          404,       404,       404,       404,       404,       404,       404,       404),
    PUT('/api/v1/agencies/{agency}',                                                405,       405,       405,       405,       405,       405,       405,       405),
    GET('/api/v1/nothing-here',                                                     404,       404,       404,       404,       404,       404,       404,       404),
    GET('/api/v1/',                                                                 404,       404,       404,       404,       404,       404,       404,       404),
    GET('/healthz',                                                                 200,       200,       200,       200,       200,       200,       200,       200),
    GET('/search/',                                                                 200,       200,       200,       200,       200,       200,       200,       200),
    GET('/search/suggest',                                                          200,       200,       200,       200,       200,       200,       200,       200),
    GET('/confirm/{confirmation_token}/',                                           200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/{agency_slug}/vcard.vcf',                                       200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/{internal_agency_slug}/vcard.vcf',                              404,       404,       404,       404,       404,       404,       404,       404),
    GET('/directory/{draft_agency_slug}/vcard.vcf',                                 404,       404,       404,       404,       404,       404,       404,       404),
    GET('/directory/export.csv',                                                    200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/export.xlsx',                                                   200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/directory.vcf',                                                 200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/registry.pdf',                                                  200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/registry.html',                                                 200,       200,       200,       200,       200,       200,       200,       200),
    GET('/_util/authenticate_with_password/{page_restriction}/{private_page}/',     200,       200,       200,       200,       200,       200,       200,       200),
    GET('/_util/login/',                                                            200,       200,       200,       200,       200,       200,       200,       200),
    GET('/news/matrix-news/',                                                       200,       200,       200,       200,       200,       200,       200,       200),
    GET('/',                                                                        200,       200,       200,       200,       200,       200,       200,       200),
    GET('/news/',                                                                   200,       200,       200,       200,       200,       200,       200,       200),
    GET('/news/private-news/',                                                      200,       200,       200,       200,       200,       200,       200,       200),
    GET('/no-such-page/',                                                           404,       404,       404,       404,       404,       404,       404,       404),
    GET('/directory/',                                                              200,       200,       200,       200,       200,       200,       200,       200),
    # the internal directory (permissions.can_view_registry)
    GET('/directory/?view=staff',                                                   LOGIN,     403,       403,       200,       200,       200,       200,       200),
    GET('/directory/{agency_slug}/',                                                200,       200,       200,       200,       200,       200,       200,       200),
    GET('/directory/{agency_slug}/?view=staff',                                     LOGIN,     403,       403,       200,       200,       200,       200,       200),
    # the public data rule: internal-only and never-published agencies are not public
    GET('/directory/{internal_agency_slug}/',                                       404,       404,       404,       404,       404,       404,       404,       404),
    GET('/directory/{internal_agency_slug}/?view=staff',                            LOGIN,     403,       403,       200,       200,       200,       200,       200),
    GET('/directory/{draft_agency_slug}/',                                          404,       404,       404,       404,       404,       404,       404,       404),

    # --- Refused POSTs: the status is the check, and the test asserts that nothing changed.
    # SKIP: the roles allowed to act (their POST would change what the other rows read;
    # tests/coordination/test_permissions.py and test_admin_flow.py cover them).
    #                                                                               anonymous  no_admin   admin_only staff      officer    director   deputy     superuser
    POST('/admin/snippets/coordination/agency/workflow/action/{agency}/approve/{agency_task_state}/',LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      DASHBOARD, SKIP),
    POST('/admin/snippets/coordination/agency/unpublish/{agency}/',                 LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      SKIP),
    POST('/admin/snippets/coordination/agency/delete/{agency}/',                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      SKIP),
    # the agency is in moderation: only the current step's approvers may lock
    POST('/admin/snippets/coordination/agency/lock/{agency}/',                      LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      DASHBOARD, SKIP),
    # only registry readers may ask (review_views.RegistryReadersOnly); Wagtail sends the others
    # back to the form, and deletes nothing they may not delete
    POST('/admin/bulk/coordination/agency/delete/?id={agency}',                     LOGIN,     LOGIN,     DASHBOARD, redirect('/admin/bulk/coordination/agency/delete/'),redirect('/admin/bulk/coordination/agency/delete/'),redirect('/admin/bulk/coordination/agency/delete/'),SKIP,      SKIP),
    # cms/urls.py's PageWorkflowActionView; it shadows Wagtail's pattern at the same path. The page waits at step 1 (group director).
    POST('/admin/pages/workflow/action/{page}/approve/{page_task_state}/',          LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      DASHBOARD, SKIP),
    POST('/admin/pages/{page}/unpublish/',                                          LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP),
    POST('/admin/pages/{page}/delete/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      SKIP),
    POST('/admin/pages/{page}/move/{home}/confirm/',                                LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP,      SKIP),
    POST('/admin/pages/{page}/lock/',                                               LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, SKIP,      SKIP,      SKIP,      SKIP),
    POST('/admin/workflows/task_chooser/create/',                                   LOGIN,     LOGIN,     400,       400,       400,       400,       400,       SKIP),
    POST('/admin/workflows/disable/{workflow}/',                                    LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP),
    POST('/admin/users/delete/{user}/',                                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD, SKIP),
    POST('/admin/coordination/agency/{agency}/verify/',                             LOGIN,     LOGIN,     DASHBOARD, DASHBOARD, SKIP,      SKIP,      SKIP,      SKIP),
)
# fmt: on
