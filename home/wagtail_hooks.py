"""Wiring of the website into Wagtail: the news-category snippet and the demo-site builder."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
