"""Migrations apply to a registry that already holds data (the review cycle's, 0011–0014).

On PostgreSQL, rows written in the migration that also adds indexes or foreign keys leave trigger
events pending and the deferred CREATE INDEX fails: an empty test database never shows it, so this
test migrates back, writes an agency as the old schema had it, and migrates forward again.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("coordination", "0010_public_listing_indexes")]


@pytest.mark.django_db(transaction=True)
def test_review_cycle_migrations_fill_existing_agencies():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("coordination")
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    category = old.get_model("coordination", "AgencyCategory").objects.create(
        name_th="โรงเรียนทดสอบ", name_sort="x", slug="test-school", kind="school"
    )
    verified = timezone.now() - timedelta(days=10)
    old.get_model("coordination", "Agency").objects.create(
        name_th="โรงเรียนบ้านทดสอบ",
        name_sort="x",
        slug="ban-thot-sop",
        category=category,
        scope="internal",
        last_verified_at=verified,
        review_interval_days=365,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    new = executor.loader.project_state(latest).apps
    agency = new.get_model("coordination", "Agency").objects.get(slug="ban-thot-sop")
    assert agency.review_interval_days is None  # the old default: now the category's
    assert (
        new.get_model("coordination", "AgencyCategory")
        .objects.get(pk=category.pk)
        .review_interval_days
        == 180
    )
    assert agency.review_due_at == verified + timedelta(days=180)
