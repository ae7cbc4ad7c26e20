"""The staff view of the directory: permission-checked, never cached, and every view of internal
contact details is logged in a read-only admin log."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from coordination.models import InternalViewLog
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(db):
    directory_page()
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", tags=["ขยายโอกาส"])
    AgencyPhoneFactory(agency=agency, number="056-511-061")
    AgencyPhoneFactory(agency=agency, number="056-999-000", is_public=False)
    ContactFactory(
        agency=agency,
        name="นางสาวใจดี มีสุข",
        mobile="081-234-5678",
        line_id="jaidee.line",
        home_address="บ้านเลขที่ 7 หมู่ 1",
    )
    return agency


def test_anonymous_visitors_are_sent_to_log_in(client, agency):
    for path in (f"/directory/{agency.slug}/?view=staff", "/directory/?view=staff"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not InternalViewLog.objects.exists()


def test_logged_in_users_without_the_registry_permission_are_refused(client, agency):
    client.force_login(UserFactory(username="visitor"))
    assert client.get(f"/directory/{agency.slug}/?view=staff").status_code == 403
    assert client.get("/directory/?view=staff").status_code == 403
    assert not InternalViewLog.objects.exists()


def test_staff_see_internal_details_and_the_view_is_logged(client, staff_member, agency):
    client.force_login(staff_member)
    response = client.get(f"/directory/{agency.slug}/?view=staff")
    assert response.status_code == 200
    html = response.content.decode()
    for internal in ("056-999-000", "081-234-5678", "jaidee.line", "บ้านเลขที่ 7 หมู่ 1", "ขยายโอกาส"):
        assert internal in html
    assert "มุมมองเจ้าหน้าที่" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "application/ld+json" not in html
    log = InternalViewLog.objects.get()
    assert (log.agency, log.agency_name, log.user) == (agency, agency.name_th, staff_member)
    assert log.path == f"/directory/{agency.slug}/?view=staff"


def test_each_view_writes_its_own_log_row(client, staff_member, agency):
    client.force_login(staff_member)
    client.get(f"/directory/{agency.slug}/?view=staff")
    client.get(f"/directory/{agency.slug}/?view=staff")
    assert InternalViewLog.objects.filter(agency=agency, user=staff_member).count() == 2


def test_the_public_page_shows_no_internal_details_to_staff_either(client, staff_member, agency):
    client.force_login(staff_member)
    html = client.get(f"/directory/{agency.slug}/").content.decode()
    assert "081-234-5678" not in html and "056-999-000" not in html
    assert 'href="?view=staff"' in html
    assert not InternalViewLog.objects.exists()


def test_internal_agencies_reach_staff_only(client, staff_member):
    directory_page()
    internal = AgencyFactory(name_th="กลุ่มตรวจสอบภายใน (ภายใน)", visibility="internal")
    AgencyFactory(name_th="ฉบับร่างไม่เผยแพร่", publish=False)
    assert client.get(f"/directory/{internal.slug}/").status_code == 404
    client.force_login(staff_member)
    assert client.get(f"/directory/{internal.slug}/").status_code == 404
    staff_card = client.get(f"/directory/{internal.slug}/?view=staff")
    assert staff_card.status_code == 200
    assert "ใช้ภายในเท่านั้น" in staff_card.content.decode()
    listing = client.get("/directory/?view=staff").content.decode()
    assert f'href="/directory/{internal.slug}/?view=staff"' in listing
    assert "ฉบับร่างไม่เผยแพร่" not in listing
    assert 'name="view" value="staff"' in listing


def test_staff_listing_pages_keep_the_staff_view(client, staff_member):
    directory_page()
    for n in range(21):
        AgencyFactory(name_th=f"หน่วยงาน {n:02d}", visibility="internal")
    client.force_login(staff_member)
    html = client.get("/directory/?view=staff").content.decode()
    assert 'href="?view=staff&amp;page=2"' in html


# The log in the admin ---------------------------------------------------------------------


def test_supervisors_read_the_log_in_the_admin(client, staff_member, deputy, director, agency):
    client.force_login(staff_member)
    client.get(f"/directory/{agency.slug}/?view=staff")
    log = InternalViewLog.objects.get()
    index = reverse("internal_view_log:index")
    for supervisor in (deputy, director):
        client.force_login(supervisor)
        response = client.get(index)
        assert response.status_code == 200
        html = response.content.decode()
        assert agency.name_th in html
        assert reverse("internal_view_log:add") not in html
        inspect = client.get(reverse("internal_view_log:inspect", args=[log.pk]))
        assert inspect.status_code == 200


def test_the_log_is_read_only_even_for_superusers(client, superuser, staff_member, agency):
    client.force_login(staff_member)
    client.get(f"/directory/{agency.slug}/?view=staff")
    log = InternalViewLog.objects.get()
    client.force_login(superuser)
    assert client.get(reverse("internal_view_log:index")).status_code == 200
    assert client.get(reverse("internal_view_log:add")).status_code in (302, 403)
    assert client.get(reverse("internal_view_log:edit", args=[log.pk])).status_code in (302, 403)
    response = client.post(reverse("internal_view_log:delete", args=[log.pk]))
    assert response.status_code in (302, 403)
    assert InternalViewLog.objects.filter(pk=log.pk).exists()


def test_officers_and_staff_cannot_read_the_log(client, officer, staff_member):
    for user in (officer, staff_member):
        client.force_login(user)
        response = client.get(reverse("internal_view_log:index"))
        assert response.status_code in (302, 403)


# The staff directory listing -------------------------------------------------------------


def test_staff_listing_cards_show_every_phone_and_email_with_internal_ones_marked(
    client, staff_member, agency
):
    agency.email = "info@nongchang.example.ac.th"
    agency.email_saraban = "saraban@nongchang.example.ac.th"
    agency.save()
    AgencyPhoneFactory(agency=agency, kind="fax", number="056-511-062 ต่อ 15")
    client.force_login(staff_member)
    response = client.get("/directory/?view=staff")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    item = soup.select_one(".directory-item")
    text = " ".join(item.stripped_strings)
    tel_links = {a["href"] for a in item.select('a[href^="tel:"]')}
    assert {"tel:+6656511061", "tel:+6656999000", "tel:+6656511062,15"} <= tel_links
    assert "โทรสาร" in text and "ต่อ 15" in text
    mail_links = {a["href"] for a in item.select('a[href^="mailto:"]')}
    assert "mailto:info@nongchang.example.ac.th" in mail_links
    assert "mailto:saraban@nongchang.example.ac.th" in mail_links
    internal_phone = item.find("a", href="tel:+6656999000").parent
    assert internal_phone.select_one(".badge-internal").get_text() == "ภายใน"
    public_phone = item.find("a", href="tel:+6656511061").parent
    assert public_phone.select_one(".badge-internal") is None
    # The contact person's internal details, as the staff card shows them.
    assert "นางสาวใจดี มีสุข" in text
    assert item.find("a", href="tel:+66812345678") is not None
    assert "jaidee.line" in text
    assert "บ้านเลขที่ 7 หมู่ 1" not in text  # the home address stays on the agency's own page


def test_viewing_the_staff_listing_is_logged_for_agencies_with_internal_details(
    client, staff_member, agency
):
    plain = AgencyFactory(name_th="หน่วยงานที่ไม่มีข้อมูลภายใน")
    AgencyPhoneFactory(agency=plain, number="056-511-070")
    client.force_login(staff_member)
    client.get("/directory/?view=staff")
    logs = list(InternalViewLog.objects.all())
    assert [(log.agency, log.user, log.path) for log in logs] == [
        (agency, staff_member, "/directory/?view=staff")
    ]


def test_public_listing_shows_no_internal_phone_to_staff(client, staff_member, agency):
    client.force_login(staff_member)
    html = client.get("/directory/").content.decode()
    assert "056-999-000" not in html and "081-234-5678" not in html
    assert not InternalViewLog.objects.exists()


# The way in from the admin ----------------------------------------------------------------


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def admin_menu_strings(client) -> set[str]:
    """Labels and URLs of the admin's sidebar menu (rendered by its JavaScript from JSON props)."""
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    props = soup.find("script", id="wagtail-sidebar-props")
    return set(_strings(json.loads(props.string)))


def test_the_admin_menu_links_the_internal_directory_for_its_readers(client, staff_member):
    directory_page()
    client.force_login(staff_member)
    link = reverse("coordination_admin:internal_directory")
    menu = admin_menu_strings(client)
    assert {"สมุดรายชื่อภายใน", link} <= menu
    redirect = client.get(link)
    assert redirect.status_code == 302
    assert redirect["Location"] == "/directory/?view=staff"
    assert client.get(redirect["Location"]).status_code == 200


def test_the_admin_menu_hides_it_from_users_who_may_not_read_it(client):
    directory_page()
    editor = UserFactory(username="page-editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    link = reverse("coordination_admin:internal_directory")
    menu = admin_menu_strings(client)
    assert "สมุดรายชื่อภายใน" not in menu and link not in menu
    assert client.get(link).status_code in (302, 403)
