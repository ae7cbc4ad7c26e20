"""The admin that officers and supervisors use every day reads in Thai, and the project's own
strings (written in Thai) come out in English from locale/en.

Wagtail's own Thai catalogue covers a few hundred entries; locale/th fills the gaps that these users
meet: listings, the editor's workflow buttons, the dashboard panels, the notification e-mails.
"""

import json
import re
import runpy
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from coordination.models import Agency
from coordination.phones import phone_normalize
from tests.coordination.admin_forms import agency_form_data
from tests.factories import AgencyFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
AGENCIES = "wagtailsnippets_coordination_agency"


# `make messages` runs this script; the test compiles with the same function.
compile_all = runpy.run_path(str(Path(settings.BASE_DIR) / "scripts" / "compile_messages.py"))[
    "compile_all"
]


def shown_text(response) -> str:
    """What a user can read or hear: visible text, labels and tooltips, and the strings the
    admin's JavaScript renders from its JSON props (sidebar menu, editor config)."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    parts = []
    for script in soup.find_all("script", type="application/json"):
        parts.extend(_json_strings(json.loads(script.string or "null")))
    for tag in soup(["script", "style"]):
        tag.decompose()
    parts.extend(soup.stripped_strings)
    for tag in soup.find_all(True):
        for attribute in ("title", "aria-label", "placeholder", "data-w-tooltip-content-value"):
            if tag.get(attribute):
                parts.append(tag[attribute])
    return "\n".join(parts)


def _json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def assert_thai(text: str, *, thai: list[str], not_english: list[str]):
    missing = [phrase for phrase in thai if phrase not in text]
    assert not missing, f"Thai missing: {missing}"
    # Whole words only: "Approve" must not match inside "Approved", nor "Help" in a URL.
    english = [
        phrase
        for phrase in not_english
        if re.search(rf"(?<![\w/-]){re.escape(phrase)}(?![\w-])", text)
    ]
    assert not english, f"still English: {english}"


def submit_new_agency(client, officer) -> Agency:
    client.force_login(officer)
    response = client.post(
        reverse(f"{AGENCIES}:add"), {**agency_form_data(), "action-submit": "submit"}
    )
    assert response.status_code == 302
    return Agency.objects.get(slug="ban-thung-pho")


@pytest.mark.django_db
def test_agency_listing_is_thai(client, officer):
    AgencyFactory(name_th="สำนักงานเกษตรอำเภอหนองฉาง")
    AgencyFactory(name_th="ศูนย์พัฒนาเด็กเล็กบ้านหนองพังค่า", publish=False)
    client.force_login(officer)

    text = shown_text(client.get(reverse(f"{AGENCIES}:list")))

    assert_thai(
        text,
        thai=["ดาวน์โหลด CSV", "ดาวน์โหลด XLSX", "กรองตาม", "ดูรายละเอียด", "รายงาน", "ช่วยเหลือ"],
        not_english=["Download CSV", "Download XLSX", "Filter by", "Inspect", "Reports", "Help"],
    )
    assert "ตัวเลือกเพิ่มเติมสำหรับ 'สำนักงานเกษตรอำเภอหนองฉาง'" in text  # the "..." menu
    assert "More options for" not in text


@pytest.mark.django_db
def test_add_view_offers_thai_actions(client, officer):
    client.force_login(officer)

    text = shown_text(client.get(reverse(f"{AGENCIES}:add")))

    assert_thai(
        text,
        thai=["บันทึกฉบับร่าง", "ส่งเพื่อพิจารณา (อนุมัติตามลำดับชั้น)", "เพิ่มหน่วยงาน"],
        not_english=["Save draft", "Submit to", "Preview", "Toggle preview", "Dashboard"],
    )


@pytest.mark.django_db
def test_submitting_tells_the_officer_in_thai(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse(f"{AGENCIES}:add"), {**agency_form_data(), "action-submit": "submit"}, follow=True
    )
    text = shown_text(response)
    assert "เพิ่มหน่วยงาน 'โรงเรียนบ้านทุ่งโพ' แล้ว และส่งพิจารณาแล้ว" in text
    assert "created and submitted for moderation" not in text


@pytest.mark.django_db
def test_director_reviews_a_submitted_agency_in_thai(client, officer, director):
    agency = submit_new_agency(client, officer)
    client.force_login(director)

    text = shown_text(client.get(reverse(f"{AGENCIES}:edit", args=[agency.pk])))

    assert_thai(
        text,
        thai=[
            "อนุมัติ",
            "อนุมัติพร้อมความเห็น",
            "ส่งกลับให้แก้ไข",
            "รอพิจารณา",
            "ส่งถึง ผู้อำนวยการกลุ่มอำนวยการพิจารณา",
            "ผู้พิจารณาแก้ไขหน่วยงานนี้ได้",
        ],
        not_english=[
            "Approve",
            "Approve with comment",
            "Request changes",
            "In Moderation",
            "Sent to",
            "Reviewers can edit",
        ],
    )

    modal = client.get(
        reverse(
            f"{AGENCIES}:workflow_action",
            args=[agency.pk, "reject", agency.current_workflow_task_state.pk],
        )
    ).json()["html"]
    assert "ความคิดเห็น" in modal and "Comment" not in modal


@pytest.mark.django_db
def test_dashboard_panels_are_thai(client, officer, director):
    submit_new_agency(client, officer)

    officer_text = shown_text(client.get(reverse("wagtailadmin_home")))
    client.force_login(director)
    director_text = shown_text(client.get(reverse("wagtailadmin_home")))

    assert_thai(
        officer_text,
        thai=["หน้าและข้อมูลของคุณที่อยู่ระหว่างการพิจารณา", "แดชบอร์ด", "รายงาน", "ช่วยเหลือ"],
        not_english=["Your pages and snippets in a workflow", "Dashboard", "Reports", "Help"],
    )
    assert_thai(
        director_text,
        thai=["รอการพิจารณาของคุณ", "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"],
        not_english=["Awaiting your review", "Task started", "Submitted"],
    )


@pytest.mark.django_db
def test_rejection_email_is_thai(client, officer, director):
    agency = submit_new_agency(client, officer)
    mail.outbox.clear()
    client.force_login(director)

    client.post(
        reverse(
            f"{AGENCIES}:workflow_action",
            args=[agency.pk, "reject", agency.current_workflow_task_state.pk],
        ),
        {"comment": "เบอร์โทรศัพท์ไม่ครบ"},
    )

    [message] = [m for m in mail.outbox if officer.email in m.to]
    text = message.subject + "\n" + message.body
    assert_thai(
        text,
        thai=[
            'หน่วยงาน "โรงเรียนบ้านทุ่งโพ" ถูกส่งกลับให้แก้ไข',
            'ความคิดเห็นที่ได้รับ: "เบอร์โทรศัพท์ไม่ครบ"',
            "แก้ไขหน่วยงานได้ที่:",
            "แก้ไขการตั้งค่าการแจ้งเตือนได้ที่:",
        ],
        not_english=["has been rejected", "The following comment was left", "You can edit"],
    )


@pytest.mark.django_db
def test_account_page_is_thai(client, officer):
    client.force_login(officer)

    text = shown_text(client.get(reverse("wagtailadmin_account")))

    assert_thai(
        text,
        thai=["ข้อมูลส่วนตัว", "การแจ้งเตือน", "การตั้งค่าธีม", "รูปประจำตัว"],
        not_english=["Profile", "Notifications", "Theme preferences", "Profile picture"],
    )


@pytest.mark.django_db
def test_admin_javascript_strings_are_thai(client, officer):
    """Draftail, comments and autosave prompts come from the admin's JavaScript catalogue."""
    client.force_login(officer)
    body = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    start = body.index("const newcatalog = ") + len("const newcatalog = ")
    catalog = json.loads(body[start : body.index(";\n", start)])

    assert catalog["Add a comment"] == "เพิ่มความคิดเห็น"
    assert catalog["Write something or type ‘/’ to insert a block"].startswith("พิมพ์ข้อความ")
    assert catalog["Dashboard"] == "แดชบอร์ด"
    assert catalog["Save"] == "บันทึก"


def test_time_ago_is_thai():
    now = timezone.now()
    with translation.override("th"):
        assert timesince_simple(now - timedelta(days=400)) == "1\xa0ปีที่แล้ว"
        assert timesince_simple(now - timedelta(days=3)) == "3\xa0วันที่แล้ว"
        assert timesince_simple(now) == "เมื่อสักครู่"


def test_committed_mo_files_match_their_po(tmp_path):
    """`make messages` was run after the last edit of every catalogue."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, copy)
    for mo in copy.glob("*/LC_MESSAGES/*.mo"):
        mo.unlink()
    compile_all(copy)

    po_files = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
    assert {p.relative_to(LOCALE_DIR) for p in po_files} >= {
        Path("th/LC_MESSAGES/django.po"),
        Path("th/LC_MESSAGES/djangojs.po"),
        Path("en/LC_MESSAGES/django.po"),
    }
    for po in po_files:
        committed = po.with_suffix(".mo")
        fresh = copy / committed.relative_to(LOCALE_DIR)
        assert committed.exists(), f"{committed} is missing: run make messages"
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed} is stale: make messages"


PLACEHOLDER = re.compile(r"%\([a-zA-Z_0-9]+\)[sdrf]|%[sdrf]|\{[a-zA-Z_0-9]*\}")


@pytest.mark.parametrize("po", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_translations_keep_placeholders(po):
    """A dropped or misspelt %(name)s raises at run time, in front of the user."""
    if po.parts[-3] == "th":
        assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in po.read_text(encoding="utf-8")
    with po.open("rb") as source:
        catalog = read_po(source)
    broken = []
    for message in catalog:
        # A plural translation follows msgid_plural, even Thai's single form.
        msgid = message.id[-1] if message.pluralizable else message.id
        translations = message.string if message.pluralizable else (message.string,)
        if not msgid or not all(translations):
            continue
        source = set(PLACEHOLDER.findall(msgid))
        if any(set(PLACEHOLDER.findall(t)) != source for t in translations):
            broken.append(msgid)
    assert not broken


@pytest.mark.django_db
def test_project_strings_have_english():
    with translation.override("en"):
        assert str(Agency._meta.verbose_name) == "Agency"
        assert str(Agency._meta.get_field("name_th").verbose_name) == "Agency name (Thai)"
        with pytest.raises(ValidationError) as error:
            phone_normalize("056-51")
        assert "is not a valid Thai number" in " ".join(error.value.messages)
    with translation.override("th"):
        assert str(Agency._meta.verbose_name) == "หน่วยงาน"


@pytest.mark.django_db
def test_public_page_stays_thai_for_english_browsers(client):
    """The site is the office's Thai site: its pages (whose content is Thai) do not switch their
    own labels to English for a browser set to English, nor does a cached copy vary by it."""
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    text = shown_text(response)
    assert response.status_code == 404
    assert "กลับไปหน้าแรก" in text
    assert "Page not found" not in text
    assert "Back to the home page" not in text
    assert BeautifulSoup(response.content.decode(), "html.parser").html["lang"] == "th"
