"""An officer works in the real admin in Chromium: Thai labels, cascading address pickers."""

import time

import pytest

from coordination.models import Agency
from coordination.viewsets import AgencyCreateView
from tests.e2e.conftest import admin_login, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_creates_a_school_with_cascading_address(live_server, new_page, officer, artifacts):
    page = new_page()
    admin_login(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/admin/snippets/coordination/agency/add/")
    assert page.get_by_role("tab", name="ที่อยู่").is_visible()

    page.fill("#id_name_th", "โรงเรียนบ้านทุ่งโพ")
    page.fill("#id_slug", "ban-thung-pho")
    page.select_option("#id_scope", "internal")
    page.select_option("#id_category", label="โรงเรียน")
    page.fill("#id_school_code", "1061040101")

    page.get_by_role("tab", name="ที่อยู่").click()
    page.select_option("#id_province_code", "61")
    wait_until(page, "document.querySelectorAll('#id_district_code option').length > 5")
    page.select_option("#id_district_code", "6104")
    wait_until(page, "document.querySelectorAll('#id_subdistrict_code option').length > 5")
    page.select_option("#id_subdistrict_code", "610409")  # เขาบางแกรก, postcode 61170
    wait_until(page, "document.querySelector('#id_postcode').value === '61170'")
    page.screenshot(path=artifacts / "admin-address-picker-1280.png", full_page=True)

    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    page.wait_for_url("**/edit/**")
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert (agency.district_code, agency.subdistrict_code, agency.postcode) == (
        "6104",
        "610409",
        "61170",
    )
    assert agency.live is False


def test_slug_follows_the_thai_name_until_the_officer_types_one(live_server, new_page, officer):
    page = new_page()
    admin_login(page, live_server.url, "officer")
    page.goto(f"{live_server.url}/admin/snippets/coordination/agency/add/")

    page.fill("#id_name_th", "โรงเรียนบ้านทุ่งโพ")
    wait_until(page, "document.querySelector('#id_slug').value === 'rong-rian-ban-thung-pho'")
    page.fill("#id_name_th", "โรงเรียนบ้านหนองฉาง")
    wait_until(page, "document.querySelector('#id_slug').value === 'rong-rian-ban-nong-chang'")

    page.fill("#id_slug", "ban-nong-chang")
    page.fill("#id_name_th", "โรงเรียนบ้านหนองฉางใหม่")
    page.wait_for_timeout(1000)
    assert page.input_value("#id_slug") == "ban-nong-chang"


def test_saving_while_an_autosave_is_on_its_way_creates_one_agency(
    live_server, new_page, officer, monkeypatch
):
    """On a busy server the first autosave (which creates the agency) can still be running when
    the officer presses "บันทึกฉบับร่าง": the form must not be posted to the "add" page again."""
    slow = []
    original_post = AgencyCreateView.post

    def slow_autosave(self, request, *args, **kwargs):
        if "application/json" in request.headers.get("Accept", ""):
            slow.append(request.path)
            time.sleep(2)  # a busy server: the autosave is still on its way at the click
        return original_post(self, request, *args, **kwargs)

    monkeypatch.setattr(AgencyCreateView, "post", slow_autosave)
    page = new_page()
    admin_login(page, live_server.url, "officer")
    # Wagtail notes the form's first state a moment after loading; edits count from then on.
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })"
    )
    page.goto(f"{live_server.url}/admin/snippets/coordination/agency/add/")
    wait_until(page, "window.watchingEdits === true")
    page.fill("#id_name_th", "โรงเรียนบ้านทุ่งโพ")
    page.fill("#id_slug", "ban-thung-pho")
    page.select_option("#id_scope", "internal")
    page.select_option("#id_category", label="โรงเรียน")
    page.fill("#id_school_code", "1061040101")
    page.get_by_role("tab", name="ที่อยู่").click()
    page.select_option("#id_province_code", "61")
    wait_until(page, "document.querySelectorAll('#id_district_code option').length > 5")
    page.select_option("#id_district_code", "6104")
    wait_until(page, "document.querySelectorAll('#id_subdistrict_code option').length > 5")
    autosaves = len(slow)
    page.select_option("#id_subdistrict_code", "610409")
    while len(slow) == autosaves:  # the autosave of the whole form is on its way
        page.wait_for_timeout(50)

    page.get_by_role("button", name="บันทึกฉบับร่าง").click()

    page.wait_for_url("**/edit/**")
    assert slow, "the autosave ran"
    assert list(Agency.objects.values_list("slug", flat=True)) == ["ban-thung-pho"]
    assert page.locator(".help-critical, .error-message").count() == 0
