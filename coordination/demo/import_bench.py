"""A realistic registry file for timing the import (`manage.py bench_import`).

Most rows are new agencies as an office would type them (no slug: it is made from the Thai name;
one or two phones, two contact persons); the rest are existing agencies as the staff export wrote
them, with one change each (a new office phone, a new student count), matched by their slug and
school code or tax id. The existing agencies are the synthetic
ones of `seed_scale` (added when there are too few).
"""

import csv
import io
import random

from django.db.models import Max

from coordination.demo.scale import SLUG_PREFIX, _Builder, registry_scale_load
from coordination.identifiers import tax_id_check_digit
from coordination.models import Agency
from coordination.registry_columns import registry_columns

CONTACTS_PER_ROW = 2
# New rows are numbered far above seed_scale's agencies, so that their codes never clash.
NEW_NUMBER_OFFSET = 500_000_000


def import_bench_csv(*, rows: int, updates: int, seed: int = 1) -> bytes:
    """A UTF-8 (BOM) CSV of `rows` rows, `updates` of them changes to existing agencies."""
    updates = min(updates, rows)
    existing = _existing_agencies(updates)
    columns = registry_columns(CONTACTS_PER_ROW)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(column.heading) for column in columns])
    rng = random.Random(seed)
    for agency in existing:
        cells = {column.key: column.to_cell(agency) for column in columns}
        if agency.students is not None:
            cells["students"] = str(agency.students + rng.randint(1, 40))
        else:
            cells["phones"] = f"056 {rng.randint(100, 999)} {rng.randint(0, 999):03d}"
        writer.writerow([cells[column.key] for column in columns])
    builder = _Builder(contacts_per_agency=CONTACTS_PER_ROW, seed=seed)
    start = NEW_NUMBER_OFFSET + builder.first_number + _highest_new_number()
    for number in range(start, start + rows - len(existing)):
        built = builder.build(number)
        agency = built.agency
        agency.slug = ""
        # seed_scale's other codes repeat every few million numbers: keep the school code only.
        # Others get a tax id of a series of their own, so that a new row never matches an
        # existing agency by its name alone.
        agency.smis_code = agency.obec_code = agency.tax_id = ""
        if not agency.school_code:
            first_twelve = f"0994{number % 100_000_000:08d}"
            agency.tax_id = first_twelve + tax_id_check_digit(first_twelve)
        agency.phones = built.phones
        agency.contacts = built.contacts
        writer.writerow([column.to_cell(agency) for column in columns])
    return buffer.getvalue().encode("utf-8-sig")


def _existing_agencies(count: int) -> list[Agency]:
    scale = Agency.objects.filter(slug__startswith=SLUG_PREFIX, live=True)
    missing = count - scale.count()
    if missing > 0:
        registry_scale_load(agencies=missing, contacts_per_agency=CONTACTS_PER_ROW)
    return list(
        scale.select_related("category", "parent", "successor", "school_network")
        .prefetch_related("phones", "contacts", "tags")
        .order_by("pk")[:count]
    )


def _highest_new_number() -> int:
    """Past the school codes an earlier kept run imported (codes are 9 + the number)."""
    highest = Agency.objects.filter(school_code__startswith="95").aggregate(m=Max("school_code"))
    return int(highest["m"][1:]) - NEW_NUMBER_OFFSET + 1 if highest["m"] else 0
