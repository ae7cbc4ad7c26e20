"""An agency corrects its own phone number through the office's link (issue 11, manual step 5.6).

The officer sends "ขอให้หน่วยงานยืนยันข้อมูล" from the agency's editor; the school opens the
e-mailed link on a 360 px phone and corrects its office number; the group director and then the
deputy director approve in the admin; the public page shows the new number, and the record counts
as verified as of the school's answer (the staff's detail page shows the date).
"""

import re

import pytest
from django.core import mail
from django.utils import timezone

from coordination.models import Agency, ConfirmationRequest
from coordination.thai_dates import thai_date
from tests.e2e.conftest import admin_login, click_action, demo_password
from tests.e2e.test_approval_journey import check_axe

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTH = 360
NEW_NUMBER = "056-599-321 ต่อ 7"
SUBJECT = "ขอให้ตรวจสอบและยืนยันข้อมูลหน่วยงาน"


def login(new_page, base: str, username: str):
    page = new_page()
    admin_login(page, base, username, demo_password())
    return page


def document_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def demo_school() -> Agency:
    """A published public school of the demo, with an e-mail and an office phone, not in
    approval."""
    candidates = (
        Agency.objects.filter(live=True, visibility="public", category__kind="school")
        .exclude(email="")
        .filter(phones__kind="office")
        .order_by("name_sort")
        .distinct()
    )
    return next(agency for agency in candidates if not agency.workflow_in_progress)


def test_agency_corrects_its_phone_on_a_phone_and_supervisors_approve(
    live_server, new_page, demo_site, artifacts
):
    base = live_server.url
    school = demo_school()
    old_number = school.phones.filter(kind="office").order_by("sort_order").first().number

    # The officer sends the request from the agency's editor (the header's actions menu).
    officer = login(new_page, base, "officer")
    officer.goto(f"{base}/admin/snippets/coordination/agency/edit/{school.pk}/")
    officer.locator("header [data-w-dropdown-target='toggle']").first.click()
    with officer.expect_navigation():
        officer.get_by_role("link", name="ขอให้หน่วยงานยืนยันข้อมูล").click()
    officer.get_by_role("radio", name=f"อีเมลทั่วไปของหน่วยงาน: {school.email}").check()
    with officer.expect_navigation():
        officer.get_by_role("button", name="ส่งลิงก์").click()
    assert "ส่งลิงก์ขอให้ยืนยันข้อมูลถึง" in officer.locator(".messages").inner_text()
    message = next(m for m in mail.outbox if m.subject.startswith(SUBJECT))
    assert message.to == [school.email]
    url = re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)

    # The school opens the link on a phone and corrects its office number.
    phone = new_page(width=WIDTH, height=780)
    response = phone.goto(url)
    assert response.status == 200
    assert document_width(phone) <= WIDTH
    assert (
        phone.locator("#id_phones-0-number")
        .input_value()
        .replace("-", " ")
        .startswith(old_number.split(" ต่อ")[0][:3])
    )
    axe_report: dict = {}
    check_axe(phone, "self-service form at 360 px", axe_report)
    phone.locator("#id_phones-0-number").fill("05-ABC")  # a slip of the thumb first
    phone.get_by_label("ชื่อ-นามสกุลผู้ตอบ").fill("นางสาวมาลี ศรีสุข")
    phone.locator("#id_respondent-position").fill("เจ้าหน้าที่ธุรการ")
    with phone.expect_navigation():
        phone.get_by_role("button", name="ส่งข้อมูลที่แก้ไข").click()
    summary = phone.locator("#error-summary")
    assert "ไม่ใช่ตัวเลข" in summary.inner_text()
    assert phone.locator("#id_phones-0-number").input_value() == "05-ABC"
    assert phone.locator("#id_respondent-name").input_value() == "นางสาวมาลี ศรีสุข"
    assert document_width(phone) <= WIDTH
    check_axe(phone, "self-service form with errors at 360 px", axe_report)
    summary.get_by_role("link").first.click()
    assert phone.evaluate("document.activeElement.id") == "id_phones-0-number"
    phone.locator("#id_phones-0-number").fill(NEW_NUMBER)
    assert document_width(phone) <= WIDTH
    phone.screenshot(path=artifacts / "self-service-form-360.png", full_page=True)
    with phone.expect_navigation():
        phone.get_by_role("button", name="ส่งข้อมูลที่แก้ไข").click()
    assert "หลังผู้บังคับบัญชาอนุมัติ" in phone.inner_text("main")
    assert document_width(phone) <= WIDTH
    # The link is spent.
    assert phone.goto(url).status == 410

    visitor = new_page()
    public_url = f"{base}/directory/{school.slug}/"
    visitor.goto(public_url)
    assert "056 599 321" not in visitor.inner_text("main")

    # The group director, then the deputy director, approve in the admin.
    for username, said in (("director", "อนุมัติขั้นที่ 1 แล้ว"), ("deputy", "เผยแพร่แล้ว")):
        approver = login(new_page, base, username)
        approver.goto(f"{base}/admin/snippets/coordination/agency/edit/{school.pk}/")
        click_action(
            approver,
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])",
        )
        assert said in approver.locator(".messages").inner_text()

    school.refresh_from_db()
    link = ConfirmationRequest.objects.get(agency=school)
    assert school.live and not school.workflow_in_progress
    assert school.last_verified_at == link.used_at

    # The public page shows the new number; staff see when and by whom it was verified.
    visitor.goto(public_url)
    assert "056 599 321 ต่อ 7" in visitor.inner_text("main")
    verified_on = thai_date(timezone.localdate(link.used_at))
    assert f"ตรวจสอบข้อมูลล่าสุด {verified_on}" in " ".join(visitor.inner_text("main").split())
    staff = login(new_page, base, "staff")
    staff.goto(f"{base}/admin/snippets/coordination/agency/inspect/{school.pk}/")
    detail = staff.inner_text("main")
    assert thai_date(link.used_at, with_time=True) in detail
    history = staff.goto(f"{base}/admin/coordination/agency/{school.pk}/timeline/")
    assert history.status == 200
    assert "นางสาวมาลี ศรีสุข" in staff.inner_text("main")
