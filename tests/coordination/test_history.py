"""The audit trail records each change of live data once, attributed to the person."""

import pytest

from coordination.models import Agency
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_wagtail_sequence_writes_one_row_per_live_change(superuser):
    agency = AgencyFactory.build(name_th="โรงเรียนบ้านหนองฉาง")
    agency.live = False
    agency.save()  # create draft
    agency.save_revision(user=superuser)  # save revision
    agency.lock(user=superuser) if hasattr(agency, "lock") else None
    agency.locked = True
    agency.locked_by = superuser
    agency.save(update_fields=["locked", "locked_by"])
    agency.locked = False
    agency.locked_by = None
    agency.save(update_fields=["locked", "locked_by"])
    agency.save_revision(user=superuser).publish(user=superuser)
    agency.refresh_from_db()
    agency.name_en = "Ban Nong Chang School"
    agency.save_revision(user=superuser)  # draft edit of a live agency
    agency.latest_revision.publish(user=superuser)
    rows = list(Agency.history.filter(id=agency.pk).order_by("history_date"))
    assert [r.history_type for r in rows] == ["+", "~", "~"]
    assert rows[-1].name_en == "Ban Nong Chang School"
