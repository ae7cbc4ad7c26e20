"""The agency's detail page in the admin (the snippet's inspect view), ready to read.

Built from the staff card (what staff may see) and the public card (what the website shows), so
that each public/internal badge is the public data rule's own answer, not a second copy of it.
Every value is Thai text: place names instead of codes, Buddhist Era dates in the site's time
zone, people's full names, "—" for an empty value; no True/False/None and no Wagtail internals.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.cards import (
    AgencyCard,
    ContactCard,
    agency_public_view,
    agency_staff_view,
    with_card_relations,
    with_children,
)
from coordination.choices import Visibility
from coordination.display import EMPTY, person_name, rich_text_without_block_keys
from coordination.models import Agency
from coordination.thai_dates import thai_date

PUBLIC = "public"
INTERNAL = "internal"


@dataclass(frozen=True)
class DetailFact:
    """One labelled value; `badge` ("public" or "internal") says whether the website shows it."""

    label: str
    value: str
    href: str = ""
    badge: str = ""
    note: str = ""


@dataclass(frozen=True)
class DetailSection:
    key: str
    heading: str
    facts: list[DetailFact]


@dataclass(frozen=True)
class ContactDetail:
    name: str
    summary: str  # position and role
    facts: list[DetailFact]
    note: str = ""  # why none of this person's data is on the website, when it is not


@dataclass(frozen=True)
class AgencyDetail:
    agency: Agency
    card: AgencyCard
    mission: str
    sections: list[DetailSection]
    contacts: list[ContactDetail]
    notices: list[str] = field(default_factory=list)

    @property
    def shows_internal_data(self) -> bool:
        """Whether the page holds anything the website does not show (its view is logged)."""
        facts = [f for s in self.sections for f in s.facts] + [
            f for c in self.contacts for f in c.facts
        ]
        return any(f.badge == INTERNAL for f in facts)


def agency_detail_object(*, pk) -> Agency | None:
    """The agency with everything its detail page reads, in a fixed number of queries."""
    queryset = with_children(with_card_relations(Agency.objects.with_admin_status()))
    return (
        queryset.select_related("last_verified_by", "locked_by", "responsible_officer")
        .filter(pk=pk)
        .first()
    )


def _text(value) -> str:
    return str(value) if value not in (None, "") else EMPTY


def _fact(label, value, **kwargs) -> DetailFact:
    return DetailFact(label=str(label), value=_text(value), **kwargs)


def _badge(shown: bool, *, reachable: bool) -> str:
    return PUBLIC if shown and reachable else INTERNAL


def _general(card: AgencyCard, agency: Agency) -> DetailSection:
    facts = [
        _fact(_("ชื่อหน่วยงาน (ไทย)"), card.name_th),
        _fact(_("ชื่อหน่วยงาน (อังกฤษ)"), card.name_en),
        _fact(_("ชื่อย่อ"), card.short_name),
        _fact(_("ขอบเขต"), card.scope_label),
        _fact(_("ประเภท"), card.category),
        _fact(_("สังกัด/หน่วยงานแม่"), card.parent_name),
        _fact(_("สถานะ"), card.status_label),
    ]
    if card.status == "closed":
        facts += [
            _fact(_("เหตุที่ปิด/ยุบเลิก"), card.closed_reason),
            _fact(_("หน่วยงานที่รับช่วงต่อ"), card.successor_name),
        ]
    if card.children:
        facts.append(_fact(_("หน่วยงานในสังกัด"), ", ".join(child.name_th for child in card.children)))
    facts += [
        _fact(_("แท็ก"), ", ".join(card.tags)),
        _fact(_("ชื่อใน URL"), agency.slug),
    ]
    return DetailSection("general", _("ข้อมูลทั่วไป"), facts)


def _address(card: AgencyCard) -> DetailSection:
    has_point = card.latitude is not None and card.longitude is not None
    return DetailSection(
        "address",
        _("ที่อยู่"),
        [
            _fact(_("เลขที่ หมู่ ถนน"), card.street_address),
            _fact(_("ตำบล/แขวง"), card.subdistrict_name),
            _fact(_("อำเภอ/เขต"), card.district_name),
            _fact(_("จังหวัด"), card.province_name),
            _fact(_("รหัสไปรษณีย์"), card.postcode),
            _fact(
                _("พิกัด"),
                f"{card.latitude}, {card.longitude}" if has_point else "",
                href=card.map_url,
            ),
        ],
    )


def _channels(card: AgencyCard, *, reachable: bool) -> DetailSection:
    facts = [
        _fact(
            phone.label,
            phone.number,
            href=phone.tel_uri,
            badge=_badge(phone.is_public, reachable=reachable),
            note=phone.note,
        )
        for phone in card.phones
    ]
    if not facts:
        facts.append(_fact(_("โทรศัพท์"), ""))
    facts += [
        _fact(_("อีเมลทั่วไป"), card.email, href=f"mailto:{card.email}" if card.email else ""),
        _fact(
            _("อีเมลสารบรรณ"),
            card.email_saraban,
            href=f"mailto:{card.email_saraban}" if card.email_saraban else "",
        ),
        _fact(_("เว็บไซต์"), card.website, href=card.website),
        _fact(_("เพจ Facebook"), card.facebook_url, href=card.facebook_url),
        _fact(_("LINE Official Account"), card.line_oa),
    ]
    return DetailSection("channels", _("การติดต่อ"), facts)


def _school(card: AgencyCard) -> DetailSection | None:
    if not card.school_facts and card.category_kind != "school":
        return None
    facts = [_fact(fact.label, fact.value) for fact in card.school_facts]
    return DetailSection("school", _("ข้อมูลสถานศึกษา"), facts or [_fact(_("ข้อมูล"), "")])


def _identifiers(card: AgencyCard) -> DetailSection | None:
    if not card.identifiers:
        return None
    facts = [_fact(fact.label, fact.value) for fact in card.identifiers]
    return DetailSection("identifiers", _("รหัสหน่วยงาน"), facts)


def _website_state(agency: Agency) -> str:
    if agency.visibility != Visibility.PUBLIC:
        return _("ไม่แสดง (ใช้ภายในเท่านั้น)")
    if not agency.live:
        return _("ยังไม่แสดง (ยังไม่เคยเผยแพร่)")
    return _("แสดงอยู่บนเว็บไซต์สาธารณะ")


def _publication(agency: Agency, card: AgencyCard) -> DetailSection:
    task = agency.current_workflow_task
    facts = [
        _fact(_("การเผยแพร่"), card.visibility_label),
        _fact(_("บนเว็บไซต์"), _website_state(agency)),
        _fact(
            _("ฉบับแก้ไขที่ยังไม่เผยแพร่"),
            _("มี") if agency.has_unpublished_changes else _("ไม่มี"),
        ),
        _fact(
            _("การอนุมัติ"),
            _("รอ %(task)s") % {"task": task.name} if task else _("ไม่มีเรื่องรออนุมัติ"),
        ),
        _fact(_("เผยแพร่ครั้งแรกเมื่อ"), thai_date(agency.first_published_at, with_time=True)),
        _fact(_("เผยแพร่ล่าสุดเมื่อ"), thai_date(agency.last_published_at, with_time=True)),
    ]
    if agency.go_live_at:
        facts.append(_fact(_("กำหนดเริ่มเผยแพร่"), thai_date(agency.go_live_at, with_time=True)))
    if agency.expire_at:
        facts.append(_fact(_("กำหนดหยุดเผยแพร่"), thai_date(agency.expire_at, with_time=True)))
    if agency.locked:
        facts.append(
            _fact(
                _("กำลังแก้ไขโดย"),
                _("%(name)s ตั้งแต่ %(at)s")
                % {
                    "name": person_name(agency.locked_by),
                    "at": thai_date(agency.locked_at, with_time=True),
                },
            )
        )
    due = agency.review_due_at
    interval = _("ทุก %(days)s วัน") % {"days": f"{agency.review_interval:,}"}
    if not agency.review_interval_days:
        interval += " " + _("(ตามประเภทหน่วยงาน)")
    facts += [
        _fact(_("เจ้าหน้าที่ผู้รับผิดชอบ"), person_name(agency.responsible_officer)),
        _fact(
            _("ตรวจสอบข้อมูลล่าสุดเมื่อ"),
            thai_date(agency.last_verified_at, with_time=True) or _("ยังไม่เคยตรวจสอบ"),
        ),
        _fact(_("ตรวจสอบโดย"), person_name(agency.last_verified_by)),
        _fact(_("รอบทบทวนข้อมูล"), interval),
        _fact(
            _("ครบกำหนดทบทวน"),
            thai_date(due)
            + (" " + _("(เลยกำหนดแล้ว)") if agency.review_overdue_at(timezone.now()) else ""),
        ),
    ]
    return DetailSection("publication", _("การเผยแพร่และการทบทวนข้อมูล"), facts)


def _period(contact: ContactCard) -> str:
    start, end = thai_date(contact.period_from), thai_date(contact.period_until)
    if start and end:
        return _("%(start)s ถึง %(end)s") % {"start": start, "end": end}
    if start:
        return _("ตั้งแต่ %(start)s") % {"start": start}
    if end:
        return _("ถึง %(end)s") % {"end": end}
    return ""


def _contact(contact: ContactCard, public: ContactCard | None, *, reachable: bool) -> ContactDetail:
    def shown(name: str) -> bool:
        return public is not None and bool(getattr(public, name))

    def line(label, name: str, href: str = "") -> DetailFact:
        value = getattr(contact, name)
        badge = _badge(shown(name), reachable=reachable) if value else ""
        return _fact(label, value, href=href if value else "", badge=badge)

    facts = [
        line(_("โทรศัพท์ที่ทำงาน"), "phone", contact.phone_uri),
        line(_("อีเมลที่ทำงาน"), "email", f"mailto:{contact.email}"),
        line(_("โทรศัพท์มือถือส่วนตัว"), "mobile", contact.mobile_uri),
        line(_("LINE ID"), "line_id"),
        line(_("ที่อยู่บ้าน"), "home_address"),
        _fact(_("ดำรงตำแหน่ง"), _period(contact)),
    ]
    if contact.is_private_person:
        consent = thai_date(contact.consent_recorded_at)
        facts.append(
            _fact(
                _("ความยินยอม (บุคคลทั่วไป)"),
                _("ได้รับความยินยอมเมื่อ %(date)s") % {"date": consent}
                if consent
                else _("ยังไม่มีความยินยอม"),
            )
        )
    note = ""
    if public is None:
        if contact.is_private_person and not contact.consent_recorded_at:
            note = _("ไม่แสดงบนเว็บไซต์: บุคคลทั่วไปที่ยังไม่ได้บันทึกความยินยอม")
        else:
            note = _("ไม่แสดงบนเว็บไซต์: พ้นจากตำแหน่งแล้ว")
    summary = " · ".join(part for part in (contact.position, contact.role) if part)
    return ContactDetail(name=contact.name, summary=summary, facts=facts, note=note)


def agency_detail(agency: Agency) -> AgencyDetail:
    """The detail page of `agency` (loaded by `agency_detail_object()`)."""
    card = agency_staff_view(agency)
    public_card = agency_public_view(agency)
    # An internal-only agency never reaches the website, whatever its fields' own flags say.
    reachable = agency.visibility == Visibility.PUBLIC
    public_contacts = {contact.pk: contact for contact in public_card.contacts}
    sections = [
        _general(card, agency),
        _address(card),
        _channels(card, reachable=reachable),
        _school(card),
        _identifiers(card),
        _publication(agency, card),
    ]
    notices = []
    if agency.has_unpublished_changes and agency.live:
        notices.append(_("หน้านี้แสดงข้อมูลฉบับที่เผยแพร่อยู่ ฉบับแก้ไขล่าสุดยังไม่เผยแพร่ (ดูได้ในหน้าแก้ไขหรือประวัติ)"))
    if not reachable:
        notices.append(_("หน่วยงานนี้ใช้ภายในเท่านั้น ข้อมูลทุกช่องไม่แสดงบนเว็บไซต์สาธารณะ"))
    return AgencyDetail(
        agency=agency,
        card=card,
        mission=rich_text_without_block_keys(card.mission),
        sections=[section for section in sections if section is not None],
        contacts=[
            _contact(contact, public_contacts.get(contact.pk), reachable=reachable)
            for contact in card.contacts
        ],
        notices=notices,
    )
