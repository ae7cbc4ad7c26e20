"""Wiring of the website into Wagtail: the news-category snippet, the demo-site builder and the
admin's help menu with the office's user guide."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem, help_menu
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
