"""Fill the Thai sort keys (migration 0007) of the rows that existed before them."""

from django.db import migrations

from coordination.geo import district_name
from coordination.thai_sort import thai_sort_key

BATCH = 2000


def _fill(model, sources):
    """Set every row's key fields; `sources` maps a key field to (its source field, the text
    of a source value)."""
    key_fields = list(sources)
    source_fields = [source for source, _text in sources.values()]
    batch = []
    rows = model.objects.only("pk", *source_fields, *key_fields).order_by("pk")
    for row in rows.iterator(chunk_size=BATCH):
        for key_field, (source, text) in sources.items():
            max_length = model._meta.get_field(key_field).max_length
            setattr(row, key_field, thai_sort_key(text(getattr(row, source)))[:max_length])
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_update(batch, key_fields)
            batch = []
    if batch:
        model.objects.bulk_update(batch, key_fields)


def fill_thai_sort_keys(apps, schema_editor):
    by_name = {"name_sort": ("name_th", str)}
    _fill(apps.get_model("coordination", "AgencyCategory"), by_name)
    _fill(apps.get_model("coordination", "SchoolNetwork"), by_name)
    _fill(
        apps.get_model("coordination", "Agency"),
        {**by_name, "district_sort": ("district_code", district_name)},
    )


class Migration(migrations.Migration):
    dependencies = [("coordination", "0007_thai_sort_keys")]

    operations = [migrations.RunPython(fill_thai_sort_keys, migrations.RunPython.noop)]
