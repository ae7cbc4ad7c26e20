"""The search-quality set over the demo data: recall@10 at least 0.95, ahead of stock Wagtail
search on the same backend in the same run (what `make bench-search` reports)."""

import pytest

from coordination.cards import public_agencies
from coordination.demo.registry import registry_demo_load
from coordination.search.quality import compare, quality_queries, reindex_agencies
from coordination.search.queries import agency_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    registry_demo_load()
    reindex_agencies()  # as `update_index` would after loading


def test_quality_set_is_realistic_and_answerable():
    queries = quality_queries()
    assert len(queries) >= 100
    kinds = {query.kind for query in queries}
    assert {"name-part", "abbreviation", "misspacing", "place", "english", "code", "phone"} <= kinds
    assert {"email", "mixed", "contact"} <= kinds


def test_every_expected_agency_is_public_demo_data(demo):
    public = set(public_agencies().values_list("slug", flat=True))
    missing = {slug for query in quality_queries() for slug in query.expected} - public
    assert missing == set()


def test_recall_at_10_is_at_least_95_percent_and_beats_stock(demo):
    ours, stock = compare()
    print(
        f"\nrecall@10 ours={ours.recall_at_10:.3f} stock={stock.recall_at_10:.3f}; "
        f"MRR ours={ours.mrr:.3f} stock={stock.mrr:.3f}"
    )
    assert ours.recall_at_10 >= 0.95, [(r.query.q, r.found[:3]) for r in ours.misses()]
    assert ours.recall_at_10 > stock.recall_at_10
    assert ours.mrr > stock.mrr


def test_an_abbreviation_alone_finds_what_it_abbreviates_and_nothing_else(demo):
    """ "รร." once brought police stations and the Red Cross (their duties mention schools), and
    "กฟภ." found nothing: an abbreviation typed alone names a kind of agency."""

    def our_search(q):
        return list(agency_search(public_agencies(), q, public=True).values_list("slug", flat=True))

    schools = set(public_agencies().filter(category__slug="school").values_list("slug", flat=True))
    for q in ("รร.", "ร.ร.", "รร"):
        assert set(our_search(q)) == schools, q
    for q, category in (("อบต.", "local-admin"), ("สพป.", "education-office")):
        found = public_agencies().filter(slug__in=our_search(q))
        assert found.exists(), q
        assert set(found.values_list("category__slug", flat=True)) == {category}, q
    assert our_search("กฟภ.") == ["pea-uthai-thani"]
    assert our_search("กฟภ.อุทัยธานี")[0] == "pea-uthai-thani"
    # With more words the abbreviation is one word of an ordinary search.
    assert our_search("รร.บ้านหนองฉาง")[0] == "ban-nong-chang-school"
