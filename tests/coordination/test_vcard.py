"""/directory/<slug>/vcard.vcf: a vCard 4.0 of the agency's public card, for address books."""

import pytest

from coordination.models import Agency
from coordination.selectors.directory import directory_agency_for_staff
from coordination.vcard import agency_vcard
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory

pytestmark = pytest.mark.django_db


def unfold(text: str) -> list[str]:
    """Content lines with RFC 6350 folding undone."""
    return text.replace("\r\n ", "").split("\r\n")


@pytest.fixture
def agency(db):
    directory_page()
    agency = AgencyFactory(
        name_th="โรงเรียนบ้านหนองฉาง; สาขา, ใหม่",
        name_en="Ban Nong Chang School",
        short_name="รร.บ้านหนองฉาง",
        house_no="99",
        moo="3",
        latitude="15.390000",
        longitude="99.980000",
        email="school@example.go.th",
        website="https://nongchang.example.go.th",
    )
    AgencyPhoneFactory(agency=agency, number="056-511-061 ต่อ 12")
    AgencyPhoneFactory(agency=agency, kind="fax", number="056-511-062")
    AgencyPhoneFactory(agency=agency, number="056-999-000", is_public=False)
    ContactFactory(
        agency=agency,
        name="นางสาวใจดี มีสุข",
        position="ครูธุรการ",
        phone="056-511-063",
        mobile="081-234-5678",
        line_id="jaidee.line",
        home_address="บ้านเลขที่ 7 หมู่ 1",
    )
    ContactFactory(agency=agency, name="นายเอกชน ไม่ยินยอม", is_private_person=True)
    return agency


def test_vcard_is_a_utf8_text_vcard_download(client, agency):
    response = client.get(f"/directory/{agency.slug}/vcard.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename")
    assert ".vcf" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n")
    assert text.endswith("END:VCARD\r\n")


def test_vcard_holds_the_public_card(client, agency):
    lines = unfold(client.get(f"/directory/{agency.slug}/vcard.vcf").content.decode())
    assert "FN:โรงเรียนบ้านหนองฉาง\\; สาขา\\, ใหม่" in lines
    assert "NICKNAME:รร.บ้านหนองฉาง,Ban Nong Chang School" in lines
    assert 'TEL;VALUE=uri;TYPE="work,voice":tel:+6656511061;ext=12' in lines
    assert 'TEL;VALUE=uri;TYPE="work,fax":tel:+6656511062' in lines
    assert "EMAIL;TYPE=work:school@example.go.th" in lines
    assert "URL:https://nongchang.example.go.th" in lines
    assert "GEO:geo:15.390000,99.980000" in lines
    adr = next(line for line in lines if line.startswith("ADR;"))
    assert adr.endswith(":;;เลขที่ 99 หมู่ 3\\, อุทัยใหม่;เมืองอุทัยธานี;อุทัยธานี;61000;ประเทศไทย")
    assert "FN:นางสาวใจดี มีสุข" in lines
    assert "TITLE:ครูธุรการ" in lines
    assert 'TEL;VALUE=uri;TYPE="work,voice":tel:+6656511063' in lines


def test_vcard_leaves_out_everything_internal(client, agency):
    text = unfold(client.get(f"/directory/{agency.slug}/vcard.vcf").content.decode())
    joined = "\n".join(text)
    for hidden in ("6656999000", "999-000", "812345678", "jaidee.line", "บ้านเลขที่ 7", "ไม่ยินยอม"):
        assert hidden not in joined


def test_lines_are_folded_at_75_octets_without_splitting_thai_characters(client, agency):
    raw = client.get(f"/directory/{agency.slug}/vcard.vcf").content
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is valid UTF-8 on its own


def test_a_vcard_is_never_built_from_the_staff_card(agency):
    _agency, staff_card = directory_agency_for_staff(slug=agency.slug)
    with pytest.raises(ValueError):
        agency_vcard(staff_card, url="http://testserver/")


def test_vcard_of_a_hidden_agency_is_not_found(client, agency):
    Agency.objects.filter(pk=agency.pk).update(visibility="internal")
    assert client.get(f"/directory/{agency.slug}/vcard.vcf").status_code == 404
    assert client.get("/no-directory-here/x/vcard.vcf").status_code == 404


def test_a_lone_carriage_return_cannot_inject_a_line(client, agency):
    """A name or position carrying "\r" (saved without the form's cleaning, as a draft or an
    import can) stays inside its own content line, and other control characters are dropped."""
    Agency.objects.filter(pk=agency.pk).update(name_en="Ban Nong Chang\rTEL:+66990000000")
    contact = agency.contacts.get(name="นางสาวใจดี มีสุข")
    contact.position = "ครูธุรการ\rROLE:ผู้อำนวยการ\x0bX"
    contact.save()

    text = client.get(f"/directory/{agency.slug}/vcard.vcf").content.decode()

    lines = unfold(text)
    assert "\r" not in text.replace("\r\n", "")
    assert not any(line.startswith("ROLE:ผู้อำนวยการ") for line in lines)
    assert not any(line.startswith("TEL:+6699") for line in lines)
    assert "TITLE:ครูธุรการ\\nROLE:ผู้อำนวยการX" in lines
    assert "\x0b" not in text
