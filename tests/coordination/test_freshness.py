"""Freshness in public (issue 11, item 6): "ตรวจสอบข้อมูลล่าสุด <BE date>" on agency pages and
cards, and the directory's "verified within a year" filter."""

from datetime import timedelta

import pytest
import time_machine

from coordination.cards import agency_public_view
from coordination.services.review import agencies_verify
from coordination.thai_dates import thai_date
from tests.coordination.directory_support import directory_page
from tests.coordination.review_support import NOW
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_agency_page_and_card_show_the_verification_date_not_who(client, clock):
    page = directory_page()
    checker = UserFactory(username="checker", first_name="ผู้ตรวจ", last_name="ลับเฉพาะ")
    agency = AgencyFactory(name_th="สำนักงานตรวจแล้ว", last_verified_at=NOW - timedelta(days=3))
    agency.last_verified_by = checker
    agency.save(update_fields=["last_verified_by"])
    expected = f"ตรวจสอบข้อมูลล่าสุด {thai_date(NOW - timedelta(days=3))}"
    assert str((NOW - timedelta(days=3)).year + 543) in expected
    content = client.get(f"{page.url}{agency.slug}/").content.decode()
    assert expected in content
    assert "ลับเฉพาะ" not in content
    listing = client.get(page.url).content.decode()
    assert expected in listing
    assert agency_public_view(agency).verified_on == (NOW - timedelta(days=3)).date()


def test_a_verification_shows_at_once_on_a_cached_page(
    client, clock, django_capture_on_commit_callbacks
):
    page = directory_page()
    agency = AgencyFactory(name_th="หน่วยงานที่เพิ่งตรวจ")
    url = f"{page.url}{agency.slug}/"
    assert "ตรวจสอบข้อมูลล่าสุด" not in client.get(url).content.decode()
    clock.shift(timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        agencies_verify([agency], user=UserFactory(username="v"))
    content = client.get(url).content.decode()
    assert f"ตรวจสอบข้อมูลล่าสุด {thai_date(NOW + timedelta(days=1))}" in content


def test_directory_filter_verified_within_a_year(client, clock):
    page = directory_page()
    AgencyFactory(name_th="ตรวจเมื่อร้อยวันก่อน", last_verified_at=NOW - timedelta(days=100))
    AgencyFactory(name_th="ตรวจเมื่อสี่ร้อยวันก่อน", last_verified_at=NOW - timedelta(days=400))
    AgencyFactory(name_th="ไม่เคยตรวจสอบ")
    content = client.get(page.url).content.decode()
    assert "ตรวจสอบข้อมูลภายใน 1 ปี" in content  # the checkbox's label
    assert "ตรวจเมื่อสี่ร้อยวันก่อน" in content
    content = client.get(f"{page.url}?verified=1y").content.decode()
    assert "ตรวจเมื่อร้อยวันก่อน" in content
    assert "ตรวจเมื่อสี่ร้อยวันก่อน" not in content
    assert "ไม่เคยตรวจสอบ" not in content
    assert 'name="verified" value="1y" checked' in content
    # Combined with the other filters, and kept by the pagination links' query string.
    content = client.get(f"{page.url}?verified=1y&scope=internal").content.decode()
    assert "ตรวจเมื่อร้อยวันก่อน" not in content


def test_verified_filter_is_its_own_cached_page(client, clock):
    page = directory_page()
    AgencyFactory(name_th="ตรวจเมื่อสี่ร้อยวันก่อน", last_verified_at=NOW - timedelta(days=400))
    assert "ตรวจเมื่อสี่ร้อยวันก่อน" in client.get(page.url).content.decode()
    assert "ตรวจเมื่อสี่ร้อยวันก่อน" not in client.get(f"{page.url}?verified=1y").content.decode()
    assert "ตรวจเมื่อสี่ร้อยวันก่อน" in client.get(page.url).content.decode()
