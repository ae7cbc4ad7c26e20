"""The objects the permission matrix requests: one of each thing an admin or public URL names.

Built the way the site builds them (factories, services, Wagtail's own workflow), so every
parameterised URL pattern is filled with a real object: an agency with a live revision and a
newer one in moderation, a page likewise, a document, an image, uploads in progress, a
confirmation link, a correction report...
"""

import io

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
    Site,
    UploadedFile,
    Workflow,
)

from coordination import roles
from coordination.models import Agency, AgencyCategory, InternalViewLog, SchoolNetwork
from coordination.pages import directory_page_ensure
from coordination.services.correction_reports import correction_report_create
from home.models import NewsCategory, NewsIndexPage, NewsPage, OfficeSettings
from tests.coordination.self_service_support import send_link
from tests.factories import AgencyFactory, UserFactory

ROLES = (
    "anonymous",
    "no_admin",
    "admin_only",
    "staff",
    "officer",
    "director",
    "deputy",
    "superuser",
)


def role_users() -> dict:
    """One user per role of the matrix.

    "no_admin" is a Django staff account (is_staff) in no group: it may not enter Wagtail's admin.
    "admin_only" may enter the admin (wagtailadmin.access_admin) but belongs to no role's group,
    as a user from another part of the site would: it must see nothing of the registry.
    """
    superuser = UserFactory(username="admin", is_staff=True, is_superuser=True)
    admin_only = UserFactory(username="admin-only")
    admin_only.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return {
        "anonymous": None,
        "no_admin": UserFactory(username="no-admin", is_staff=True),
        "admin_only": admin_only,
        "staff": UserFactory(username="staff", groups=[roles.STAFF]),
        "officer": UserFactory(username="officer", groups=[roles.OFFICERS]),
        "director": UserFactory(username="director", groups=[roles.GROUP_DIRECTOR]),
        "deputy": UserFactory(username="deputy", groups=[roles.DEPUTY_DIRECTOR]),
        "superuser": superuser,
    }


def _png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), (11, 79, 138)).save(buffer, format="PNG")
    return ImageFile(buffer, name="matrix.png")


def _publish_child(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def world_build(users: dict) -> dict:
    """Every object the matrix's URLs name, keyed by the placeholder the table uses."""
    officer = users["officer"]
    workflow = Workflow.objects.get(name=roles.APPROVAL_WORKFLOW)

    agency = AgencyFactory(
        name_th="โรงเรียนบ้านเมทริกซ์", slug="ban-matrix", responsible_officer=officer
    )
    agency.refresh_from_db()
    live_revision = agency.live_revision
    agency.name_th = "โรงเรียนบ้านเมทริกซ์ (แก้ไข)"
    draft_revision = agency.save_revision(user=officer)
    workflow.start(agency, officer)
    agency.refresh_from_db()
    agency_task_state = agency.current_workflow_task_state

    internal_agency = AgencyFactory(
        name_th="หน่วยงานภายในเมทริกซ์", slug="internal-matrix", visibility="internal"
    )
    draft_agency = AgencyFactory(name_th="หน่วยงานร่างเมทริกซ์", slug="draft-matrix", publish=False)

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    directory = directory_page_ensure(home)
    news_index = _publish_child(home, NewsIndexPage(title="ข่าว", slug="news", intro="ข่าว"))
    page = _publish_child(
        news_index, NewsPage(title="ข่าวเมทริกซ์", slug="matrix-news", intro="ข่าวทดสอบ")
    )
    page_live_revision = page.live_revision
    page.title = "ข่าวเมทริกซ์ (แก้ไข)"
    page_draft_revision = page.save_revision(user=officer)
    workflow.start(page, officer)
    page.refresh_from_db()
    page_task_state = page.current_workflow_task_state

    private_page = _publish_child(
        news_index, NewsPage(title="ข่าวภายใน", slug="private-news", intro="ข่าวภายใน")
    )
    restriction = PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.PASSWORD, password="matrix"
    )

    collection = Collection.get_first_root_node().add_child(name="เอกสารเมทริกซ์")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="m"
    )
    document = get_document_model().objects.create(
        title="เอกสารเมทริกซ์", file=ContentFile(b"%PDF-1.4 matrix", name="matrix.pdf")
    )
    image = get_image_model().objects.create(title="ภาพเมทริกซ์", file=_png())
    uploaded_document = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_document_model()),
        file=ContentFile(b"%PDF-1.4 upload", name="upload.pdf"),
        uploaded_by_user=users["superuser"],
    )
    uploaded_image = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
        file=_png(),
        uploaded_by_user=users["superuser"],
    )

    link, link_path = send_link(agency, officer)
    report = correction_report_create(
        agency=agency, field="phone", field_label="โทรศัพท์", text="เบอร์เปลี่ยนแล้ว"
    )
    view_log = InternalViewLog.objects.create(
        agency=agency, agency_name=agency.name_th, user=users["staff"], path="/directory/"
    )
    editing_session = EditingSession.objects.create(
        user=officer,
        content_type=ContentType.objects.get_for_model(Agency),
        object_id=str(agency.pk),
        last_seen_at=agency.latest_revision.created_at,
    )
    redirect = Redirect.objects.create(old_path="/old-matrix", redirect_link="/directory/")
    news_category = NewsCategory.objects.create(name="ประกาศ", slug="announcement")
    target_user = UserFactory(username="matrix-target")

    return {
        "agency": agency.pk,
        "agency_slug": agency.slug,
        "internal_agency": internal_agency.pk,
        "internal_agency_slug": internal_agency.slug,
        "draft_agency": draft_agency.pk,
        "draft_agency_slug": draft_agency.slug,
        "agency_live_revision": live_revision.pk,
        "agency_draft_revision": draft_revision.pk,
        "agency_task_state": agency_task_state.pk,
        "agency_workflow_state": agency_task_state.workflow_state_id,
        "agency_content_type": ContentType.objects.get_for_model(Agency).pk,
        "task": agency_task_state.task_id,
        "workflow": workflow.pk,
        "home": home.pk,
        "directory": directory.pk,
        "news_index": news_index.pk,
        "page": page.pk,
        "page_live_revision": page_live_revision.pk,
        "page_draft_revision": page_draft_revision.pk,
        "page_task_state": page_task_state.pk,
        "page_workflow_state": page_task_state.workflow_state_id,
        "page_restriction": restriction.pk,
        "private_page": private_page.pk,
        "collection": collection.pk,
        "collection_restriction": collection_restriction.pk,
        "document": document.pk,
        "document_filename": document.filename,
        "image": image.pk,
        "uploaded_document": uploaded_document.pk,
        "uploaded_image": uploaded_image.pk,
        "confirmation_token": link_path.strip("/").split("/")[-1],
        "confirmation_link": link.pk,
        "correction_report": report.pk,
        "view_log": view_log.pk,
        "editing_session": editing_session.pk,
        "redirect": redirect.pk,
        "site": site.pk,
        "office_settings": OfficeSettings.for_site(site).pk,
        "news_category": news_category.pk,
        "agency_category": AgencyCategory.objects.first().pk,
        "school_network": SchoolNetwork.objects.create(name_th="เครือข่ายเมทริกซ์", slug="nw-m").pk,
        "user": target_user.pk,
        "group": Group.objects.get(name=roles.OFFICERS).pk,
    }
