"""The search index's GIN indexes without a pending list (PostgreSQL only).

A GIN index with `fastupdate` (PostgreSQL's default) puts new entries in a pending list that
every search reads through, row by row, until VACUUM merges it. A registry indexed in one go
(`update_index`, `seed_scale`, an import) has all its entries there: at 1,000 agencies the
body index answered a one-word search in 57 ms instead of 0.3 ms, and the planner, costing the
list, read the whole table instead (15–115 ms a search). Agencies are written one at a time,
a few a day: each write paying for its own index update costs little. Issue 13.
"""

from django.db import migrations

GIN_INDEXES_OF_THE_SEARCH_TABLE = """
    SELECT index_class.relname
      FROM pg_index
      JOIN pg_class index_class ON index_class.oid = pg_index.indexrelid
      JOIN pg_am ON pg_am.oid = index_class.relam
     WHERE pg_index.indrelid = to_regclass('wagtailsearch_indexentry') AND pg_am.amname = 'gin'
"""


def _set_fastupdate(schema_editor, value: str, *, clean: bool) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(GIN_INDEXES_OF_THE_SEARCH_TABLE)
        names = [row[0] for row in cursor.fetchall()]
        for name in names:
            quoted = schema_editor.quote_name(name)
            cursor.execute(f"ALTER INDEX {quoted} SET (fastupdate = {value})")
            if clean:
                # Merge what is pending now; with fastupdate off nothing is added to it again.
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [quoted])


def forwards(apps, schema_editor):
    _set_fastupdate(schema_editor, "off", clean=True)


def backwards(apps, schema_editor):
    _set_fastupdate(schema_editor, "on", clean=False)


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0016_agency_identifier_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
