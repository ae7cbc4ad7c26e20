"""Pages speak the same approval flow as agencies (coordination.workflow_messages)."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.home.test_page_workflow import edit_form, edit_url

DASHBOARD = "wagtailadmin_home"


def flashed(client) -> str:
    soup = BeautifulSoup(client.get(reverse(DASHBOARD)).content.decode(), "html.parser")
    return "\n".join(" ".join(li.stripped_strings) for li in soup.select(".messages li"))


def dashboard_action(client, page, action, comment=""):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(
        url + "?next=" + reverse(DASHBOARD),
        {"comment": comment},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_page_approval_says_what_happened(client, officer, director, deputy, standard_page):
    client.force_login(officer)
    data = edit_form(client, standard_page, title="ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับปรับปรุง")
    data["action-submit"] = "action-submit"
    client.post(edit_url(standard_page), data)
    assert "ส่งพิจารณาแล้ว: หน้าเว็บ 'ประชาสัมพันธ์ข้อมูลพื้นฐาน ฉบับปรับปรุง'" in flashed(client)

    client.force_login(director)
    soup = BeautifulSoup(client.get(reverse(DASHBOARD)).content.decode(), "html.parser")
    assert [c.get_text(strip=True) for c in soup.select("[data-item-kind]")] == ["หน้าเว็บ"]
    dashboard_action(client, standard_page, "approve")
    assert "อนุมัติขั้นที่ 1 แล้ว ส่งต่อรองผู้อำนวยการ" in flashed(client)

    client.force_login(deputy)
    dashboard_action(client, standard_page, "reject", comment="ตรวจชื่อเรื่องอีกครั้ง")
    assert "ส่งกลับให้แก้ไขแล้ว: หน้าเว็บ" in flashed(client)

    client.force_login(officer)
    editor = BeautifulSoup(client.get(edit_url(standard_page)).content.decode(), "html.parser")
    [note] = editor.select("[data-review-note]")
    assert "ตรวจชื่อเรื่องอีกครั้ง" in note.get_text()
    assert deputy.get_full_name() in note.get_text()


def test_page_cancel_is_last_and_confirmed(client, officer, director, standard_page):
    client.force_login(officer)
    data = edit_form(client, standard_page)
    data["action-submit"] = "action-submit"
    client.post(edit_url(standard_page), data)

    client.force_login(director)
    editor = BeautifulSoup(client.get(edit_url(standard_page)).content.decode(), "html.parser")
    [cancel] = editor.select("a[data-cancel-workflow]")
    revisions = standard_page.revisions.count()
    assert "ยืนยันการยกเลิกขั้นตอนการอนุมัติ" in client.get(cancel["href"]).content.decode()
    client.post(cancel["href"])
    standard_page.refresh_from_db()
    assert not standard_page.workflow_in_progress
    assert standard_page.revisions.count() == revisions
