"""Invisible control characters pasted into text are dropped on input, wherever it comes from."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from coordination.models import Agency, Contact
from coordination.models.text import TextCleaningMixin
from coordination.text import rich_text_is_blank, text_without_controls
from tests.coordination.admin_forms import agency_form_data, contact_form_data
from tests.factories import AgencyFactory


@pytest.mark.parametrize(
    "raw,single_line,multi_line",
    [
        ("โรงเรียน\x0bบ้านหนองฉาง", "โรงเรียนบ้านหนองฉาง", "โรงเรียนบ้านหนองฉาง"),
        ("\x00ส\x08พ\x1fป\x7f.\x85", "สพป.", "สพป."),
        ("ข่าว\ufffeประกาศ\uffff", "ข่าวประกาศ", "ข่าวประกาศ"),
        ("บรรทัดแรก\r\nบรรทัดสอง", "บรรทัดแรก บรรทัดสอง", "บรรทัดแรก\r\nบรรทัดสอง"),
        ("ชื่อ\tตำแหน่ง", "ชื่อ ตำแหน่ง", "ชื่อ\tตำแหน่ง"),
        ("ภาษาไทย ๑๒๓ — “อัญประกาศ” €", "ภาษาไทย ๑๒๓ — “อัญประกาศ” €", "ภาษาไทย ๑๒๓ — “อัญประกาศ” €"),
        ("", "", ""),
    ],
)
def test_text_without_controls(raw, single_line, multi_line):
    assert text_without_controls(raw) == single_line
    assert text_without_controls(raw, multiline=True) == multi_line


@pytest.mark.django_db
def test_agency_editor_strips_pasted_control_characters(client, officer):
    client.force_login(officer)
    data = agency_form_data(
        name_th="โรงเรียนบ้าน\x0bทุ่งโพ",
        short_name="รร.\x0cบ้านทุ่งโพ",
        mission=rich_text("<p>จัดการศึกษา\x0bระดับปฐมวัย</p>"),
        contacts=[
            contact_form_data(
                name="นายประสิทธิ์\x01 ทองดี",
                home_address="บ้านเลขที่ 9\x0b\nหมู่ 3\tตำบลทุ่งโพ",
            )
        ],
    )
    response = client.post(reverse("wagtailsnippets_coordination_agency:add"), data)

    assert response.status_code == 302
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert agency.name_th == "โรงเรียนบ้านทุ่งโพ"
    assert agency.short_name == "รร.บ้านทุ่งโพ"
    assert "จัดการศึกษาระดับปฐมวัย" in agency.mission
    contact = agency.contacts.get()
    assert contact.name == "นายประสิทธิ์ ทองดี"
    assert contact.home_address == "บ้านเลขที่ 9\nหมู่ 3\tตำบลทุ่งโพ"  # a text area keeps its lines


@pytest.mark.django_db
def test_model_cleaning_strips_data_that_arrives_another_way():
    contact = Contact(
        agency=AgencyFactory(),
        name="นางสาว\x0bสายใจ ใจงาม\n",
        position="ครู\x1b",
        home_address="หมู่ 1\x00\nตำบลน้ำซึม",
    )
    contact.full_clean()
    assert (contact.name, contact.position) == ("นางสาวสายใจ ใจงาม", "ครู")
    assert contact.home_address == "หมู่ 1\nตำบลน้ำซึม"


@pytest.mark.django_db
def test_a_name_of_control_characters_only_is_left_blank_and_refused():
    agency = AgencyFactory.build(name_th="\x0b\x01\x0c")
    with pytest.raises(ValidationError) as caught:
        agency.full_clean()
    [message] = caught.value.message_dict["name_th"]
    assert any("\u0e00" <= char <= "\u0e7f" for char in message), message  # in Thai


# Written by the system from a request, never typed by a person.
SYSTEM_WRITTEN = {"coordination.InternalViewLog"}


def test_every_model_with_text_fields_cleans_them():
    """A new model of the registry or the website gets the input rule too."""
    missing = []
    for app_label in ("coordination", "home"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical") or model._meta.label in SYSTEM_WRITTEN:
                continue
            has_text = any(
                isinstance(field, models.CharField | models.TextField)
                for field in model._meta.concrete_fields
            )
            if has_text and not issubclass(model, TextCleaningMixin):
                missing.append(model._meta.label)
    assert missing == []


@pytest.mark.parametrize(
    ("html", "blank"),
    [
        ("", True),
        (None, True),
        ('<p data-block-key="inh5y"></p>', True),
        ("<p> &nbsp; </p>", True),
        ("<p>ส่งเสริมการศึกษา</p>", False),
        ('<p><embed embedtype="image" id="1" format="left"/></p>', False),
    ],
)
def test_rich_text_is_blank(html, blank):
    assert rich_text_is_blank(html) is blank
