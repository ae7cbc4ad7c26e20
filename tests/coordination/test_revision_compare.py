"""Wagtail's "compare revisions" view of an agency reads in Thai: ใช่/ไม่ใช่, not True/False."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from coordination.models import Agency
from tests.coordination.admin_forms import agency_edit_form_data, agency_form_data

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_coordination_agency"


def test_compare_view_shows_thai_values(client, deputy):
    client.force_login(deputy)
    client.post(reverse(f"{NS}:add"), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")

    data = agency_edit_form_data(agency, teaches_kindergarten="on", students="")
    del data["teaches_primary"]
    data["contacts-0-mobile_public"] = "on"
    data["contacts-0-period_from"] = "2024-05-16"
    client.post(reverse(f"{NS}:edit", args=[agency.pk]), data)  # a draft

    url = reverse(f"{NS}:revisions_compare", args=[agency.pk, "live", "latest"])
    response = client.get(url)
    assert response.status_code == 200
    table = WagtailTestUtils.get_soup(response.content).select_one("main table.listing")
    rows = {
        row.select_one("td.title").get_text(strip=True).rstrip(":"): row.select_one("td.comparison")
        for row in table.select("tbody > tr")
    }

    def diff(cell) -> tuple[list[str], list[str]]:
        return (
            [d.get_text() for d in cell.select(".deletion")],
            [a.get_text() for a in cell.select(".addition")],
        )

    assert diff(rows["เปิดสอนระดับอนุบาล"]) == (["ไม่ใช่"], ["ใช่"])
    assert diff(rows["เปิดสอนระดับประถมศึกษา"]) == (["ใช่"], ["ไม่ใช่"])
    assert diff(rows["จำนวนนักเรียน"]) == (["96"], ["—"])
    contact = " ".join(rows["ผู้ประสานงาน"].get_text(" ").split())
    assert "เผยแพร่มือถือส่วนตัว ไม่ใช่ ใช่" in contact
    assert "ดำรงตำแหน่งตั้งแต่ — 16 พฤษภาคม 2567" in contact
    text = table.get_text(" ")
    for english in ("True", "False", "None"):
        assert english not in text
