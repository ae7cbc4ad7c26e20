"""What the import's shortcuts must give exactly as the slow way would: the revision content
built without modelcluster's per-field calls, the choice labels translated once per language,
the segmenter's short cut for ASCII text, PostgreSQL's COPY in place of bulk_create(), and the
search index entries written without modelsearch's expressions."""

import json
import unicodedata

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import IndexEntry
from pythainlp.util import normalize as thai_normalize
from pythainlp.util import thai_digit_to_arabic_digit
from wagtail.search.backends import get_search_backend

from coordination.choices import ContactRole, PhoneKind
from coordination.demo.import_bench import import_bench_csv
from coordination.display import choice_label
from coordination.models import Agency, AgencyPhone, Contact
from coordination.registry_columns import _choice_value
from coordination.search import bulk_index
from coordination.search.segmenter import normalize
from coordination.services import agency_drafts
from coordination.services.agency_import import (
    RowStatus,
    agency_import_apply,
    agency_import_plan,
)
from tests.factories import AgencyFactory, AgencyPhoneFactory, ContactFactory

pytestmark = pytest.mark.django_db


def as_json(data) -> dict:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


@pytest.fixture
def bench_plan(officer):
    # 12 rows: 4 changes to existing agencies (added as seed_scale's), 8 new ones.
    plan = agency_import_plan(
        data=import_bench_csv(rows=12, updates=4, seed=3), file_name="bench.csv"
    )
    assert not plan.has_errors, plan.errors
    assert plan.count(RowStatus.CHANGE) == 4
    return plan


def test_revision_content_is_wagtails_serialisation_of_planned_agencies(bench_plan):
    for row in bench_plan.pending:
        agency = row.agency
        assert agency_drafts.revision_content(agency) == agency.serializable_data()


def test_revision_content_is_wagtails_serialisation_of_a_saved_agency():
    agency = AgencyFactory(students=120, teachers=8, mission="<p>สอน</p>")
    AgencyPhoneFactory(agency=agency)
    ContactFactory(agency=agency)
    agency.tags.add("ทดสอบ")
    agency.save()
    agency = Agency.objects.get(pk=agency.pk)
    assert agency_drafts.revision_content(agency) == agency.serializable_data()
    # And what the revision stores, after JSON (dates, decimals, times as the encoder writes them).
    expected = as_json(agency_drafts.revision_content(agency))
    revision = agency.save_revision()
    revision.refresh_from_db()
    assert revision.content == expected


def test_applied_revisions_hold_wagtails_serialisation(bench_plan, officer, monkeypatch):
    """At the moment the apply builds each revision, what it builds is Wagtail's."""
    built = agency_drafts.revision_content
    checked = []

    def checking(agency):
        content = built(agency)
        assert content == agency.serializable_data()
        checked.append(agency.pk)
        return content

    monkeypatch.setattr(agency_drafts, "revision_content", checking)
    result = agency_import_apply(plan=bench_plan, user=officer, reason="ทดสอบ")
    assert sorted(checked) == sorted(result.agency_ids)
    for agency_id in result.agency_ids:
        agency = Agency.objects.get(pk=agency_id)
        revision = agency.latest_revision
        assert revision.content["pk"] == agency_id
        assert revision.as_object().name_th == agency.latest_revision.object_str


@pytest.mark.parametrize("language", ["th", "en"])
def test_choice_label_is_get_display(language):
    agency = AgencyFactory()
    phone = AgencyPhoneFactory(agency=agency)
    contact = ContactFactory(agency=agency)
    with translation.override(language):
        for instance, names in (
            (agency, ["scope", "status", "visibility", "size_band"]),
            (phone, ["kind"]),
            (contact, ["role"]),
        ):
            field_values = {}
            for name in names:
                field = instance._meta.get_field(name)
                field_values[name] = [value for value, _label in field.flatchoices]
            for name, values in field_values.items():
                for value in [*values, "unknown", ""]:
                    setattr(instance, name, value)
                    display = getattr(instance, f"get_{name}_display")()
                    assert choice_label(instance, name) == display, (name, value)


def test_choice_words_follow_the_language():
    """The cells' choice words are cached per language: none leaks into another language."""
    with translation.override("en"):
        english_office = str(PhoneKind.OFFICE.label)
    with translation.override("th"):
        thai_office = str(PhoneKind.OFFICE.label)
        assert _choice_value(PhoneKind, thai_office) == PhoneKind.OFFICE
        assert _choice_value(ContactRole, "nonsense") is None
    assert english_office != thai_office
    with translation.override("en"):
        assert _choice_value(PhoneKind, english_office) == PhoneKind.OFFICE
        assert _choice_value(PhoneKind, PhoneKind.OFFICE.value) == PhoneKind.OFFICE


def slow_normalize(text):
    text = unicodedata.normalize("NFC", text or "")
    text = thai_digit_to_arabic_digit(thai_normalize(text))
    return " ".join(text.lower().split())


@pytest.mark.parametrize(
    "text",
    [
        "056-531-100 ต่อ 11",
        "  Head@Uthai-PAO.go.th \n",
        "School  ABC\t2567",
        "0 5653 1100",
        "https://www.example.go.th/path?x=1",
        "",
        "   ",
        "A\r\nB",
        "โรงเรียน  บ้าน",
        "๐๕๖ ๕๓๑",
    ],
)
def test_segmenter_normalize_short_cut_for_ascii(text):
    assert normalize(text) == slow_normalize(text)


@pytest.mark.postgres  # COPY is PostgreSQL's
def test_copy_insert_stores_what_bulk_create_stores(officer):
    agency = AgencyFactory()
    made = []
    for bulk in (True, False):
        phones = [
            AgencyPhone(agency=agency, number="056 531 100", kind=PhoneKind.FAX, sort_order=1),
            AgencyPhone(agency=agency, number="081 234 5678", label="ห้องธุรการ", is_public=False),
        ]
        contacts = [Contact(agency=agency, name="นางสาวสายใจ ใจงาม", position="ครู")]
        if bulk:
            agency_drafts.bulk_insert(AgencyPhone, phones, text_field="number")
            agency_drafts.bulk_insert(Contact, contacts, text_field="name")
        else:
            AgencyPhone.objects.bulk_create(phones)
            Contact.objects.bulk_create(contacts)
        assert all(p.pk and not p._state.adding for p in [*phones, *contacts])
        made.append((phones, contacts))

    def stored(model, objects):
        rows = model.objects.filter(pk__in=[o.pk for o in objects]).order_by("pk").values()
        return [{k: v for k, v in row.items() if k != "id"} for row in rows]

    (copied_phones, copied_contacts), (created_phones, created_contacts) = made
    assert copied_phones[0].pk < copied_phones[1].pk
    assert stored(AgencyPhone, copied_phones) == stored(AgencyPhone, created_phones)
    assert stored(Contact, copied_contacts) == stored(Contact, created_contacts)


@pytest.mark.postgres  # modelsearch's PostgreSQL index
def test_bulk_index_writes_modelsearchs_entries():
    agencies = [
        AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", short_name="รร.บ้านหนองฉาง", students=100),
        AgencyFactory(name_th="เทศบาลตำบลทุ่งโพ", name_en="Thung Pho", mission="<p>ดูแล</p>"),
        AgencyFactory(name_th="อบต.เขาบางแกรก", road=""),
    ]
    AgencyPhoneFactory(agency=agencies[0])
    ContactFactory(agency=agencies[0], position="ผู้อำนวยการ")
    pks = [agency.pk for agency in agencies]
    backend = get_search_backend()
    index = backend.get_index_for_model(Agency)
    entries = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in pks])

    def written():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, title::text, autocomplete::text, body::text, title_norm,"
                " title_text, body_text FROM wagtailsearch_indexentry WHERE object_id = ANY(%s)"
                " ORDER BY object_id",
                [[str(pk) for pk in pks]],
            )
            return cursor.fetchall()

    loaded = list(Agency.get_indexed_objects().filter(pk__in=pks))
    entries.delete()
    backend.add_bulk(Agency, loaded)
    by_modelsearch = written()
    entries.delete()
    bulk_index._postgres_add_items(index, Agency, loaded)
    assert written() == by_modelsearch
    assert len(by_modelsearch) == 3
    # And over existing entries (ON CONFLICT), through agency_index_many.
    bulk_index.agency_index_many(pks)
    assert written() == by_modelsearch
