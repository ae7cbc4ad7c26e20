"""Writes around the public directory page."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from coordination.models import DirectoryPage

DIRECTORY_SLUG = "directory"


def directory_page_ensure(parent: Page, *, title: str = "", user=None) -> DirectoryPage:
    """Return the published directory page under `parent` (slug "directory"), creating it once.

    Idempotent, for seed commands: an existing page with that slug is returned as it is.
    """
    existing = parent.get_children().filter(slug=DIRECTORY_SLUG).first()
    if existing is not None:
        return existing.specific
    page = DirectoryPage(
        title=title or _("สมุดรายชื่อหน่วยงาน"),
        slug=DIRECTORY_SLUG,
        intro=_(
            "<p>ข้อมูลพื้นฐานของหน่วยงานภายในและภายนอกเขตพื้นที่การศึกษาที่สำนักงานประสานงานเป็นประจำ "
            "ค้นหาตามชื่อ ประเภท หรืออำเภอ</p>"
        ),
        show_in_menus=True,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page
