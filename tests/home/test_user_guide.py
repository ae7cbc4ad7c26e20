"""The help menu's Thai user guide: each role is led to its own page, which only users who have
logged in to the admin can read (home/guide.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.test_admin_thai import menu_item, sidebar_menu
from tests.test_translations import assert_thai, shown_text

INDEX = "/admin/guide/"


def help_links(response) -> dict[str, str]:
    """The help menu's items: {name: url}."""
    help_menu = menu_item(sidebar_menu(response), "help")
    return {item["_args"][0]["name"]: item["_args"][0]["url"] for item in help_menu["_args"][1]}


def headings(response) -> list[str]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [h.get_text(" ", strip=True) for h in soup.select("article.user-guide h2")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("officer", "/admin/guide/officer/"),
        ("director", "/admin/guide/supervisor/"),
        ("deputy", "/admin/guide/supervisor/"),
        ("staff_member", "/admin/guide/staff/"),
        ("superuser", INDEX),
    ],
)
def test_help_menu_leads_each_role_to_its_guide(client, request, role, url):
    client.force_login(request.getfixturevalue(role))

    links = help_links(client.get(reverse("wagtailadmin_home")))

    assert links["user-guide"] == url
    assert list(links) == ["user-guide", "keyboard-shortcuts-trigger"]
    assert "คู่มือการใช้งาน" in shown_text(client.get(reverse("wagtailadmin_home")))
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_guide_needs_login(client):
    for url in (INDEX, "/admin/guide/officer/", "/admin/guide/supervisor/", "/admin/guide/staff/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_unknown_guide_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get("/admin/guide/webmaster/").status_code == 404


@pytest.mark.django_db
def test_index_lists_every_role(client, superuser):
    client.force_login(superuser)

    response = client.get(INDEX, HTTP_ACCEPT_LANGUAGE="en")
    soup = BeautifulSoup(response.content.decode(), "html.parser")

    assert soup.h1.get_text(strip=True) == "คู่มือการใช้งาน"
    links = {a["href"] for a in soup.select("article.user-guide a")}
    assert links >= {"/admin/guide/officer/", "/admin/guide/supervisor/", "/admin/guide/staff/"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "sections"),
    [
        (
            "officer",
            [
                "ค้นหาหน่วยงานในทะเบียน",
                "เพิ่มหรือแก้ไขข้อมูลหน่วยงาน",
                "ผู้ประสานงานและการเปิดเผยข้อมูลส่วนบุคคล (PDPA)",
                "ส่งเพื่อพิจารณา (ขั้นตอนที่ 5.3)",
                "เมื่อถูกส่งกลับให้แก้ไข",
            ],
        ),
        (
            "supervisor",
            [
                "รายการที่รอการพิจารณา",
                "ดูตัวอย่าง: บัตรสาธารณะเทียบกับบัตรเจ้าหน้าที่",
                "อนุมัติ หรือส่งกลับให้แก้ไข",
                "เมื่อเผยแพร่แล้วเกิดอะไรขึ้น",
            ],
        ),
        (
            "staff",
            [
                "ทำเนียบหน่วยงานในมุมมองเจ้าหน้าที่",
                "ค้นหาหน่วยงาน",
                "ข้อมูลของหน่วยงาน",
                "ประวัติการแก้ไข",
                "การเปิดดูข้อมูลภายในถูกบันทึกไว้",
            ],
        ),
    ],
)
def test_each_guide_is_thai_with_its_key_sections(client, staff_member, slug, sections):
    client.force_login(staff_member)  # any role may read every role's page

    response = client.get(f"/admin/guide/{slug}/", HTTP_ACCEPT_LANGUAGE="en")
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = headings(response)

    assert response.status_code == 200
    assert soup.html["lang"] == "th"
    for section in sections:
        assert any(section in heading for heading in found), (section, found)
    assert "ขั้นตอนที่ 5." in shown_text(response)  # tied to the operations manual's steps
    assert_thai(shown_text(response), thai=["คู่มือการใช้งาน"], not_english=["Help", "Dashboard"])
    # Pictures are figures with a Thai description and caption, and are shipped with the site.
    figures = soup.select("article.user-guide figure")
    assert figures
    for figure in figures:
        image = figure.img
        assert image["alt"].strip() and figure.figcaption.get_text(strip=True)
        assert image["src"].startswith("/static/home/guide/")
        assert finders.find(image["src"].removeprefix("/static/")), image["src"]
