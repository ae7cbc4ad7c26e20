"""The audit trail records each change of live data once, attributed to the person who made it."""

import pytest
from django.urls import reverse

from coordination.models import Agency, AgencyPhone, Contact
from tests.coordination.admin_forms import (
    Autosave,
    agency_edit_form_data,
    agency_form_data,
    contact_form_data,
)
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
    assert history_types(agency) == []  # a draft is no live data

    client.post(url("edit", agency.pk), agency_edit_form_data(agency, name_en="Ban Thung Pho"))
    client.post(url("lock", agency.pk))
    agency.refresh_from_db()
    assert agency.locked
    client.post(url("unlock", agency.pk))
    agency.refresh_from_db()
    assert not agency.locked
    assert history_types(agency) == []

    client.post(
        url("edit", agency.pk), {**agency_edit_form_data(agency), "action-publish": "publish"}
    )
    agency.refresh_from_db()
    assert agency.live
    assert history_types(agency) == ["+"]  # first published state

    client.post(url("edit", agency.pk), agency_edit_form_data(agency, email="new@example.go.th"))
    agency.refresh_from_db()
    assert agency.has_unpublished_changes
    assert history_types(agency) == ["+"]

    client.post(
        url("edit", agency.pk),
        {**agency_edit_form_data(agency, email="new@example.go.th"), "action-publish": "publish"},
    )
    rows = list(Agency.history.filter(id=agency.pk).order_by("history_date"))
    assert [r.history_type for r in rows] == ["+", "~"]
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
    # Created and published at once; editing only the contact adds no agency row.
    assert history_types(agency) == ["+"]


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
    assert history_types(agency) == []
    assert not Contact.history.filter(agency_id=agency.pk).exists()
    assert not AgencyPhone.history.filter(agency_id=agency.pk).exists()
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


def test_autosave_while_creating_keeps_drafts_out_of_the_history(client, deputy):
    """Wagtail 8 autosaves a new agency while it is typed: none of that is live data."""
    client.force_login(deputy)
    autosave = Autosave(client, url("add"))
    # Typing: a first autosave creates the draft, later ones overwrite its revision.
    data = autosave.save(agency_form_data(name_th="โรงเรียนบ้าน", email="draft@example.go.th"))
    # The officer finishes the name and adds a second contact; the form keeps the inline ids.
    kept = {k: v for k, v in data.items() if k.endswith(("-id", "-INITIAL_FORMS"))}
    contacts = [contact_form_data(position="ครู (ร่าง)"), contact_form_data(name="ผู้ติดต่อ (ร่าง)")]
    data = autosave.save(
        {**agency_form_data(email="draft@example.go.th", contacts=contacts), **kept}
    )
    agency = Agency.objects.get(slug="ban-thung-pho")
    assert not agency.live
    assert agency.contacts.count() == 2
    data["contacts-1-DELETE"] = "1"  # the officer removes the second contact again
    data["contacts-0-position"] = "ผู้อำนวยการโรงเรียนบ้านทุ่งโพ"
    data["email"] = "banthungpho@example.go.th"
    data = autosave.save(data)
    assert agency.contacts.count() == 1
    assert history_types(agency) == []
    assert not Contact.history.exists() and not AgencyPhone.history.exists()

    client.post(autosave.url, {**data, "action-publish": "publish"})
    agency.refresh_from_db()
    assert agency.live
    rows = list(Agency.history.filter(id=agency.pk))
    assert [(r.history_type, r.email, r.history_user) for r in rows] == [
        ("+", "banthungpho@example.go.th", deputy)
    ]
    contact_rows = list(Contact.history.all())
    assert [(r.history_type, r.position) for r in contact_rows] == [
        ("+", "ผู้อำนวยการโรงเรียนบ้านทุ่งโพ")
    ]
    assert [r.history_type for r in AgencyPhone.history.all()] == ["+"]


def test_deleting_a_never_published_draft_writes_no_history(client, deputy):
    client.force_login(deputy)
    client.post(url("add"), agency_form_data())
    agency = Agency.objects.get(slug="ban-thung-pho")
    client.post(url("delete", agency.pk))
    assert not Agency.objects.filter(pk=agency.pk).exists()
    assert history_types(agency) == []
    assert not Contact.history.exists() and not AgencyPhone.history.exists()
