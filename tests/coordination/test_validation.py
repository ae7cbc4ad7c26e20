"""Bad input gets a clear Thai message on the field it concerns; nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coordination import geo
from coordination.identifiers import tax_id_check_digit, tax_id_validator
from coordination.models import Agency
from coordination.phones import phone_digits, phone_normalize, phone_tel_uri
from tests.coordination.admin_forms import agency_form_data, contact_form_data
from tests.factories import AgencyFactory, ContactFactory

pytestmark = pytest.mark.django_db
ADD = "wagtailsnippets_coordination_agency:add"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("056-511-061", "056 511 061"),
        ("0 5651 1061", "056 511 061"),
        ("056511061 ต่อ 12", "056 511 061 ต่อ 12"),
        ("056-511-061ต่อ.205", "056 511 061 ต่อ 205"),
        ("+66 56 511 061", "056 511 061"),
        ("081-234-5678", "081 234 5678"),
        ("02-123-4567 ext 5", "02 123 4567 ต่อ 5"),
        ("1669", "1669"),
    ],
)
def test_thai_phone_numbers_are_normalised(raw, stored):
    assert phone_normalize(raw) == stored


@pytest.mark.parametrize("raw", ["12345", "056-51", "โทรได้", "+1 212 555 0100", "0812345678901"])
def test_bad_phone_numbers_raise_thai_errors(raw):
    with pytest.raises(ValidationError) as excinfo:
        phone_normalize(raw)
    assert any(("หมายเลข" in m) or ("โทรศัพท์" in m) for m in excinfo.value.messages)


def test_phone_digits_and_tel_uri():
    assert phone_digits("056 511 061 ต่อ 12") == "056511061"
    assert phone_tel_uri("056 511 061 ต่อ 12") == "tel:+6656511061,12"


def test_address_must_be_consistent():
    errors = geo.address_errors(
        province_code="61", district_code="6104", subdistrict_code="610101", postcode="61000"
    )
    assert "ตำบลอุทัยใหม่ ไม่อยู่ในอำเภอหนองฉาง" in errors["subdistrict_code"].messages[0]
    errors = geo.address_errors(
        province_code="10", district_code="6104", subdistrict_code="", postcode=""
    )
    assert "อำเภอหนองฉาง ไม่อยู่ในจังหวัดกรุงเทพมหานคร" in errors["district_code"].messages[0]
    errors = geo.address_errors(
        province_code="61", district_code="6104", subdistrict_code="610409", postcode="61110"
    )
    assert "61170" in errors["postcode"].messages[0]
    assert not geo.address_errors(
        province_code="61", district_code="6104", subdistrict_code="610409", postcode="61170"
    )


def test_tax_id_checksum():
    valid = "099400015967" + tax_id_check_digit("099400015967")
    tax_id_validator(valid)
    wrong = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    with pytest.raises(ValidationError, match="หลักตรวจสอบ"):
        tax_id_validator(wrong)


def post_add(client, **overrides):
    return client.post(reverse(ADD), agency_form_data(**overrides))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("school_code", "10610401", "รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก"),
        ("smis_code", "6101", "รหัส SMIS ต้องเป็นตัวเลข 8 หลัก"),
        ("obec_code", "61A101", "รหัส สพฐ. (OBEC) ต้องเป็นตัวเลข 6 หลัก"),
        ("email", "not-an-email", "ที่อยู่อีเมล"),
        ("website", "ไม่ใช่ลิงก์", "URL"),
        ("school_code", "", "โรงเรียนต้องมีรหัสโรงเรียน 10 หลัก"),
    ],
)
def test_identifier_and_channel_errors_are_thai(client, officer, field, value, message):
    client.force_login(officer)
    response = post_add(client, **{field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Agency.objects.exists()


def test_closed_agency_needs_a_reason(client, officer):
    client.force_login(officer)
    response = post_add(client, status="closed")
    assert "กรุณาระบุเหตุที่ปิดหรือยุบเลิกหน่วยงาน" in response.content.decode()


def test_duplicate_identifier_is_an_error(client, officer):
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", school_code="1061040101")
    client.force_login(officer)
    response = post_add(client)
    assert "รหัสนี้ซ้ำกับหน่วยงาน “โรงเรียนบ้านหนองฉาง”" in response.content.decode()
    assert Agency.objects.count() == 1


def test_duplicate_name_warns_and_can_be_confirmed(client, officer):
    AgencyFactory(name_th="โรงเรียนบ้านทุ่งโพ", slug="ban-thung-pho-old")
    client.force_login(officer)
    response = post_add(client)
    assert "มีหน่วยงานชื่อนี้อยู่แล้ว" in response.content.decode()
    assert Agency.objects.count() == 1

    response = post_add(client, confirm_not_duplicate="on")
    assert response.status_code == 302
    assert Agency.objects.count() == 2


def test_private_person_needs_consent_before_publication(client, officer):
    client.force_login(officer)
    contact = contact_form_data(is_private_person="on")
    response = post_add(client, contacts=[contact])
    assert "บุคคลทั่วไปต้องบันทึกวันที่ได้รับความยินยอม" in response.content.decode()

    contact = contact_form_data(is_private_person="on", consent_recorded_at="2026-11-01")
    assert post_add(client, contacts=[contact]).status_code == 302


def test_contact_defaults_follow_pdpa():
    contact = ContactFactory()
    assert contact.phone_public and contact.email_public
    assert not contact.mobile_public and not contact.line_public
