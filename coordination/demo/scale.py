"""Synthetic national-scale registry data for benchmarks (`seed_scale`).

Rows are bulk-inserted in batches, one transaction per batch, with what Wagtail and the audit
trail would hold for a published agency: one revision (the agency serialised as Wagtail stores it)
as its latest and live revision, one audit-log entry, and one simple-history row ("+") per agency,
contact and phone. No signals run, so the search index is not touched: rebuild it afterwards.

Each run adds agencies numbered after the highest existing ``scale-NNNNNNNN`` slug, so it can be
run again to grow the data set; school codes and other identifiers follow that number.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, F, Max, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, Revision

from coordination import geo
from coordination.choices import size_band_for
from coordination.demo import demo_data_load
from coordination.identifiers import tax_id_check_digit
from coordination.models import (
    Agency,
    AgencyCategory,
    AgencyPhone,
    AgencyStatus,
    Contact,
    ContactRole,
    PhoneKind,
    SchoolNetwork,
    Visibility,
)

SLUG_PREFIX = "scale-"
CHANGE_REASON = "seed_scale"
SAMPLE_NOTE = "(ข้อมูลสังเคราะห์ seed_scale)"

# Category slug -> weight; roughly the mix a national registry of an education office would hold.
CATEGORY_WEIGHTS = {
    "school": 32,
    "local-admin": 20,
    "government": 17,
    "education-office": 5,
    "state-enterprise": 5,
    "ngo": 7,
    "private-company": 7,
    "office-group": 3,
    "school-network": 2,
    "person": 2,
}
DRAFT_SHARE = 0.04  # never published
INTERNAL_SHARE = 0.08  # visibility "internal"

# Name templates per category, name pools, contact positions and landline area codes.
DATA = demo_data_load("scale.json")
TEMPLATES = DATA["name_templates"]  # category slug -> name templates filled in with the place

ROLES = [ContactRole.HEAD, ContactRole.DEPUTY, ContactRole.COORDINATOR, ContactRole.SARABAN]


@dataclass(frozen=True)
class Place:
    province_code: str
    district_code: str
    subdistrict_code: str
    postcode: str
    province: str
    district: str
    subdistrict: str


@dataclass
class _Built:
    agency: Agency
    contacts: list[Contact] = field(default_factory=list)
    phones: list[AgencyPhone] = field(default_factory=list)


def registry_scale_load(
    *,
    agencies: int,
    contacts_per_agency: int = 4,
    batch: int = 2000,
    seed: int | None = None,
    stdout=None,
) -> dict:
    """Add `agencies` synthetic agencies (with contacts, phones, revisions and history rows).

    Returns the counts of rows written, the slug range and the elapsed seconds.
    """
    started = time.monotonic()
    builder = _Builder(contacts_per_agency=contacts_per_agency, seed=seed)
    counts = {"agencies": 0, "contacts": 0, "phones": 0, "revisions": 0, "history_rows": 0}
    for offset in range(0, agencies, batch):
        size = min(batch, agencies - offset)
        with transaction.atomic():
            built = [builder.build(builder.first_number + offset + i) for i in range(size)]
            for key, value in _insert(built, builder).items():
                counts[key] += value
        if stdout is not None:
            done = offset + size
            rate = done / max(time.monotonic() - started, 0.001)
            stdout.write(
                _("หน่วยงาน %(done)s/%(total)s (%(rate)s ต่อวินาที)")
                % {"done": f"{done:,}", "total": f"{agencies:,}", "rate": f"{rate:,.0f}"}
            )
    counts["first_slug"] = _slug(builder.first_number) if agencies else ""
    counts["last_slug"] = _slug(builder.first_number + agencies - 1) if agencies else ""
    counts["seconds"] = round(time.monotonic() - started, 1)
    return counts


def _slug(number: int) -> str:
    return f"{SLUG_PREFIX}{number:08d}"


def _places() -> list[Place]:
    """Every subdistrict of the country with its own postcode, from the geothai reference."""
    reference = geo.address_reference()
    provinces = dict(reference["provinces"])
    places = []
    for province_code, districts in reference["districts"].items():
        for district_code, district_name in districts:
            for code, name, postcodes in reference["subdistricts"][district_code]:
                if not postcodes:
                    continue
                places.append(
                    Place(
                        province_code,
                        district_code,
                        code,
                        postcodes[0],
                        provinces[province_code],
                        district_name,
                        name,
                    )
                )
    return places


class _Builder:
    """Builds unsaved rows for agency number `n`; values depend only on `n` and the seed."""

    def __init__(self, *, contacts_per_agency: int, seed: int | None):
        last = Agency.objects.filter(slug__startswith=SLUG_PREFIX).aggregate(m=Max("slug"))["m"]
        self.first_number = int(last.removeprefix(SLUG_PREFIX)) + 1 if last else 1
        self.seed = self.first_number if seed is None else seed
        self.contacts_per_agency = contacts_per_agency
        self.places = _places()
        self.categories = {c.slug: c for c in AgencyCategory.objects.all()}
        self.category_slugs = [s for s in CATEGORY_WEIGHTS if s in self.categories]
        self.weights = [CATEGORY_WEIGHTS[s] for s in self.category_slugs]
        self.networks = self._networks()
        self.content_type = ContentType.objects.get_for_model(Agency)
        self.now = timezone.now()

    def _networks(self) -> dict[str, SchoolNetwork]:
        networks = {}
        for code, name in geo.province_choices():
            network = SchoolNetwork.objects.filter(slug=f"{SLUG_PREFIX}network-{code}").first()
            if network is None:
                network = SchoolNetwork(
                    slug=f"{SLUG_PREFIX}network-{code}",
                    name_th=f"เครือข่ายสถานศึกษาจังหวัด{name} {SAMPLE_NOTE}",
                    description=SAMPLE_NOTE,
                )
                network._change_reason = CHANGE_REASON
                network.save()
            networks[code] = network
        return networks

    def build(self, number: int) -> _Built:
        rng = random.Random(self.seed * 1_000_003 + number)
        place = rng.choice(self.places)
        category_slug = rng.choices(self.category_slugs, self.weights)[0]
        category = self.categories[category_slug]
        live = rng.random() >= DRAFT_SHARE
        agency = Agency(
            slug=_slug(number),
            category=category,
            scope=category.default_scope,
            province_code=place.province_code,
            district_code=place.district_code,
            subdistrict_code=place.subdistrict_code,
            postcode=place.postcode,
            house_no=str(rng.randint(1, 399)),
            moo=str(rng.randint(1, 15)) if rng.random() < 0.6 else "",
            visibility=Visibility.INTERNAL if rng.random() < INTERNAL_SHARE else Visibility.PUBLIC,
            live=live,
            has_unpublished_changes=not live,
            first_published_at=self.now if live else None,
            last_published_at=self.now if live else None,
            email=f"saraban{number}@scale.example.go.th",
            last_verified_at=self.now - timedelta(days=rng.randint(0, 720)),
        )
        getattr(self, f"_fill_{category_slug.replace('-', '_')}", self._fill_other)(
            agency, place, rng, number
        )
        agency.thai_sort_keys_fill()  # bulk_create skips save(), which sets them
        agency.created_at = self.now - timedelta(days=800)
        agency.review_due_fill({category.pk: category.review_interval_days})
        agency.mission = f"<p>{agency.name_th} ตำบล{place.subdistrict} อำเภอ{place.district} จังหวัด{place.province} {SAMPLE_NOTE}</p>"
        built = _Built(agency)
        built.phones.append(
            AgencyPhone(kind=PhoneKind.OFFICE, number=_landline(place, rng), sort_order=0)
        )
        if rng.random() < 0.5:
            kind = rng.choice([PhoneKind.FAX, PhoneKind.HOTLINE, PhoneKind.MOBILE])
            number_text = _mobile(rng) if kind == PhoneKind.MOBILE else _landline(place, rng)
            built.phones.append(AgencyPhone(kind=kind, number=number_text, sort_order=1))
        private = category_slug == "person"
        consent = private and agency.visibility == Visibility.PUBLIC
        for j in range(self.contacts_per_agency):
            built.contacts.append(
                Contact(
                    name=_person_name(rng),
                    position=_position(category_slug, j),
                    role=ROLES[j % len(ROLES)],
                    phone="" if private else f"{built.phones[0].number} ต่อ {100 + j}",
                    email="" if private else f"c{number}.{j}@scale.example.go.th",
                    mobile=_mobile(rng),
                    line_id=f"scale{number}_{j}" if rng.random() < 0.2 else "",
                    period_from=date(rng.randint(2015, 2025), rng.randint(1, 12), 1),
                    phone_public=not private,
                    email_public=not private,
                    mobile_public=consent,
                    is_private_person=private,
                    consent_recorded_at=date(2024, 1, 15) if consent else None,
                    sort_order=j,
                )
            )
        return built

    def _fill_school(self, agency, place, rng, number):
        prefix = rng.choice(DATA["school_prefixes"])
        name = place.district if prefix == "โรงเรียนอนุบาล" else place.subdistrict
        agency.name_th = f"{prefix}{name}{rng.choice(DATA['school_suffixes'])}"
        students = int(rng.lognormvariate(4.8, 0.8))
        agency.school_code = f"9{number:09d}"
        agency.smis_code = f"9{number % 10_000_000:07d}"
        agency.obec_code = f"{700_000 + number % 300_000:06d}"
        agency.students = students
        agency.teachers = max(3, round(students / 19))
        agency.size_band = size_band_for(students)
        agency.school_network = self.networks.get(place.province_code)
        agency.teaches_kindergarten = rng.random() < 0.9
        agency.teaches_primary = True
        agency.teaches_lower_secondary = rng.random() < 0.25
        if rng.random() < 0.01:
            agency.status = AgencyStatus.CLOSED
            agency.closed_reason = f"ยุบรวมเนื่องจากมีนักเรียนน้อย {SAMPLE_NOTE}"

    def _fill_local_admin(self, agency, place, rng, number):
        if rng.random() < 0.7:
            agency.name_th = f"องค์การบริหารส่วนตำบล{place.subdistrict}"
            agency.short_name = f"อบต.{place.subdistrict}"
        else:
            agency.name_th = f"เทศบาลตำบล{place.subdistrict}"
            agency.short_name = f"ทต.{place.subdistrict}"

    def _fill_government(self, agency, place, rng, number):
        agency.name_th = _format(rng.choice(TEMPLATES["government"]), place)

    def _fill_education_office(self, agency, place, rng, number):
        agency.name_th = _format(
            rng.choice(TEMPLATES["education-office"]), place, k=rng.randint(1, 3)
        )

    def _fill_state_enterprise(self, agency, place, rng, number):
        agency.name_th = _format(rng.choice(TEMPLATES["state-enterprise"]), place)

    def _fill_ngo(self, agency, place, rng, number):
        agency.name_th = _format(rng.choice(TEMPLATES["ngo"]), place)
        agency.email = f"contact{number}@scale.example.org"

    def _fill_private_company(self, agency, place, rng, number):
        agency.name_th = _format(rng.choice(TEMPLATES["private-company"]), place)
        agency.email = f"sales{number}@scale.example.com"
        first_twelve = f"0995{number % 100_000_000:08d}"
        agency.tax_id = first_twelve + tax_id_check_digit(first_twelve)

    def _fill_office_group(self, agency, place, rng, number):
        agency.name_th = (
            f"{rng.choice(DATA['office_groups'])} สพป.{place.province} เขต {rng.randint(1, 3)}"
        )

    def _fill_school_network(self, agency, place, rng, number):
        agency.name_th = f"เครือข่ายสถานศึกษา{place.subdistrict}"

    def _fill_person(self, agency, place, rng, number):
        agency.name_th = _person_name(rng)
        agency.email = ""

    def _fill_other(self, agency, place, rng, number):
        agency.name_th = f"หน่วยงาน{place.subdistrict}"


def _format(template: str, place: Place, **extra) -> str:
    return template.format(
        province=place.province, district=place.district, subdistrict=place.subdistrict, **extra
    )


def _person_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"นาย{rng.choice(DATA['male_first_names'])} {rng.choice(DATA['last_names'])}"
    title = rng.choice(["นาง", "นางสาว"])
    return f"{title}{rng.choice(DATA['female_first_names'])} {rng.choice(DATA['last_names'])}"


def _position(category_slug: str, index: int) -> str:
    if index == 0:
        return DATA["head_positions"].get(category_slug, DATA["default_head_position"])
    others = DATA["other_positions"]
    return others[(index - 1) % len(others)]


def _landline(place: Place, rng: random.Random) -> str:
    """A number in the national format `phone_normalize` stores, e.g. "056 511 061"."""
    if place.province_code in DATA["bangkok_province_codes"]:
        return f"02 {rng.randint(100, 999)} {rng.randint(0, 9999):04d}"
    # Landline area codes by the first digit of the DOPA province code (region).
    area = DATA["area_codes"][place.province_code[0]]
    return f"{area} {rng.randint(100, 999)} {rng.randint(0, 999):03d}"


def _mobile(rng: random.Random) -> str:
    return f"0{rng.choice([61, 62, 63, 64, 65, 80, 81, 84, 86, 89, 91, 93, 95, 98])} {rng.randint(100, 999)} {rng.randint(0, 9999):04d}"


def _insert(built: list[_Built], builder: _Builder) -> dict[str, int]:
    """Insert one batch: agencies, children, revisions, revision pointers, log and history rows."""
    agencies = [b.agency for b in built]
    Agency.objects.bulk_create(agencies)
    contacts, phones = [], []
    for b in built:
        for child in (*b.contacts, *b.phones):
            child.agency_id = b.agency.pk
        contacts += b.contacts
        phones += b.phones
    Contact.objects.bulk_create(contacts)
    AgencyPhone.objects.bulk_create(phones)

    content_type_id = builder.content_type.pk
    revisions = []
    for b in built:
        # The in-memory cluster makes serializable_data() match a real revision, without queries.
        b.agency.contacts = b.contacts
        b.agency.phones = b.phones
        b.agency.tagged_items = []
        revisions.append(
            Revision(
                content_type_id=content_type_id,
                base_content_type_id=content_type_id,
                object_id=str(b.agency.pk),
                content=b.agency.serializable_data(),
                object_str=b.agency.name_th,
                created_at=builder.now,
            )
        )
    Revision.objects.bulk_create(revisions)
    # Point each agency at its revision with two set-based UPDATEs (bulk_update's CASE per row
    # is the slowest step otherwise).
    pks = [agency.pk for agency in agencies]
    batch_agencies = Agency.objects.filter(pk__range=(min(pks), max(pks)))
    own_revision = Revision.objects.filter(
        base_content_type_id=content_type_id, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    batch_agencies.filter(latest_revision__isnull=True).update(
        latest_revision_id=Subquery(own_revision.values("pk")[:1])
    )
    batch_agencies.filter(live=True, live_revision__isnull=True).update(
        live_revision_id=F("latest_revision_id")
    )

    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type_id=content_type_id,
            object_id=str(agency.pk),
            label=agency.name_th,
            action="wagtail.publish" if agency.live else "wagtail.create",
            timestamp=builder.now,
            revision_id=revision.pk,
            content_changed=True,
        )
        for agency, revision in zip(agencies, revisions, strict=True)
    )
    history = {"default_change_reason": CHANGE_REASON, "default_date": builder.now}
    rows = len(Agency.history.bulk_history_create(agencies, **history))
    rows += len(Contact.history.bulk_history_create(contacts, **history))
    rows += len(AgencyPhone.history.bulk_history_create(phones, **history))
    return {
        "agencies": len(agencies),
        "contacts": len(contacts),
        "phones": len(phones),
        "revisions": len(revisions),
        "history_rows": rows,
    }
