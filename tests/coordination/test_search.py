"""Thai search finds agencies the way people type them: in the directory, /search/, the
suggestions and the admin; public surfaces show only live public agencies."""

import json
import re
from html import unescape

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import default_task_backend
from wagtail.search.models import IndexEntry

from coordination.cards import public_agencies
from coordination.models import Agency
from coordination.search.indexing import agency_index_task
from coordination.search.queries import agency_search
from tests.coordination.directory_support import directory_page
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed, so the after-commit re-index runs (as it
    does after an editor's request): `with committed(): ...`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def public_names(q: str) -> list[str]:
    return list(agency_search(public_agencies(), q, public=True).values_list("name_th", flat=True))


def directory_names(client, q: str) -> list[str]:
    response = client.get("/directory/", {"q": q})
    assert response.status_code == 200
    return [
        unescape(name)
        for name in re.findall(
            r'<h3 class="directory-item__name"><a [^>]*>([^<]+)</a>', response.content.decode()
        )
    ]


def search_page(client, q: str, **params) -> str:
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def admin_names(content: str) -> list[str]:
    return [
        unescape(n) for n in re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>', content)
    ]


@pytest.fixture
def schools(committed):
    school = category("school")
    with committed():
        return {
            "nong_chang": AgencyFactory(
                name_th="โรงเรียนบ้านหนองฉาง",
                name_en="Ban Nong Chang School",
                category=school,
                school_code="1061010001",
                district_code="6104",
                subdistrict_code="610401",
                postcode="61110",
            ),
            "anuban": AgencyFactory(
                name_th="โรงเรียนอนุบาลหนองฉาง", category=school, school_code="1061010002"
            ),
            "khao": AgencyFactory(
                name_th="โรงเรียนบ้านเขาบางแกรก", category=school, school_code="1061010003"
            ),
        }


def test_a_word_inside_a_name_finds_the_agency(client, schools):
    assert "โรงเรียนบ้านหนองฉาง" in public_names("หนองฉาง")
    assert set(public_names("หนองฉาง")) >= {"โรงเรียนบ้านหนองฉาง", "โรงเรียนอนุบาลหนองฉาง"}
    assert "โรงเรียนบ้านเขาบางแกรก" in public_names("บางแกรก")


def test_province_name_finds_every_agency_with_it_in_the_name_first(db):
    in_name = [
        "องค์การบริหารส่วนจังหวัดอุทัยธานี",
        "เทศบาลเมืองอุทัยธานี",
        "โรงพยาบาลอุทัยธานี",
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1",
    ]
    for name in in_name:
        AgencyFactory(name_th=name)
    # Located in Uthai Thani (the factory's address) but without it in the name.
    AgencyFactory(name_th="สถานีตำรวจภูธรหนองฉาง")
    AgencyFactory(
        name_th="สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต 1",
        province_code="60",
        district_code="6001",
        subdistrict_code="600101",
        postcode="60000",
    )
    found = public_names("อุทัยธานี")
    assert set(found[: len(in_name)]) == set(in_name)
    assert "สถานีตำรวจภูธรหนองฉาง" in found  # its address is in Uthai Thani
    assert "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต 1" not in found


@pytest.mark.parametrize(
    "typed",
    ["รร.บ้านหนองฉาง", "โรงเรียนบ้านหนองฉาง", "รร บ้านหนองฉาง", "โรงเรียน บ้าน หนอง ฉาง"],
)
def test_abbreviation_and_full_name_find_the_same_school_first(schools, typed):
    assert public_names(typed)[0] == "โรงเรียนบ้านหนองฉาง"


def test_abbreviations_of_local_and_education_offices(db):
    AgencyFactory(name_th="องค์การบริหารส่วนตำบลหนองฉาง")
    AgencyFactory(name_th="เทศบาลตำบลหนองฉาง")
    AgencyFactory(name_th="สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1", short_name="สพป.อท.1")
    assert public_names("อบต.หนองฉาง")[0] == "องค์การบริหารส่วนตำบลหนองฉาง"
    assert public_names("ทต.หนองฉาง")[0] == "เทศบาลตำบลหนองฉาง"
    assert public_names("สพป.อุทัยธานี เขต 1")[0].startswith("สำนักงานเขตพื้นที่การศึกษา")
    assert public_names("สพป.อท.1")[0].startswith("สำนักงานเขตพื้นที่การศึกษา")


def test_english_and_mixed_queries(schools):
    assert public_names("Ban Nong Chang")[0] == "โรงเรียนบ้านหนองฉาง"
    assert public_names("โรงเรียน Ban Nong Chang")[0] == "โรงเรียนบ้านหนองฉาง"


def test_a_slip_in_one_word_still_finds_the_school(schools):
    assert public_names("โรงเรียนบ้านหนองฉางวิทยาคม")[0] == "โรงเรียนบ้านหนองฉาง"
    assert "โรงเรียนบ้านหนองฉาง" in public_names("หนองฉ")  # still typing


@pytest.mark.parametrize("typed", ["056-511-061", "0 5651 1061", "056511061", "+66 56 511 061"])
def test_school_code_and_phone_number_typed_with_dashes(schools, committed, typed):
    with committed():
        AgencyPhoneFactory(agency=schools["nong_chang"], number="056 511 061")
    assert public_names(typed) == ["โรงเรียนบ้านหนองฉาง"]
    assert public_names("1061010001") == ["โรงเรียนบ้านหนองฉาง"]


def test_contacts_and_emails_on_the_public_card_are_searchable(schools, committed):
    with committed():
        ContactFactory(
            agency=schools["khao"],
            name="นางสาววิไลวรรณ ศรีสุข",
            position="ครูธุรการ",
            email="wilaiwan@khao.example.go.th",
            mobile="081 234 5678",
            mobile_public=False,
        )
    assert public_names("วิไลวรรณ") == ["โรงเรียนบ้านเขาบางแกรก"]
    assert public_names("wilaiwan@khao.example.go.th") == ["โรงเรียนบ้านเขาบางแกรก"]
    # A personal mobile that is not public is not in the index: a search can't reveal it.
    assert public_names("081-234-5678") == []


def test_draft_only_agency_is_found_in_the_admin_and_not_on_the_public_site(client, superuser):
    directory_page()
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉางร่างใหม่", publish=False)
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉางภายใน", visibility="internal")
    AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")

    assert directory_names(client, "หนองฉาง") == ["โรงเรียนบ้านหนองฉาง"]
    html = search_page(client, "หนองฉาง")
    assert "โรงเรียนบ้านหนองฉาง" in html
    assert "ร่างใหม่" not in html and "ภายใน</a>" not in html
    suggestions = client.get("/search/suggest", {"q": "หนองฉาง"}).json()["results"]
    assert [s["name"] for s in suggestions] == ["โรงเรียนบ้านหนองฉาง"]

    client.force_login(superuser)
    listing = client.get(reverse("wagtailsnippets_coordination_agency:list"), {"q": "หนองฉาง"})
    content = listing.content.decode()
    assert "โรงเรียนบ้านหนองฉางร่างใหม่" in content
    assert "โรงเรียนบ้านหนองฉางภายใน" in content
    chooser = client.get(
        reverse("wagtailsnippetchoosers_coordination_agency:choose_results"), {"q": "หนองฉางร่าง"}
    )
    assert "โรงเรียนบ้านหนองฉางร่างใหม่" in chooser.content.decode()


def test_admin_listing_search_keeps_the_sort_the_editor_chose(client, superuser):
    for name in ("โรงเรียนบ้านหนองฉาง", "ก โรงเรียนหนองฉางใต้", "ฮ โรงเรียนหนองฉางเหนือ"):
        AgencyFactory(name_th=name)
    client.force_login(superuser)
    url = reverse("wagtailsnippets_coordination_agency:list")
    names = admin_names(client.get(url, {"q": "โรงเรียนบ้านหนองฉาง"}).content.decode())
    assert names[0] == "โรงเรียนบ้านหนองฉาง"
    names = admin_names(
        client.get(url, {"q": "หนองฉาง", "ordering": "-name_sort"}).content.decode()
    )
    assert names == ["ฮ โรงเรียนหนองฉางเหนือ", "โรงเรียนบ้านหนองฉาง", "ก โรงเรียนหนองฉางใต้"]


def test_directory_lists_best_match_first_and_keeps_its_filters(client, schools):
    directory_page()
    AgencyFactory(name_th="ก หน่วยงานที่กล่าวถึงโรงเรียนบ้านหนองฉาง")
    assert directory_names(client, "โรงเรียนบ้านหนองฉาง")[0] == "โรงเรียนบ้านหนองฉาง"
    response = client.get("/directory/", {"q": "หนองฉาง", "category": "school"})
    names = re.findall(r'directory-item__name"><a [^>]*>([^<]+)<', response.content.decode())
    assert {unescape(name) for name in names} == {"โรงเรียนบ้านหนองฉาง", "โรงเรียนอนุบาลหนองฉาง"}


def test_suggestions_for_the_search_box(client, schools):
    directory_page()
    data = client.get("/search/suggest", {"q": "หนองฉ"}).json()
    assert data["query"] == "หนองฉ"
    names = [row["name"] for row in data["results"]]
    assert set(names) == {"โรงเรียนบ้านหนองฉาง", "โรงเรียนอนุบาลหนองฉาง"}
    first = data["results"][names.index("โรงเรียนบ้านหนองฉาง")]
    assert first["url"] == f"/directory/{schools['nong_chang'].slug}/"
    assert client.get("/search/suggest", {"q": "ห"}).json()["results"] == []
    assert client.get("/search/suggest").json()["results"] == []


def test_search_page_works_without_javascript_and_in_thai(client, schools):
    html = search_page(client, "หนองฉาง")
    assert '<form class="search-form" method="get" action="/search/"' in html
    assert "พบ 2 รายการ" in html
    assert 'หน่วยงาน <span class="search-group__count">(2 รายการ)</span>' in html
    assert 'role="combobox"' not in html  # the combobox is added by the script, if any
    empty = search_page(client, "ไม่มีหน่วยงานนี้แน่นอน")
    assert "ไม่พบรายการที่ตรงกับ" in empty
    assert search_page(client, "").count("search-group") == 0


def test_search_page_query_count_does_not_grow_with_results(client, db):
    directory_page()
    for number in range(3):
        AgencyFactory(name_th=f"โรงเรียนบ้านหนองฉาง {number}")
    search_page(client, "หนองฉาง")  # warm caches (site root, directory page, dictionary)
    with CaptureQueriesContext(connection) as few:
        search_page(client, "หนองฉาง")
    for number in range(3, 23):
        agency = AgencyFactory(name_th=f"โรงเรียนบ้านหนองฉาง {number}")
        AgencyPhoneFactory(agency=agency)
    with CaptureQueriesContext(connection) as many:
        search_page(client, "หนองฉาง", type="agencies")
    assert len(many) <= len(few)


def test_index_follows_rename_publish_and_delete(schools, committed):
    school = schools["khao"]
    school.name_th = "โรงเรียนบ้านทุ่งพง"
    with committed():
        school.save_revision().publish()
    assert public_names("ทุ่งพง") == ["โรงเรียนบ้านทุ่งพง"]
    assert public_names("บางแกรก") == []

    with committed():
        school.unpublish()
    assert public_names("ทุ่งพง") == []
    assert agency_search(Agency.objects.all(), "ทุ่งพง", public=False).count() == 1

    pk = school.pk
    with committed():
        school.delete()
    assert not IndexEntry.objects.filter(object_id=str(pk)).exists()


def test_phones_and_contacts_published_with_the_agency_are_indexed(committed, deputy):
    with committed():
        agency = AgencyFactory(name_th="องค์การบริหารส่วนตำบลทุ่งพง", publish=False)
    agency.phones.add(AgencyPhoneFactory.build(agency=agency, number="056 539 111"))
    agency.contacts.add(ContactFactory.build(agency=agency, name="นายประเสริฐ มั่นคง"))
    with committed():
        agency.save_revision(user=deputy).publish(user=deputy)
    assert public_names("056-539-111") == ["องค์การบริหารส่วนตำบลทุ่งพง"]
    assert public_names("ประเสริฐ มั่นคง") == ["องค์การบริหารส่วนตำบลทุ่งพง"]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_with_a_task_backend_the_editor_only_enqueues(committed):
    default_task_backend.clear()
    with committed():
        agency = AgencyFactory(name_th="โรงเรียนบ้านห้วยคต")
    assert public_names("ห้วยคต") == []  # not indexed in the request...
    queued = [r for r in default_task_backend.results if r.task.name == agency_index_task.name]
    assert queued and all(r.args == [[agency.pk]] for r in queued)  # only the id
    for result in queued:  # ...but by a worker
        agency_index_task.call(*result.args)
    assert public_names("ห้วยคต") == ["โรงเรียนบ้านห้วยคต"]


def test_suggest_endpoint_is_json_and_cacheable(client, schools):
    response = client.get("/search/suggest", {"q": "บางแกรก"})
    assert response["Content-Type"].startswith("application/json")
    assert "max-age=60" in response["Cache-Control"]
    assert json.loads(response.content)["results"][0]["name"] == "โรงเรียนบ้านเขาบางแกรก"
