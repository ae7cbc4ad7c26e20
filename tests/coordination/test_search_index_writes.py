"""Writing one object's index entry costs what one entry costs, at any registry size: no
whole-table recomputation of the title norms (coordination/search/backend.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from coordination.models import Agency
from coordination.search import backend
from coordination.search.backend import ScopedTitleNormIndex
from tests.coordination.directory_support import site_root
from tests.factories import AgencyFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]  # modelsearch's PostgreSQL index


def page(title: str) -> Page:
    """A plain page (pages have titles, so their entries carry a title norm)."""
    return site_root().add_child(instance=Page(title=title, slug=f"p{abs(hash(title))}"))


def norms(pages) -> dict[int, float]:
    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(p.pk) for p in pages],
    )
    return {int(pk): norm for pk, norm in entries.values_list("object_id", "title_norm")}


def analyse_index() -> None:
    """Let PostgreSQL count the entries, as autovacuum does in a live database."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {IndexEntry._meta.db_table}")


def index_of(model):
    return get_search_backend().get_index_for_model(model)


def test_indexing_one_agency_in_a_large_index_reads_and_writes_its_own_entry_only(monkeypatch):
    AgencyFactory.create_batch(3)
    page("ข่าวประชาสัมพันธ์")
    agency = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    # As if the index held more entries than the exact average is worked out for.
    analyse_index()
    monkeypatch.setattr(backend, "EXACT_AVERAGE_BELOW", 0)
    assert isinstance(index_of(Agency), ScopedTitleNormIndex)
    index_of(Agency).average_title_length(fresh=True)  # as a rebuild leaves it

    with CaptureQueriesContext(connection) as queries:
        index.insert_or_update_object(Agency.get_indexed_objects().get(pk=agency.pk))

    statements = [q["sql"] for q in queries if IndexEntry._meta.db_table in q["sql"]]
    assert not [sql for sql in statements if "AVG(" in sql.upper()], statements
    [update] = [sql for sql in statements if sql.lstrip().upper().startswith("UPDATE")]
    assert "object_id = ANY" in update  # by the unique key, not "WHERE title_norm = 1.0"


def test_title_norms_in_a_small_index_match_a_full_recomputation():
    pages = [
        page("ข่าว"),
        page("ประกาศรับสมัครครูอัตราจ้าง สาขาวิชาคณิตศาสตร์ ภาคเรียนที่ 2 ปีการศึกษา 2569"),
        page("รายงานผลการดำเนินงาน ประจำปี"),
    ]
    written = norms(pages)
    assert len(set(written.values())) == 3  # each set from its own length

    index_of(Page)._refresh_title_norms(full=True)  # modelsearch's own, over the whole table

    # The last write saw the whole table, as the full recomputation does (earlier entries keep
    # the norm of their own write, as with modelsearch's own index).
    last = pages[-1].pk
    assert norms(pages)[last] == pytest.approx(written[last])
    # A longer title weighs less: the norm is the average length over the entry's own.
    assert written[pages[1].pk] == min(written.values())


def test_in_a_large_index_the_average_comes_from_the_cache_until_a_rebuild(monkeypatch):
    page("ข่าว")
    analyse_index()
    monkeypatch.setattr(backend, "EXACT_AVERAGE_BELOW", 0)
    page_index = index_of(Page)
    page_index._refresh_title_norms(full=True)
    average = page_index.average_title_length()

    longer = page("ประกาศรับสมัครครูอัตราจ้าง สาขาวิชาคณิตศาสตร์ ภาคเรียนที่ 2 ปีการศึกษา 2569")
    assert page_index.average_title_length() == average  # not worked out again per write
    assert norms([longer])[longer.pk] < 1.0  # its own norm was still set, against the average
    page_index._refresh_title_norms(full=True)
    assert page_index.average_title_length() > average  # the rebuild's is exact
