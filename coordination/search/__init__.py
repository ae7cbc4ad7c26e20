"""Thai-aware search: one segmenter for the index and for queries (segmenter.py), what is
indexed and when (indexing.py), and the queries every surface uses (queries.py).

Wagtail's database backends (SQLite FTS5, PostgreSQL full text) split words on spaces, and
Thai has none between words: stock search cannot find "หนองฉาง" in "โรงเรียนบ้านหนองฉาง".
"""

from coordination.search.indexing import ThaiSearchablePage, thai_page_search_fields
from coordination.search.queries import (
    ParsedQuery,
    agency_search,
    agency_suggest,
    page_search,
    parse_query,
)
from coordination.search.segmenter import (
    index_text,
    segment,
    segmenter_add_names,
    segmenter_refresh,
)

__all__ = [
    "ParsedQuery",
    "ThaiSearchablePage",
    "agency_search",
    "agency_suggest",
    "index_text",
    "page_search",
    "parse_query",
    "segment",
    "segmenter_add_names",
    "segmenter_refresh",
    "thai_page_search_fields",
]
