"""Thai-aware search: one segmenter for the index and for queries (segmenter.py), what is
indexed and when (indexing.py), and the queries every surface uses (queries.py).

Import from the submodules: the segmenter sits below the models, the queries beside the
selectors and the indexing above them (docs/architecture.md), so this package imports none.

Wagtail's database backends (SQLite FTS5, PostgreSQL full text) split words on spaces, and
Thai has none between words: stock search cannot find "หนองฉาง" in "โรงเรียนบ้านหนองฉาง".
"""
