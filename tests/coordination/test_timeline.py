"""Staff read one merged timeline per agency: actions and field-level changes, contacts included."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from coordination.models import Agency, AgencyPhone, Contact
from coordination.services.review import agencies_verify
from tests.coordination.admin_forms import (
    Autosave,
    agency_edit_form_data,
    agency_form_data,
    contact_form_data,
)
from tests.factories import AgencyFactory, SchoolNetworkFactory

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_coordination_agency"


def approve(client, agency, user, comment=""):
    client.force_login(user)
    state = agency.current_workflow_task_state
    url = reverse(f"{NS}:workflow_action", args=[agency.pk, "approve", state.pk])
    client.post(url, {"comment": comment})
    agency.refresh_from_db()


def test_timeline_merges_actions_and_changes(client, officer, director, deputy, staff_member):
    client.force_login(officer)
    client.post(reverse(f"{NS}:add"), {**agency_form_data(), "action-submit": "submit"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    approve(client, agency, director, comment="ตรวจสอบกับหนังสือราชการแล้ว ถูกต้อง")
    approve(client, agency, deputy)
    url = reverse("coordination_admin:agency_timeline", args=[agency.pk])
    client.force_login(staff_member)
    client.get(url)
    with CaptureQueriesContext(connection) as short_history:
        client.get(url)

    client.force_login(officer)
    data = agency_edit_form_data(agency, email="saraban@example.go.th")
    data["contacts-0-phone"] = "056-531-199"
    client.post(reverse(f"{NS}:edit", args=[agency.pk]), {**data, "action-submit": "submit"})
    agency.refresh_from_db()
    approve(client, agency, director)
    approve(client, agency, deputy)

    client.force_login(staff_member)
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "banthungpho@example.go.th" in content and "saraban@example.go.th" in content
    assert "056 531 100 ต่อ 11" in content and "056 531 199" in content  # the contact's phone
    assert "อีเมลทั่วไป" in content  # field label in Thai
    entries = response.context["entries"]
    assert entries[0].at >= entries[-1].at  # newest first
    actors = {e.actor for e in entries}
    assert {officer.get_full_name(), director.get_full_name(), deputy.get_full_name()} <= actors
    assert "ตรวจสอบกับหนังสือราชการแล้ว ถูกต้อง" in content  # the approver's comment

    # A fixed number of queries, whatever the length of the history.
    with CaptureQueriesContext(connection) as long_history:
        client.get(url)
    assert len(long_history) == len(short_history) <= 20


def test_timeline_of_a_deleted_agency_is_still_readable(client, deputy):
    client.force_login(deputy)
    client.post(reverse(f"{NS}:add"), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    pk = agency.pk
    client.post(reverse(f"{NS}:delete", args=[pk]))
    assert not Agency.objects.filter(pk=pk).exists()
    response = client.get(reverse("coordination_admin:agency_timeline", args=[pk]))
    assert response.status_code == 200
    assert "หน่วยงานนี้ถูกลบแล้ว" in response.content.decode()
    assert "โรงเรียนบ้านทุ่งโพ" in response.content.decode()


def test_timeline_needs_view_permission(client, django_user_model):
    user = django_user_model.objects.create_user("outsider", password="x")
    client.force_login(user)
    response = client.get(reverse("coordination_admin:agency_timeline", args=[1]))
    assert response.status_code in (302, 403)


def timeline(client, agency):
    response = client.get(reverse("coordination_admin:agency_timeline", args=[agency.pk]))
    assert response.status_code == 200
    return response


def shown_text(response) -> str:
    main = WagtailTestUtils.get_soup(response.content).find("main")
    return " ".join(main.get_text(" ").split())


def test_autosave_then_publish_is_one_creation_and_one_publication(client, deputy):
    """While a new agency is typed, Wagtail 8 autosaves it: a draft, never a change of live data."""
    client.force_login(deputy)
    autosave = Autosave(client, reverse(f"{NS}:add"))
    data = autosave.save(agency_form_data(name_th="โรงเรียนบ้าน", email="draft@example.go.th"))
    data = autosave.save({**data, "name_th": "โรงเรียนบ้านทุ่ง", "contacts-0-position": "รักษาการ"})
    data = autosave.save(
        {
            **data,
            "name_th": "โรงเรียนบ้านทุ่งโพ",
            "email": "banthungpho@example.go.th",
            "contacts-0-position": "ผู้อำนวยการโรงเรียนบ้านทุ่งโพ",
        }
    )
    agency = Agency.objects.get(slug="ban-thung-pho")
    before = [e.title for e in timeline(client, agency).context["entries"]]
    assert before.count("สร้างแล้ว") == 1
    assert not [t for t in before if "เผยแพร่" in t or "สร้างข้อมูล" in t]

    client.post(autosave.url, {**data, "action-publish": "publish"})
    response = timeline(client, agency)
    entries = response.context["entries"]
    titles = [e.title for e in entries]
    assert titles.count("สร้างแล้ว") == 1
    assert titles.count("เผยแพร่แล้ว") == 1
    assert not [t for t in titles if "สร้างข้อมูล" in t or "แก้ไขข้อมูลที่เผยแพร่" in t]
    # The publication shows what went live, and only that: no value of the drafts.
    (published,) = [e for e in entries if e.title == "เผยแพร่แล้ว"]
    shown = {(r.heading, c.label, c.new) for r in published.records for c in r.changes}
    assert ("หน่วยงาน: โรงเรียนบ้านทุ่งโพ", "อีเมลทั่วไป", "banthungpho@example.go.th") in shown
    assert (
        "ผู้ประสานงาน: นายประสิทธิ์ ทองดี (เพิ่ม)",
        "ตำแหน่ง",
        "ผู้อำนวยการโรงเรียนบ้านทุ่งโพ",
    ) in shown
    text = shown_text(response)
    assert "draft@example.go.th" not in text
    assert "รักษาการ" not in text


def test_timeline_reads_in_thai(client, deputy):
    """Labels are the fields' Thai names; values are names, ใช่/ไม่ใช่ and choice labels."""
    parent = AgencyFactory(name_th="สพป.อุทัยธานี เขต 1")
    network = SchoolNetworkFactory(name_th="เครือข่ายหนองฉาง 1")
    client.force_login(deputy)
    second = contact_form_data(name="นางสาวมาลี ใจงาม", position="ครูธุรการ", mobile="", line_id="")
    created = agency_form_data(contacts=[contact_form_data(), second])
    client.post(reverse(f"{NS}:add"), {**created, "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")

    data = agency_edit_form_data(
        agency,
        parent=parent.pk,
        school_network=network.pk,
        teaches_kindergarten="on",
        size_band="medium",
        contacts=[contact_form_data(mobile_public="on"), second],
    )
    del data["teaches_primary"]
    data["contacts-0-ORDER"], data["contacts-1-ORDER"] = "1", "0"  # the head moves down
    data["phones-0-is_public"] = "on"
    client.post(reverse(f"{NS}:edit", args=[agency.pk]), {**data, "action-publish": "publish"})
    # Verifying is an action on the live record (no draft): the history names who did it.
    agencies_verify([Agency.objects.get(pk=agency.pk)], user=deputy)

    response = timeline(client, agency)
    changes = {
        (c.label, c.old, c.new)
        for e in response.context["entries"]
        for r in e.records
        for c in r.changes
    }
    assert {
        ("สังกัด/หน่วยงานแม่", "—", "สพป.อุทัยธานี เขต 1"),
        ("เครือข่ายสถานศึกษา", "—", "เครือข่ายหนองฉาง 1"),
        ("ตรวจสอบโดย", "—", deputy.get_full_name()),
        ("เปิดสอนระดับอนุบาล", "ไม่ใช่", "ใช่"),
        ("เปิดสอนระดับประถมศึกษา", "ใช่", "ไม่ใช่"),
        ("ขนาดโรงเรียน", "ขนาดเล็ก (ไม่เกิน 120 คน)", "ขนาดกลาง (121–600 คน)"),
        ("เผยแพร่มือถือส่วนตัว", "ไม่ใช่", "ใช่"),
        ("เผยแพร่สาธารณะ", "ไม่ใช่", "ใช่"),  # the phone
        ("ลำดับ", "1", "2"),
        ("ลำดับ", "2", "1"),
    } <= changes

    thai_labels = {"ลำดับ"} | {
        str(f.verbose_name)
        for model in (Agency, Contact, AgencyPhone)
        for f in model._meta.concrete_fields
        if f.name not in {"id", "agency", "sort_order"}
    }
    soup = WagtailTestUtils.get_soup(response.content)
    row_labels = {th.get_text(strip=True) for th in soup.select("main tbody th[scope=row]")}
    assert row_labels and row_labels <= thai_labels
    text = shown_text(response)
    for raw in ("True", "False", "None", "sort order", "agency"):
        assert raw not in text
    assert not re.search(r"#\d", text)


def test_a_long_timeline_is_read_a_page_at_a_time(client, deputy, settings):
    """Two hundred revisions made a 486 KB page: the timeline shows 50 entries a page, newest
    first, with page links, and the count of all of them."""
    from coordination import admin_views

    client.force_login(deputy)
    agency = AgencyFactory(name_th="โรงเรียนแก้ไขบ่อย")
    for n in range(admin_views.TIMELINE_PER_PAGE + 5):
        agency.road = f"ถนนสายที่ {n}"
        agency.save_revision(user=deputy, log_action=True)
    response = timeline(client, agency)
    total = response.context["total"]
    assert total > admin_views.TIMELINE_PER_PAGE
    first = response.context["entries"]
    assert len(first) == admin_views.TIMELINE_PER_PAGE
    assert f"{total} รายการ ใหม่สุดก่อน" in shown_text(response)
    soup = WagtailTestUtils.get_soup(response.content)
    assert soup.select_one('nav.pagination a[href="?p=2"]') is not None

    second = client.get(
        reverse("coordination_admin:agency_timeline", args=[agency.pk]), {"p": 2}
    ).context["entries"]
    assert len(second) == total - admin_views.TIMELINE_PER_PAGE
    assert second[0].at <= first[-1].at  # the older ones, still newest first
