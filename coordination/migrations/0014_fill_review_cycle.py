"""Fill the review cycle's bookkeeping for the agencies that exist (migration 0011 adds the fields).

A migration of its own: on PostgreSQL, rows updated in the migration that adds a table's indexes
and foreign keys leave trigger events pending, and the deferred CREATE INDEX then fails.
"""

from datetime import timedelta

from django.db import migrations
from django.db.models import Min

# Schools are reviewed every semester; everything else yearly (editable by supervisors).
SCHOOL_INTERVAL_DAYS = 180
CHUNK = 2000


def fill_review_cycle(apps, schema_editor):
    """Per category intervals; agencies keep an interval of their own only where it was not the
    old default; each agency's creation time and responsible officer come from its first
    revision (or its first publication), and its review due date from those."""
    AgencyCategory = apps.get_model("coordination", "AgencyCategory")
    Agency = apps.get_model("coordination", "Agency")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    AgencyCategory.objects.filter(kind="school").update(review_interval_days=SCHOOL_INTERVAL_DAYS)
    Agency.objects.filter(review_interval_days=365).update(review_interval_days=None)
    intervals = dict(AgencyCategory.objects.values_list("pk", "review_interval_days"))
    content_type = ContentType.objects.filter(app_label="coordination", model="agency").first()
    ids = list(Agency.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        first = {}
        if content_type is not None:
            revisions = (
                Revision.objects.filter(
                    base_content_type=content_type, object_id__in=[str(i) for i in chunk]
                )
                .values("object_id")
                .annotate(first=Min("pk"))
            )
            first_ids = [row["first"] for row in revisions]
            for revision in Revision.objects.filter(pk__in=first_ids).only(
                "object_id", "created_at", "user_id"
            ):
                first[int(revision.object_id)] = revision
        agencies = list(Agency.objects.filter(pk__in=chunk))
        for agency in agencies:
            revision = first.get(agency.pk)
            if revision is not None:
                agency.created_at = revision.created_at
                agency.responsible_officer_id = revision.user_id
            elif agency.first_published_at:
                agency.created_at = agency.first_published_at
            days = agency.review_interval_days or intervals.get(agency.category_id, 365)
            agency.review_due_at = (agency.last_verified_at or agency.created_at) + timedelta(
                days=days
            )
        Agency.objects.bulk_update(
            agencies, ["created_at", "responsible_officer", "review_due_at"], batch_size=500
        )



class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0013_self_service"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(fill_review_cycle, migrations.RunPython.noop)]
