"""The sample records `seed_demo` loads: a believable สพป.อุทัยธานี เขต 1, clearly marked as sample.

The records themselves live in `data/*.json` next to this module. Everything there is invented for
demonstration: names, phone numbers and e-mail addresses are plausible but fake (e-mails under
example.go.th / example.com / example.org). Append new schools at the end of `schools.json`:
school identifiers are numbered by position, and a closed school comes after the school that
took it over.
"""

from typing import NamedTuple

from coordination.demo import demo_data_load

SAMPLE_TAG = "ข้อมูลตัวอย่าง"
SAMPLE_NOTE = "(ข้อมูลตัวอย่าง)"
CHANGE_REASON = "ข้อมูลตัวอย่าง (seed_demo)"
DEMO_PASSWORD = "uthai1-demo"

# Slugs given a special state to show the workflow (see registry.py).
DRAFT_SLUG = "ban-nong-phang-kha-child-centre"
MODERATION_SLUG = "nong-chang-agriculture-office"
PENDING_CHANGE_SLUG = "uthai-thani-town-municipality"


class UserSpec(NamedTuple):
    username: str
    first_name: str
    last_name: str
    group: str | None  # None: a superuser
    role: str


class OfficeGroupSpec(NamedTuple):
    slug: str
    name_th: str
    name_en: str
    head: str  # position of the group's head
    duties: str
    extension: str  # desk extension of the office's switchboard


class NetworkSpec(NamedTuple):
    slug: str
    name_th: str
    name_en: str
    district_code: str
    subdistricts: list[str]


class SchoolSpec(NamedTuple):
    name_th: str
    name_en: str
    subdistrict_code: str
    students: int
    lower_secondary: bool = False
    moo: str = ""
    closed_into: str = ""  # slug of the school that took over
    closed_reason: str = ""


# The office itself: {"email_domain", "agency": fields, "phones": [...], "contacts": [...]}.
OFFICE = demo_data_load("office.json")
OFFICE_SLUG = OFFICE["agency"]["slug"]
EMAIL_DOMAIN = OFFICE["email_domain"]

OFFICE_GROUPS = [OfficeGroupSpec(**row) for row in demo_data_load("office_groups.json")]
NETWORKS = [NetworkSpec(**row) for row in demo_data_load("networks.json")]
SCHOOLS = [SchoolSpec(**row) for row in demo_data_load("schools.json")]
# External agencies: dicts; `head`/`coordinator` are the positions of their two contacts.
EXTERNAL_AGENCIES = demo_data_load("external_agencies.json")
# Private persons (category person); only the one with consent is public.
PERSONS = demo_data_load("persons.json")
# Approximate centre of each district, for map points: {district code: [lat, lng]}.
DISTRICT_CENTRES = demo_data_load("places.json")["district_centres"]

_NAMES = demo_data_load("names.json")
MALE_FIRST_NAMES = _NAMES["male_first_names"]
FEMALE_FIRST_NAMES = _NAMES["female_first_names"]
LAST_NAMES = _NAMES["last_names"]
