"""Load the sample registry of สพป.อุทัยธานี เขต 1 (`seed_demo`), idempotently.

Records go through Wagtail's own create/edit/publish/workflow actions, so revisions, the audit
log, workflow states and the live-data history exist as if officers had typed them: an officer
creates each agency and the deputy director publishes it. Existing records (by slug or username)
are left untouched, so a second run changes nothing.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions import action_registry

from coordination import geo, roles
from coordination.choices import size_band_for
from coordination.demo import sample as data
from coordination.demo.sample import (
    CHANGE_REASON,
    DEMO_PASSWORD,
    EMAIL_DOMAIN,
    OFFICE_SLUG,
    SAMPLE_NOTE,
    SAMPLE_TAG,
    UserSpec,
)
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
    Scope,
    Visibility,
)

DEMO_USERS = [
    UserSpec("officer", "สมศรี", "ประสานงาน", roles.OFFICERS, roles.OFFICERS),
    UserSpec("director", "วิไลวรรณ", "ศรีอุทัย", roles.GROUP_DIRECTOR, roles.GROUP_DIRECTOR),
    UserSpec("deputy", "ประเสริฐ", "ธรรมรักษ์", roles.DEPUTY_DIRECTOR, roles.DEPUTY_DIRECTOR),
    UserSpec("staff", "บุญมี", "ทองคำ", roles.STAFF, roles.STAFF),
    UserSpec("admin", "ผู้ดูแล", "ระบบ", None, "ผู้ดูแลระบบ (Superuser)"),
]


def registry_demo_load(*, stdout=None) -> dict:
    """Create the demo users and sample agencies that are missing; return counts and logins.

    Returns ``{"logins": [{"username", "password", "role"}], "created": int, "existing": int}``.
    """
    with transaction.atomic():
        loader = _DemoLoader(stdout=stdout)
        logins = loader.users()
        loader.networks()
        loader.office_and_groups()
        loader.schools()
        loader.external_agencies()
        loader.persons()
    return {"logins": logins, "created": loader.created, "existing": loader.existing}


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _address(subdistrict_code: str) -> dict:
    """Province, district and the subdistrict's own postcode from the geothai reference."""
    district_code = subdistrict_code[:4]
    postcodes = next(
        codes
        for code, _name, codes in geo.address_reference()["subdistricts"][district_code]
        if code == subdistrict_code
    )
    return {
        "province_code": subdistrict_code[:2],
        "district_code": district_code,
        "subdistrict_code": subdistrict_code,
        "postcode": postcodes[0],
    }


def _mission(text: str) -> str:
    return f"<p>{text} {SAMPLE_NOTE}</p>"


def _compact(slug: str) -> str:
    return slug.removesuffix("-school").replace("-", "")


class _DemoLoader:
    """Builds each sample agency once; `rng` is seeded per record so values are stable."""

    def __init__(self, *, stdout=None):
        self.stdout = stdout
        self.created = 0
        self.existing = 0
        self.categories = {c.slug: c for c in AgencyCategory.objects.all()}
        self.network_rows: dict[str, SchoolNetwork] = {}
        self.office: Agency | None = None
        self.created_slugs: set[str] = set()

    # Users -------------------------------------------------------------------------------

    def users(self) -> list[dict]:
        User = get_user_model()
        logins = []
        for spec in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=spec.username,
                defaults={
                    "first_name": spec.first_name,
                    "last_name": spec.last_name,
                    "email": f"{spec.username}@{EMAIL_DOMAIN}",
                    "is_staff": spec.group is None,
                    "is_superuser": spec.group is None,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            if spec.group:
                user.groups.add(Group.objects.get(name=spec.group))
            logins.append({"username": spec.username, "password": DEMO_PASSWORD, "role": spec.role})
        self.officer = User.objects.get(username="officer")
        self.deputy = User.objects.get(username="deputy")
        _say(self.stdout, _("ผู้ใช้ตัวอย่าง %(count)d บัญชี") % {"count": len(logins)})
        return logins

    # Reference data ----------------------------------------------------------------------

    def networks(self) -> None:
        for spec in data.NETWORKS:
            network = SchoolNetwork.objects.filter(slug=spec.slug).first()
            if network is None:
                network = SchoolNetwork(
                    slug=spec.slug,
                    name_th=spec.name_th,
                    district_code=spec.district_code,
                    description=f"{spec.name_en} {SAMPLE_NOTE}",
                )
                network._change_reason = CHANGE_REASON
                network._history_user = self.officer
                network.save()
            self.network_rows[spec.slug] = network
        _say(self.stdout, _("เครือข่ายสถานศึกษา %(count)d เครือข่าย") % {"count": len(data.NETWORKS)})

    # Agencies ----------------------------------------------------------------------------

    def office_and_groups(self) -> None:
        office = data.OFFICE
        rng = random.Random(OFFICE_SLUG)
        contacts = [self._contact(rng, **spec) for spec in office["contacts"]]
        self.office = self._add(
            rng,
            **office["agency"],
            scope=Scope.INTERNAL,
            phones=[(p["kind"], p["number"], p["label"], True) for p in office["phones"]],
            contacts=contacts,
        )
        phone = office["phones"][0]["number"]  # the switchboard; group desks are its extensions
        address = {key: office["agency"][key] for key in ("subdistrict", "house_no", "road")}
        for spec in data.OFFICE_GROUPS:
            rng = random.Random(spec.slug)
            self._add(
                rng,
                slug=spec.slug,
                name_th=spec.name_th,
                name_en=spec.name_en,
                category="office-group",
                scope=Scope.INTERNAL,
                parent=self.office,
                **address,
                mission=spec.duties,
                email=f"{spec.slug.removeprefix('uthai1-')}@{EMAIL_DOMAIN}",
                phones=[(PhoneKind.OFFICE, f"{phone} ต่อ {spec.extension}", "", True)],
                contacts=[
                    self._contact(
                        rng,
                        position=spec.head,
                        role=ContactRole.HEAD,
                        phone=f"{phone} ต่อ {spec.extension}",
                        email=f"head.{spec.slug.removeprefix('uthai1-')}@{EMAIL_DOMAIN}",
                    ),
                    self._contact(
                        rng,
                        position="ผู้ประสานงานของกลุ่ม",
                        phone=f"{phone} ต่อ {int(spec.extension) + 1}",
                        email="",
                        line=rng.random() < 0.5,
                    ),
                ],
            )
        _say(
            self.stdout,
            _("สำนักงานและกลุ่มในสำนักงาน %(count)d หน่วย") % {"count": 1 + len(data.OFFICE_GROUPS)},
        )

    def schools(self) -> None:
        network_agencies = {}
        network_of = {}
        for spec in data.NETWORKS:
            rng = random.Random(spec.slug)
            network_agencies[spec.slug] = self._add(
                rng,
                slug=spec.slug,
                name_th=spec.name_th,
                name_en=spec.name_en,
                category="school-network",
                scope=Scope.INTERNAL,
                parent=self.office,
                subdistrict=spec.subdistricts[0],
                mission=f"ประสานความร่วมมือทางวิชาการของโรงเรียนใน{spec.name_th.removeprefix('เครือข่ายสถานศึกษา')}",
                contacts=[
                    self._contact(rng, position="ประธานเครือข่ายสถานศึกษา", role=ContactRole.HEAD)
                ],
            )
            network_of.update(dict.fromkeys(spec.subdistricts, spec.slug))
        for number, spec in enumerate(data.SCHOOLS, start=1):
            network_slug = network_of[spec.subdistrict_code]
            self._school(
                number,
                spec,
                network=self.network_rows[network_slug],
                parent=network_agencies[network_slug],
            )
        _say(
            self.stdout,
            _("เครือข่าย %(networks)d และโรงเรียน %(schools)d แห่ง")
            % {"networks": len(data.NETWORKS), "schools": len(data.SCHOOLS)},
        )

    def _school(self, number: int, spec, *, network, parent) -> Agency:
        rng = random.Random(spec.name_en)
        slug = spec.name_en.lower().replace(" ", "-")
        compact = _compact(slug)
        students = spec.students
        phone = f"056-{rng.randint(520, 599)}-{rng.randint(0, 999):03d}"
        small = 0 < students <= 60
        phones = [(PhoneKind.OFFICE, phone, "", True)]
        if small:
            phones = [(PhoneKind.MOBILE, self._mobile(rng), "โทรศัพท์ผู้อำนวยการ", True)]
        closed = bool(spec.closed_into)
        head = self._contact(
            rng,
            position=f"ผู้อำนวยการ{spec.name_th}",
            role=ContactRole.HEAD,
            phone="" if small else phone,
            email=f"director.{compact}@{EMAIL_DOMAIN}",
            line=rng.random() < 0.4,
            home=number % 9 == 0,
            until=date(2023, 5, 15) if closed else None,
        )
        contacts = [head]
        if students > 200:
            contacts.append(
                self._contact(
                    rng,
                    position="ครูผู้ประสานงานข้อมูลสารสนเทศ",
                    phone=phone,
                    email=f"info.{compact}@{EMAIL_DOMAIN}",
                )
            )
        fields = {
            "school_code": f"106101{number:04d}",
            "smis_code": f"6101{number:04d}",
            "obec_code": f"61{number:04d}",
            "school_network": network,
            "teaches_kindergarten": students == 0 or rng.random() < 0.9,
            "teaches_primary": True,
            "teaches_lower_secondary": spec.lower_secondary,
        }
        if students:
            fields |= {
                "students": students,
                "teachers": max(4, round(students / 19)),
                "size_band": size_band_for(students),
            }
        if closed:
            fields |= {
                "status": AgencyStatus.CLOSED,
                "closed_reason": f"{spec.closed_reason} {SAMPLE_NOTE}",
                "successor": Agency.objects.get(slug=spec.closed_into),
            }
        mission = f"จัดการศึกษาระดับ{_levels_text(fields)} ในตำบล{geo.subdistrict_name(spec.subdistrict_code)}"
        return self._add(
            rng,
            slug=slug,
            name_th=spec.name_th,
            name_en=spec.name_en,
            category="school",
            scope=Scope.INTERNAL,
            parent=parent,
            subdistrict=spec.subdistrict_code,
            moo=spec.moo,
            mission=mission,
            email=f"{compact}@{EMAIL_DOMAIN}",
            website=f"https://{compact}.{EMAIL_DOMAIN}" if students > 300 else "",
            facebook_url=f"https://www.facebook.com/example.{compact}" if students > 150 else "",
            phones=phones,
            contacts=contacts,
            **fields,
        )

    def external_agencies(self) -> None:
        for number, spec in enumerate(data.EXTERNAL_AGENCIES, start=1):
            rng = random.Random(spec["slug"])
            domain = spec.get("email_domain") or (
                spec["website"].removeprefix("https://")
                if spec.get("website")
                else f"{spec['slug']}.example.go.th"
            )
            phone = f"056-{rng.randint(510, 599)}-{rng.randint(0, 999):03d}"
            phones = [(PhoneKind.OFFICE, phone, "", True)]
            if spec.get("fax"):
                saraban = f"{phone} ต่อ {rng.randint(100, 199)}"
                phones.append((PhoneKind.OFFICE, saraban, "งานสารบรรณ", True))
                phones.append(
                    (
                        PhoneKind.FAX,
                        f"056-{rng.randint(510, 599)}-{rng.randint(0, 999):03d}",
                        "",
                        True,
                    )
                )
            if spec.get("hotline"):
                phones.append(
                    (
                        PhoneKind.HOTLINE,
                        f"056-{rng.randint(510, 599)}-{rng.randint(0, 999):03d}",
                        "ตลอด 24 ชั่วโมง",
                        True,
                    )
                )
            category = spec["category"]
            private = category in {"ngo", "private-company"}
            extra = {}
            if spec.get("tax_id"):
                first_twelve = f"{spec['tax_id']}{number:06d}"
                extra["tax_id"] = first_twelve + tax_id_check_digit(first_twelve)
            agency = self._add(
                rng,
                slug=spec["slug"],
                name_th=spec["name_th"],
                name_en=spec["name_en"],
                short_name=spec.get("short_name", ""),
                category=category,
                scope=Scope.EXTERNAL,
                visibility=spec.get("visibility", Visibility.PUBLIC),
                subdistrict=spec["subdistrict"],
                house_no=spec.get("house_no", ""),
                moo=spec.get("moo", ""),
                road=spec.get("road", ""),
                mission=spec["mission"],
                email=f"contact@{domain}",
                email_saraban="" if private else f"saraban@{domain}",
                website=spec.get("website", ""),
                facebook_url=spec.get("facebook", ""),
                line_oa=spec.get("line_oa", ""),
                phones=phones,
                contacts=[
                    self._contact(
                        rng,
                        position=spec["head"],
                        role=ContactRole.HEAD,
                        phone=phone,
                        email=f"head@{domain}",
                        home=number % 11 == 0,
                    ),
                    self._contact(
                        rng,
                        position=spec["coordinator"],
                        phone=f"{phone} ต่อ {rng.randint(10, 49)}",
                        email=f"coordinator@{domain}",
                        line=rng.random() < 0.5,
                        mobile_public=private,
                    ),
                ],
                publish=spec["slug"] not in {data.DRAFT_SLUG, data.MODERATION_SLUG},
                **extra,
            )
            self._special_state(agency, spec["slug"])
        _say(
            self.stdout,
            _("หน่วยงานภายนอก %(count)d หน่วยงาน") % {"count": len(data.EXTERNAL_AGENCIES)},
        )

    def persons(self) -> None:
        for spec in data.PERSONS:
            rng = random.Random(spec["slug"])
            consent = spec["consent"]
            mobile = self._mobile(rng)
            contact = Contact(
                name=spec["name_th"],
                position="บุคคลทั่วไป",
                role=ContactRole.HEAD,
                mobile=mobile,
                home_address=f"{spec['house_no']} หมู่ {spec['moo']} ตำบล{geo.subdistrict_name(spec['subdistrict'])}",
                is_private_person=True,
                phone_public=False,
                email_public=False,
                mobile_public=consent,
                line_public=False,
                consent_recorded_at=date(2024, 6, 3) if consent else None,
                consent_note=f"หนังสือให้ความยินยอมเลขที่ 12/2567 {SAMPLE_NOTE}" if consent else "",
            )
            self._add(
                rng,
                slug=spec["slug"],
                name_th=spec["name_th"],
                name_en=spec["name_en"],
                category="person",
                scope=Scope.EXTERNAL,
                visibility=Visibility.PUBLIC if consent else Visibility.INTERNAL,
                subdistrict=spec["subdistrict"],
                house_no=spec["house_no"],
                moo=spec["moo"],
                mission=spec["mission"],
                phones=[(PhoneKind.MOBILE, mobile, "", consent)],
                contacts=[contact],
            )
        _say(self.stdout, _("บุคคล %(count)d ราย") % {"count": len(data.PERSONS)})

    # Building blocks ---------------------------------------------------------------------

    def _add(
        self,
        rng: random.Random,
        *,
        slug: str,
        category: str,
        subdistrict: str,
        mission: str,
        phones=(),
        contacts=(),
        publish: bool = True,
        **fields,
    ) -> Agency:
        """Create, validate, save and (by default) publish one agency unless its slug exists."""
        existing = Agency.objects.filter(slug=slug).first()
        if existing is not None:
            self.existing += 1
            return existing
        address = _address(subdistrict)
        centre = data.DISTRICT_CENTRES.get(address["district_code"])
        if centre:
            fields.setdefault("latitude", _coordinate(centre[0], rng))
            fields.setdefault("longitude", _coordinate(centre[1], rng))
        agency = Agency(
            slug=slug,
            category=self.categories[category],
            mission=_mission(mission),
            last_verified_at=timezone.now() - timedelta(days=rng.randint(5, 500)),
            last_verified_by=self.officer,
            responsible_officer=self.officer,
            created_at=timezone.now() - timedelta(days=600),
            **address,
            **fields,
        )
        agency.phones = [
            AgencyPhone(kind=kind, number=number, label=label, is_public=public, sort_order=i)
            for i, (kind, number, label, public) in enumerate(phones)
        ]
        for i, contact in enumerate(contacts):
            contact.sort_order = i
        agency.contacts = list(contacts)
        for child in [*agency.phones.all(), *agency.contacts.all()]:
            child.full_clean(exclude=["agency"])
        agency.tags.add(SAMPLE_TAG)

        create = action_registry.get_action_class(Agency, "create")
        action = create(agency, user=self.officer, clean=True)
        agency = action.execute()
        self._label_history(agency, self.officer)
        if publish:
            action.revision.publish(user=self.deputy)
            self._label_history(agency, self.deputy)
            agency.refresh_from_db()
        self.created += 1
        self.created_slugs.add(slug)
        return agency

    def _special_state(self, agency: Agency, slug: str) -> None:
        """Give the workflow's sample records their state, right after creating them."""
        if slug not in self.created_slugs:
            return  # existed before this run, so it already has its state
        if slug == data.MODERATION_SLUG:
            agency.get_workflow().start(agency, self.officer)
        elif slug == data.PENDING_CHANGE_SLUG:
            draft = Agency.objects.get(pk=agency.pk)
            draft.website = "https://new.uthaicity.example.go.th"
            draft.phones.add(
                AgencyPhone(
                    kind=PhoneKind.HOTLINE,
                    number="056-514-199",
                    label="สายด่วนเทศบาล (รอการอนุมัติ)",
                    sort_order=9,
                )
            )
            edit = action_registry.get_action_class(Agency, "edit")
            edit(draft, user=self.officer, clean=True).execute()

    def _contact(
        self,
        rng: random.Random,
        *,
        position: str,
        role: str = ContactRole.COORDINATOR,
        phone: str = "",
        email: str = "",
        line: bool = False,
        home: bool = False,
        mobile_public: bool = False,
        until: date | None = None,
    ) -> Contact:
        """A government or office contact: work phone/e-mail public, mobile/LINE/home internal."""
        female = rng.random() < 0.55
        title = rng.choice(["นาง", "นางสาว"]) if female else "นาย"
        first = rng.choice(data.FEMALE_FIRST_NAMES if female else data.MALE_FIRST_NAMES)
        last = rng.choice(data.LAST_NAMES)
        return Contact(
            name=f"{title}{first} {last}",
            position=position,
            role=role,
            phone=phone,
            email=email,
            mobile=self._mobile(rng),
            line_id=f"example_{rng.randint(1000, 9999)}" if line else "",
            home_address=f"{rng.randint(1, 199)} หมู่ {rng.randint(1, 12)} {SAMPLE_NOTE}"
            if home
            else "",
            period_from=date(rng.randint(2019, 2024), rng.choice([4, 10]), 1),
            period_until=until,
            mobile_public=mobile_public,
        )

    @staticmethod
    def _mobile(rng: random.Random) -> str:
        return f"0{rng.choice([81, 86, 89, 91, 93, 95, 98])}-{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}"

    @staticmethod
    def _label_history(agency: Agency, user) -> None:
        """Attribute the history rows a save just wrote and give them the seed's reason."""
        for model, lookup in (
            (Agency, {"id": agency.pk}),
            (Contact, {"agency_id": agency.pk}),
            (AgencyPhone, {"agency_id": agency.pk}),
        ):
            model.history.filter(history_change_reason__isnull=True, **lookup).update(
                history_change_reason=CHANGE_REASON, history_user=user
            )


def _levels_text(fields: dict) -> str:
    levels = []
    if fields["teaches_kindergarten"]:
        levels.append("อนุบาล")
    levels.append("ประถมศึกษา")
    if fields["teaches_lower_secondary"]:
        levels.append("มัธยมศึกษาตอนต้น")
    return " ".join(levels)


def _coordinate(centre: float, rng: random.Random) -> Decimal:
    return Decimal(str(round(centre + rng.uniform(-0.04, 0.04), 6)))


def demo_admin_url() -> str:
    """Where the printed logins are used."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
