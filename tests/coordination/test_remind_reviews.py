"""`manage.py remind_reviews`: one Thai digest per officer per day, in the office's time zone."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from coordination import roles
from coordination.models import ReviewReminder
from coordination.thai_dates import thai_date
from tests.coordination.review_support import NOW, agency_due
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def remind(*args) -> str:
    out = io.StringIO()
    call_command("remind_reviews", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def people(db):
    return {
        "somsri": UserFactory(username="somsri", groups=[roles.OFFICERS], first_name="สมศรี"),
        "mana": UserFactory(username="mana", groups=[roles.OFFICERS], first_name="มานะ"),
        "idle": UserFactory(username="idle", groups=[roles.OFFICERS], first_name="ว่าง"),
        "gone": UserFactory(username="gone", groups=[roles.OFFICERS], is_active=False),
        "no_mail": UserFactory(username="nomail", groups=[roles.OFFICERS], email=""),
    }


@pytest.fixture
def due(people):
    with time_machine.travel(NOW, tick=False):
        return {
            "somsri_overdue": agency_due(
                -4, name_th="โรงเรียนบ้านเลยกำหนด", responsible_officer=people["somsri"]
            ),
            "somsri_soon": agency_due(
                30, name_th="อบต.ใกล้ครบ", responsible_officer=people["somsri"]
            ),
            "somsri_later": agency_due(31, name_th="ยังอีกนาน", responsible_officer=people["somsri"]),
            "mana_soon": agency_due(2, name_th="เทศบาลใกล้ครบ", responsible_officer=people["mana"]),
            "idle_later": agency_due(200, name_th="ไม่ต้องรีบ", responsible_officer=people["idle"]),
            "gone": agency_due(-1, name_th="ของคนที่ลาออก", responsible_officer=people["gone"]),
            "no_mail": agency_due(
                -1, name_th="ของคนไม่มีอีเมล", responsible_officer=people["no_mail"]
            ),
        }


def test_each_officer_gets_one_digest_of_their_own(people, due, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://registry.example.go.th"
    with time_machine.travel(NOW, tick=False):
        output = remind()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [people["somsri"].email, people["mana"].email]
    )
    somsri = next(m for m in mail.outbox if m.to == [people["somsri"].email])
    assert "เลยกำหนด 1 แห่ง" in somsri.subject
    assert "โรงเรียนบ้านเลยกำหนด" in somsri.body and "อบต.ใกล้ครบ" in somsri.body
    assert "ยังอีกนาน" not in somsri.body and "เทศบาลใกล้ครบ" not in somsri.body
    assert thai_date(due["somsri_overdue"].review_due_at) in somsri.body
    edit = reverse("wagtailsnippets_coordination_agency:edit", args=[due["somsri_overdue"].pk])
    assert f"https://registry.example.go.th{edit}" in somsri.body
    assert "ส่งอีเมลแจ้งเตือนแล้ว 2 ฉบับ" in output


def test_nothing_twice_the_same_day_and_again_the_next(people, due):
    with time_machine.travel(NOW, tick=False):
        remind()
    assert len(mail.outbox) == 2
    # Later the same office day (23:30 Bangkok is 16:30 UTC): nothing more.
    late = NOW.replace(hour=23, minute=30)
    with time_machine.travel(late, tick=False):
        output = remind()
    assert len(mail.outbox) == 2
    assert "ส่งแล้ววันนี้" in output
    # Past midnight in Bangkok (still the same UTC date): a new office day.
    with time_machine.travel(late + timedelta(hours=1), tick=False):
        remind()
    assert len(mail.outbox) == 4
    assert ReviewReminder.objects.filter(user=people["somsri"]).count() == 2


def test_dry_run_sends_and_records_nothing(people, due):
    with time_machine.travel(NOW, tick=False):
        output = remind("--dry-run")
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    assert "จะส่งถึง" in output and "โรงเรียนบ้านเลยกำหนด" in output


def test_nothing_due_nothing_sent(people):
    with time_machine.travel(NOW, tick=False):
        agency_due(120, name_th="ยังไม่ถึงกำหนด", responsible_officer=people["somsri"])
        output = remind()
    assert mail.outbox == []
    assert "ส่งอีเมลแจ้งเตือนแล้ว 0 ฉบับ" in output
