"""The audit trail records each change of live data once, attributed to the person who made it."""

import pytest
from django.urls import reverse

from coordination.models import Agency, AgencyPhone, Contact
from tests.coordination.admin_forms import agency_edit_form_data, agency_form_data
from tests.factories import AgencyFactory, ContactFactory

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_coordination_agency"


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def history_types(agency):
    return list(
        Agency.history.filter(id=agency.pk)
        .order_by("history_date")
        .values_list("history_type", flat=True)
    )


def test_admin_sequence_writes_one_row_per_change_of_live_data(client, deputy):
    """create draft / save revision / lock / unlock / publish / draft edit / publish."""
    client.force_login(deputy)
    data = agency_form_data()

    client.post(url("add"), data)  # create draft
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert history_types(agency) == ["+"]

    client.post(url("edit", agency.pk), agency_edit_form_data(agency, name_en="Ban Thung Pho"))
    client.post(url("lock", agency.pk))
    agency.refresh_from_db()
    assert agency.locked
    client.post(url("unlock", agency.pk))
    agency.refresh_from_db()
    assert not agency.locked
    assert history_types(agency) == ["+"]

    client.post(
        url("edit", agency.pk), {**agency_edit_form_data(agency), "action-publish": "publish"}
    )
    agency.refresh_from_db()
    assert agency.live
    assert history_types(agency) == ["+", "~"]

    client.post(url("edit", agency.pk), agency_edit_form_data(agency, email="new@example.go.th"))
    agency.refresh_from_db()
    assert agency.has_unpublished_changes
    assert history_types(agency) == ["+", "~"]

    client.post(
        url("edit", agency.pk),
        {**agency_edit_form_data(agency, email="new@example.go.th"), "action-publish": "publish"},
    )
    rows = list(Agency.history.filter(id=agency.pk).order_by("history_date"))
    assert [r.history_type for r in rows] == ["+", "~", "~"]
    assert all(r.history_user == deputy for r in rows)
    assert rows[-1].email == "new@example.go.th"
    assert rows[-2].email == "banthungpho@example.go.th"

    # The contact and the phone were written once, at the first publish, and not again.
    assert Contact.history.filter(agency_id=agency.pk).count() == 1
    assert AgencyPhone.history.filter(agency_id=agency.pk).count() == 1


def test_editing_a_contact_writes_one_contact_row(client, deputy):
    client.force_login(deputy)
    client.post(url("add"), {**agency_form_data(), "action-publish": "publish"})
    agency = Agency.objects.get(slug="ban-thung-pho")
    contact = agency.contacts.get()
    assert Contact.history.filter(id=contact.pk).count() == 1

    data = agency_edit_form_data(agency)
    data["contacts-0-position"] = "ผู้อำนวยการโรงเรียน (รักษาการ)"
    client.post(url("edit", agency.pk), {**data, "action-publish": "publish"})

    rows = Contact.history.filter(id=contact.pk).order_by("history_date")
    assert [r.position for r in rows] == [
        "ผู้อำนวยการโรงเรียนบ้านทุ่งโพ",
        "ผู้อำนวยการโรงเรียน (รักษาการ)",
    ]
    assert rows.last().history_user == deputy
    # Created as a draft, then published; editing only the contact adds no agency row.
    assert history_types(agency) == ["+", "~"]


def test_unpublish_is_a_change_of_live_data(client, deputy):
    agency = AgencyFactory()
    client.force_login(deputy)
    client.post(url("unpublish", agency.pk))
    agency.refresh_from_db()
    assert not agency.live
    assert history_types(agency) == ["+", "~"]


def test_draft_only_edits_stay_in_revisions(client, officer):
    client.force_login(officer)
    client.post(url("add"), agency_form_data())
    agency = Agency.objects.get(slug="ban-thung-pho")
    for name_en in ("Ban Thung Pho School (draft 2)", "Ban Thung Pho School (draft 3)"):
        client.post(url("edit", agency.pk), agency_edit_form_data(agency, name_en=name_en))
    assert history_types(agency) == ["+"]
    assert agency.revisions.count() == 3


def test_changes_outside_requests_carry_a_reason():
    agency = AgencyFactory()
    agency._change_reason = "นำเข้าข้อมูลจากแฟ้ม"
    agency.email = "import@example.go.th"
    agency.save()
    assert Agency.history.filter(id=agency.pk).latest("history_date").history_change_reason == (
        "นำเข้าข้อมูลจากแฟ้ม"
    )


def test_history_of_inline_contacts_is_a_plain_foreign_key():
    """A ParentalKey copied into the history model breaks modelcluster (check E002)."""
    from django.core import checks

    field = Contact.history.model._meta.get_field("agency")
    assert type(field).__name__ == "ForeignKey"
    errors = [e for e in checks.run_checks() if e.id.startswith("modelcluster")]
    assert errors == []
    contact = ContactFactory()
    assert Contact.history.filter(id=contact.pk).count() == 1
