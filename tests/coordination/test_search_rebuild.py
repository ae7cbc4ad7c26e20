"""`manage.py rebuild_agency_index` builds the agencies' search index again, showing its progress:
what was missing is found again, what belongs to no agency any more is gone."""

import io

import pytest
from django.core.management import call_command
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from coordination.cards import public_agencies
from coordination.search.queries import agency_search
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def public_names(q: str) -> list[str]:
    return list(agency_search(public_agencies(), q, public=True).values_list("name_th", flat=True))


def left_behind(agency) -> int:
    """Delete an agency but leave an index entry behind (as a restored backup of the index
    would): the entry of a deleted instance, written again."""
    pk = agency.pk
    agency.delete()
    agency.pk = pk
    get_search_backend().add(agency)
    return pk


def test_rebuild_restores_missing_entries_drops_stale_ones_and_shows_progress():
    kept = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    AgencyFactory(name_th="โรงเรียนบ้านเขาบางแกรก")
    gone = AgencyFactory(name_th="โรงเรียนบ้านทุ่งพง")
    index.remove_object(kept)  # lost from the index
    gone_pk = left_behind(gone)
    assert public_names("หนองฉาง") == []
    assert IndexEntry.objects.filter(object_id=str(gone_pk)).exists()

    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_agency_index", stdout=out, stderr=err)

    assert public_names("หนองฉาง") == ["โรงเรียนบ้านหนองฉาง"]
    assert public_names("บางแกรก") == ["โรงเรียนบ้านเขาบางแกรก"]
    assert not IndexEntry.objects.filter(object_id=str(gone_pk)).exists()
    assert "100% (2/2)" in err.getvalue()  # the progress bar, on stderr
    assert "2 หน่วยงาน" in out.getvalue()


def test_rebuild_without_progress_bar_prints_only_the_summary():
    AgencyFactory()
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_agency_index", "--no-progress", stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert "1 หน่วยงาน" in out.getvalue()
