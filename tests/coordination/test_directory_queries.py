"""Query budgets of the directory: the listing (20 a page) and an agency page issue the same
number of queries with 50 and with 500 agencies.

Counts are split into the directory's own queries (reads of registry tables) and the rest of the page
(Wagtail's routing and view restrictions, the site's header, footer and menus)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordination.models import Agency, AgencyPhone, Contact, InternalViewLog
from coordination.selectors.directory import directory_options_forget
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db

# The directory's own share: filter choices come from the cache once warm.
LISTING_OWN_BUDGET = 3  # count, one page of agencies, their phones
AGENCY_OWN_BUDGET = 4  # the agency, its phones, its contacts, its children
# The whole page, chrome included: an upper bound so that a fixed but wasteful count also fails.
PAGE_CEILING = 10

PATHS = {
    "listing": "/directory/",
    "listing, filtered and grouped": "/directory/?scope=external&group=category&page=2",
    # Past the last page the listing shows the last one: at 500 agencies, 480 rows deep.
    "listing by district, last page": "/directory/?group=district&page=999",
    "agency": None,  # set by the fixture
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Measure rendering, not the anonymous page cache."""
    settings.COORDINATION_PAGE_CACHE_ENABLED = False


def bulk_agencies(count: int, start: int) -> None:
    """Live, public agencies with two phones and two contacts each, inserted in bulk."""
    government = category("government")
    agencies = Agency.objects.bulk_create(
        Agency(
            name_th=f"หน่วยงานจำนวนมาก {n:04d}",
            slug=f"bulk-{n}",
            category=government,
            scope="external",
            province_code="61",
            district_code="6101",
            subdistrict_code="610101",
            postcode="61000",
            live=True,
        )
        for n in range(start, start + count)
    )
    AgencyPhone.objects.bulk_create(
        AgencyPhone(agency=agency, number=f"056-511-{n:03d}", sort_order=n)
        for agency in agencies
        for n in range(2)
    )
    Contact.objects.bulk_create(
        Contact(agency=agency, name=f"ผู้ประสานงาน {n}", phone="056-511-061", sort_order=n)
        for agency in agencies
        for n in range(2)
    )
    directory_options_forget()


def measure(client, path: str) -> tuple[int, int]:
    """(all queries, the directory's own queries) of one uncached rendering of `path`."""
    client.get(path)  # warm up: site root paths, filter choices
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    own = [
        query
        for query in queries.captured_queries
        # Wagtail's routing reads the directory page itself; that is not the registry.
        if 'FROM "coordination_' in query["sql"]
        and 'FROM "coordination_directorypage"' not in query["sql"]
    ]
    return len(queries), len(own)


def test_listing_and_agency_pages_use_a_fixed_number_of_queries(client):
    directory_page()
    parent = AgencyFactory(name_th="สำนักงานต้นสังกัด")
    agency = AgencyFactory(name_th="หน่วยงานที่วัด", parent=parent)
    AgencyPhoneFactory(agency=agency)
    ContactFactory(agency=agency)
    AgencyFactory(name_th="หน่วยงานลูก", parent=agency)
    paths = {**PATHS, "agency": f"/directory/{agency.slug}/"}

    bulk_agencies(47, start=0)
    assert Agency.objects.count() == 50
    at_50 = {name: measure(client, path) for name, path in paths.items()}

    bulk_agencies(450, start=1000)
    assert Agency.objects.count() == 500
    at_500 = {name: measure(client, path) for name, path in paths.items()}

    for name in paths:
        print(f"{name}: {at_50[name]} at 50 agencies, {at_500[name]} at 500 (all, directory's own)")
    assert at_50 == at_500
    for name, (total, own) in at_500.items():
        budget = AGENCY_OWN_BUDGET if name == "agency" else LISTING_OWN_BUDGET
        assert own <= budget, name
        assert total <= PAGE_CEILING, name


def test_a_deep_page_lists_the_same_agencies_as_the_name_order(client):
    """The listing picks a page's ids first, then joins their details; the page still holds
    the agencies that order puts there, in that order, grouped as asked."""
    directory_page()
    bulk_agencies(45, start=0)
    names = list(Agency.objects.order_by("name_sort", "pk").values_list("name_th", flat=True))

    third = client.get("/directory/?page=3").content.decode()
    shown = [name for name in names if name in third]
    assert shown == names[40:45]
    assert [third.index(name) for name in shown] == sorted(third.index(name) for name in shown)

    grouped = client.get("/directory/?group=district&page=2").content.decode()
    assert [name for name in names if name in grouped] == names[20:40]


# The staff view adds the contact persons (one query) and the log of what it showed (one insert).
STAFF_LISTING_OWN_BUDGET = 5  # count, one page of agencies, their phones, contacts and tags
# A logged-in user's page also reads the session, the user, their permissions and what
# Wagtail's user bar needs (profile, page permissions, workflow states): 10 more queries; and the
# staff view writes its log of the agencies shown in one insert.
STAFF_PAGE_CEILING = 21


def test_staff_listing_uses_a_fixed_number_of_queries(client, staff_member):
    directory_page()
    client.force_login(staff_member)
    paths = {
        "staff listing": "/directory/?view=staff",
        "staff listing, filtered": "/directory/?view=staff&scope=external&group=category&page=2",
    }
    bulk_agencies(50, start=0)
    # Every agency has an internal phone: each page shown writes its log rows.
    AgencyPhone.objects.filter(sort_order=1).update(is_public=False)
    at_50 = {name: measure(client, path) for name, path in paths.items()}
    assert InternalViewLog.objects.count() == 4 * 20
    bulk_agencies(450, start=1000)
    AgencyPhone.objects.filter(sort_order=1).update(is_public=False)
    at_500 = {name: measure(client, path) for name, path in paths.items()}
    for name in paths:
        print(f"{name}: {at_50[name]} at 50 agencies, {at_500[name]} at 500 (all, directory's own)")
    assert at_50 == at_500
    for name, (total, own) in at_500.items():
        assert own <= STAFF_LISTING_OWN_BUDGET, name
        assert total <= STAFF_PAGE_CEILING, name
