"""The public data rule, in one place, and the cards it builds (the "cards" layer: above the
models, below every read and surface).

Every public surface gets agency data from ``public_agencies()`` (which agencies) and
``agency_public_view()`` (which of their fields). Staff get ``agency_staff_view()`` through a
permission-checked path. Both views are plain data, ready for a template, built from an instance
so that the moderation preview shows exactly what approval will publish.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.display import choice_label
from coordination.models import Agency, AgencyPhone, Contact, Visibility
from coordination.phones import phone_tel_uri


@dataclass(frozen=True)
class CardFact:
    """One labelled fact of a card: `key` is its machine name (the API's and the index's),
    `label` the Thai one people read."""

    key: str
    label: str
    value: str


def _facts(*rows: tuple[str, str, str]) -> list[CardFact]:
    return [CardFact(key, label, value) for key, label, value in rows if value]


@dataclass(frozen=True)
class PhoneLine:
    kind: str
    label: str
    number: str
    tel_uri: str
    is_public: bool = True
    note: str = ""


@dataclass(frozen=True)
class ContactCard:
    name: str
    position: str
    role: str
    phone: str = ""
    phone_uri: str = ""
    email: str = ""
    mobile: str = ""
    mobile_uri: str = ""
    line_id: str = ""
    home_address: str = ""
    period_from: object = None
    period_until: object = None
    is_private_person: bool = False
    consent_recorded_at: object = None
    hidden_fields: tuple[str, ...] = ()
    role_code: str = ""
    pk: int | None = None


@dataclass(frozen=True)
class AgencyLink:
    """A related agency (parent or child) that the audience may see."""

    name_th: str
    slug: str


@dataclass(frozen=True)
class AgencyCard:
    """What one audience may see of an agency."""

    audience: str  # "public" or "staff"
    pk: int | None
    slug: str
    name_th: str
    name_en: str
    short_name: str
    scope: str
    scope_label: str
    category: str
    parent_name: str
    parent_slug: str
    mission: str
    address_line: str
    province_name: str
    district_name: str
    subdistrict_name: str
    postcode: str
    latitude: object
    longitude: object
    phones: list[PhoneLine]
    email: str
    email_saraban: str
    website: str
    facebook_url: str
    line_oa: str
    identifiers: list[CardFact]
    school_facts: list[CardFact]
    status: str
    status_label: str
    closed_reason: str
    successor_name: str
    contacts: list[ContactCard]
    visibility: str
    visibility_label: str
    tags: list[str] = field(default_factory=list)
    last_verified_at: object = None
    is_publishable: bool = True
    category_slug: str = ""
    category_kind: str = ""
    district_code: str = ""
    children: list[AgencyLink] = field(default_factory=list)
    street_address: str = ""
    parent_pk: int | None = None
    # When the approved version was published: what API clients sync on (modified_after).
    published_at: object = None
    # The office's date of the last check that the data is correct ("ตรวจสอบข้อมูลล่าสุด"):
    # public, date only; who checked stays on the staff side (last_verified_at, history).
    verified_on: object = None

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"


def public_agencies() -> QuerySet[Agency]:
    """Agencies whose data may appear on a public surface: published, live and public."""
    return Agency.objects.filter(live=True, visibility=Visibility.PUBLIC)


def agency_is_public(agency: Agency) -> bool:
    """The rule of `public_agencies()` for one loaded instance (keep the two in step)."""
    return bool(agency.live) and agency.visibility == Visibility.PUBLIC


def with_card_relations(
    queryset: QuerySet[Agency], *, tags: bool = True, contacts: bool = True
) -> QuerySet[Agency]:
    """Everything a card reads, fetched in a fixed number of queries.

    Public cards never show tags: public callers may pass ``tags=False`` to save a query.
    Listings that show no contact persons pass ``contacts=False``: their cards list none.
    """
    contact_rows = Contact.objects.order_by("sort_order") if contacts else Contact.objects.none()
    lookups = [
        Prefetch("phones", queryset=AgencyPhone.objects.order_by("sort_order")),
        Prefetch("contacts", queryset=contact_rows),
    ]
    if tags:
        lookups.append("tags")
    return queryset.select_related(
        "category", "parent", "successor", "school_network"
    ).prefetch_related(*lookups)


def with_children(queryset: QuerySet[Agency]) -> QuerySet[Agency]:
    """Also fetch the live child agencies (one more query); each card keeps those its audience
    may see. Without it a card lists no children, so that listings stay at a fixed query count."""
    children = (
        Agency.objects.filter(live=True)
        .only("pk", "slug", "name_th", "parent_id", "live", "visibility")
        .order_by("name_sort", "pk")
    )
    return queryset.prefetch_related(
        Prefetch("children", queryset=children, to_attr="live_children")
    )


def _street_address(agency: Agency) -> str:
    parts = []
    if agency.house_no:
        parts.append(f"เลขที่ {agency.house_no}")
    if agency.moo:
        parts.append(f"หมู่ {agency.moo}")
    if agency.road:
        parts.append(agency.road)
    return " ".join(parts)


def _address_line(agency: Agency) -> str:
    street = _street_address(agency)
    parts = [street] if street else []
    if agency.subdistrict_code:
        parts.append(f"ตำบล{agency.subdistrict_name}")
    if agency.district_code:
        parts.append(f"อำเภอ{agency.district_name}")
    if agency.province_code:
        parts.append(f"จังหวัด{agency.province_name}")
    if agency.postcode:
        parts.append(agency.postcode)
    return " ".join(parts)


def _contact_card(contact: Contact, *, audience: str) -> ContactCard | None:
    common = {
        "name": contact.name,
        "position": contact.position,
        "role": choice_label(contact, "role"),
        "role_code": contact.role,
        "pk": contact.pk,
    }
    if audience == "staff":
        return ContactCard(
            **common,
            phone=contact.phone,
            phone_uri=phone_tel_uri(contact.phone) if contact.phone else "",
            email=contact.email,
            mobile=contact.mobile,
            mobile_uri=phone_tel_uri(contact.mobile) if contact.mobile else "",
            line_id=contact.line_id,
            home_address=contact.home_address,
            period_from=contact.period_from,
            period_until=contact.period_until,
            is_private_person=contact.is_private_person,
            consent_recorded_at=contact.consent_recorded_at,
            hidden_fields=(
                *tuple(
                    name
                    for name, shown in (
                        ("phone", contact.phone_public),
                        ("email", contact.email_public),
                        ("mobile", contact.mobile_public),
                        ("line_id", contact.line_public),
                    )
                    if not shown
                ),
                "home_address",
            ),
        )
    if contact.is_private_person and not contact.has_consent:
        return None
    if contact.period_until and contact.period_until < timezone.localdate():
        return None
    phone = contact.phone if contact.phone_public else ""
    mobile = contact.mobile if contact.mobile_public else ""
    return ContactCard(
        **common,
        phone=phone,
        phone_uri=phone_tel_uri(phone) if phone else "",
        email=contact.email if contact.email_public else "",
        mobile=mobile,
        mobile_uri=phone_tel_uri(mobile) if mobile else "",
        line_id=contact.line_id if contact.line_public else "",
    )


def _card(agency: Agency, *, audience: str) -> AgencyCard:
    staff = audience == "staff"
    phones = [
        PhoneLine(
            kind=phone.kind,
            label=choice_label(phone, "kind"),
            number=phone.number,
            tel_uri=phone_tel_uri(phone.number),
            is_public=phone.is_public,
            note=phone.label,
        )
        for phone in agency.phones.all()
        if staff or phone.is_public
    ]
    contacts = [
        card
        for card in (_contact_card(c, audience=audience) for c in agency.contacts.all())
        if card is not None
    ]
    identifiers = _facts(
        ("school_code", _("รหัสโรงเรียน"), agency.school_code),
        ("smis_code", _("รหัส SMIS"), agency.smis_code),
        ("obec_code", _("รหัส สพฐ."), agency.obec_code),
        ("tax_id", _("เลขประจำตัวผู้เสียภาษี"), agency.tax_id),
    )
    levels = [
        str(label)
        for label, taught in (
            (_("อนุบาล"), agency.teaches_kindergarten),
            (_("ประถมศึกษา"), agency.teaches_primary),
            (_("มัธยมศึกษาตอนต้น"), agency.teaches_lower_secondary),
        )
        if taught
    ]
    people = _("%(count)s คน")
    school_facts = _facts(
        ("size_band", _("ขนาด"), choice_label(agency, "size_band") if agency.size_band else ""),
        (
            "students",
            _("นักเรียน"),
            people % {"count": f"{agency.students:,}"} if agency.students is not None else "",
        ),
        (
            "teachers",
            _("ครู"),
            people % {"count": f"{agency.teachers:,}"} if agency.teachers is not None else "",
        ),
        (
            "school_network",
            _("เครือข่าย"),
            str(agency.school_network) if agency.school_network_id else "",
        ),
        ("levels", _("ระดับที่เปิดสอน"), ", ".join(levels)),
    )
    parent = agency.parent if agency.parent_id else None
    parent_visible = parent is not None and (staff or agency_is_public(parent))
    successor = agency.successor if agency.successor_id else None
    successor_visible = successor is not None and (staff or agency_is_public(successor))
    children = [
        AgencyLink(name_th=child.name_th, slug=child.slug)
        for child in getattr(agency, "live_children", ())
        if staff or agency_is_public(child)
    ]
    return AgencyCard(
        audience=audience,
        pk=agency.pk,
        slug=agency.slug,
        name_th=agency.name_th,
        name_en=agency.name_en,
        short_name=agency.short_name,
        scope=agency.scope,
        scope_label=choice_label(agency, "scope"),
        category=str(agency.category) if agency.category_id else "",
        parent_name=parent.name_th if parent_visible else "",
        parent_slug=parent.slug if parent_visible else "",
        mission=agency.mission,
        address_line=_address_line(agency),
        province_name=agency.province_name,
        district_name=agency.district_name,
        subdistrict_name=agency.subdistrict_name,
        postcode=agency.postcode,
        latitude=agency.latitude,
        longitude=agency.longitude,
        phones=phones,
        email=agency.email,
        email_saraban=agency.email_saraban,
        website=agency.website,
        facebook_url=agency.facebook_url,
        line_oa=agency.line_oa,
        identifiers=identifiers,
        school_facts=school_facts,
        status=agency.status,
        status_label=choice_label(agency, "status"),
        closed_reason=agency.closed_reason,
        successor_name=successor.name_th if successor_visible else "",
        contacts=contacts,
        visibility=agency.visibility,
        visibility_label=choice_label(agency, "visibility"),
        tags=[tag.name for tag in agency.tags.all()] if staff else [],
        last_verified_at=agency.last_verified_at if staff else None,
        is_publishable=agency.visibility == Visibility.PUBLIC,
        category_slug=agency.category.slug if agency.category_id else "",
        category_kind=agency.category.kind if agency.category_id else "",
        district_code=agency.district_code,
        children=children,
        street_address=_street_address(agency),
        parent_pk=parent.pk if parent_visible else None,
        published_at=agency.last_published_at,
        verified_on=(
            timezone.localdate(agency.last_verified_at) if agency.last_verified_at else None
        ),
    )


def agency_public_view(agency: Agency) -> AgencyCard:
    """The fields of `agency` that the public may see (whether the agency itself is public is
    `public_agencies()`'s rule)."""
    return _card(agency, audience="public")


def agency_staff_view(agency: Agency) -> AgencyCard:
    """Everything staff with view permission may see, internal fields included."""
    return _card(agency, audience="staff")
