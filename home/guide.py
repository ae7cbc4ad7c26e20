"""The office's user guide (คู่มือการใช้งาน): one Thai page per role, served inside the admin.

The help menu links each user to the page of their role; superusers, and anyone without one of the
roles, get the index of all pages. The pictures are screenshots that the browser tests take on the
demo data (tests/e2e/test_user_guide_screenshots.py), kept in home/static/home/guide/.
"""

from typing import NamedTuple

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from coordination import roles


class Guide(NamedTuple):
    slug: str
    title: str
    audience: str
    groups: tuple[str, ...]  # the roles (group names) this page is written for


GUIDES = [
    Guide(
        "supervisor",
        _("คู่มือผู้บังคับบัญชา: ตรวจและอนุมัติข้อมูล"),
        _("ผู้อำนวยการกลุ่มอำนวยการ และรองผู้อำนวยการ สพป."),
        (roles.GROUP_DIRECTOR, roles.DEPUTY_DIRECTOR),
    ),
    Guide(
        "officer",
        _("คู่มือเจ้าหน้าที่: บันทึกและส่งข้อมูลหน่วยงาน"),
        _("เจ้าหน้าที่ผู้รับผิดชอบงานประสานงาน"),
        (roles.OFFICERS,),
    ),
    Guide(
        "staff",
        _("คู่มือบุคลากร: ค้นหาและอ่านทำเนียบภายใน"),
        _("บุคลากรของสำนักงาน"),
        (roles.STAFF,),
    ),
]
GUIDES_BY_SLUG = {guide.slug: guide for guide in GUIDES}


def guide_for_user(user) -> Guide | None:
    """The page written for the user's role, or None (superusers and others: the index).

    A supervisor who is also an officer reads the supervisors' page, which covers approving."""
    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    return next((guide for guide in GUIDES if names.intersection(guide.groups)), None)


def guide_url(guide: Guide | None) -> str:
    if guide is None:
        return reverse("home_guide:index")
    return reverse("home_guide:role", args=[guide.slug])


def guide_index_view(request):
    return render(
        request,
        "home/guide/index.html",
        {
            "guides": GUIDES,
            "page_title": _("คู่มือการใช้งาน"),
            "header_icon": "help",
        },
    )


def guide_view(request, slug: str):
    guide = GUIDES_BY_SLUG.get(slug)
    if guide is None:
        raise Http404
    return render(
        request,
        f"home/guide/{guide.slug}.html",
        {
            "guide": guide,
            "guides": GUIDES,
            "page_title": guide.title,
            "header_icon": "help",
            "index_url": reverse("home_guide:index"),
        },
    )


class GuideMenuItem(MenuItem):
    """The help menu's link to the guide: to the page of the user's own role."""

    def render_component(self, request):
        return LinkMenuItem(
            self.name,
            self.label,
            guide_url(guide_for_user(request.user)),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )
