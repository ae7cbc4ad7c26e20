"""Wiring of the website into Wagtail: the news-category snippet, the demo-site builder and the
admin's help menu with the office's user guide."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem, help_menu
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from coordination.workflow_messages import (
    cancelled_message,
    created_message,
    submitted_message,
    workflow_action_message,
)
from coordination.workflow_views import action_menu_arrange, success_message_replace
from home import guide
from home.demo.site import build_demo_site as demo_site_build
from home.models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("หมวดข่าว")
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(NewsCategoryViewSet)


@hooks.register("seed_demo")
def build_demo_site(stdout=None):
    """Build the demo website's pages, settings and menus (called by `manage.py seed_demo`)."""

    def log(message: str) -> None:
        if stdout is not None:
            stdout.write(message)

    return demo_site_build(log=log)


# Wagtail's help menu items that link to its English guide and release notes; each is a
# "dismissible" item, which is what makes the menu show a "new" badge until clicked.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def remove_wagtail_guides(request, menu_items):
    """No English Wagtail guide in the help menu (the office's Thai guide takes its place); the
    keyboard shortcuts stay."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]


@hooks.register("construct_main_menu")
def help_menu_without_badge(request, menu_items):
    """Wagtail's "Help" submenu is dismissible: it carries a "new" badge until a user opens it.
    Show the same menu as a plain submenu."""
    menu_items[:] = [
        SubmenuMenuItem(
            item.label, help_menu, name=item.name, icon_name=item.icon_name, order=item.order
        )
        if item.name == "help"
        else item
        for item in menu_items
    ]


@hooks.register("register_admin_urls")
def register_guide_urls():
    urls = [
        path("", guide.guide_index_view, name="index"),
        path("<slug:slug>/", guide.guide_view, name="role"),
    ]
    return [path("guide/", include((urls, "home_guide")))]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return guide.GuideMenuItem(_("คู่มือการใช้งาน"), "", name="user-guide", icon_name="help", order=900)


@hooks.register("construct_page_action_menu")
def arrange_page_action_menu(menu_items, request, context):
    """As for agencies: cancelling approval last and confirmed, a help line on each action."""
    action_menu_arrange(menu_items, context)


@hooks.register("after_create_page")
def say_what_creating_did(request, page):
    if request.method != "POST" or "action-publish" in request.POST:
        return
    submitted = "action-submit" in request.POST
    success_message_replace(request, created_message(page, submitted=submitted))


@hooks.register("after_edit_page")
def say_what_the_workflow_did(request, page):
    """Wagtail's page editor says "updated" after an approval; say what happened instead."""
    if request.method != "POST":
        return
    if "action-submit" in request.POST:
        message = submitted_message(page)
    elif "action-workflow-action" in request.POST:
        message = workflow_action_message(page, request.POST.get("workflow-action-name", ""))
    elif "action-cancel-workflow" in request.POST:
        message = cancelled_message(page)
    else:
        return
    if message:
        success_message_replace(request, message)
