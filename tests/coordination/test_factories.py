"""Every factory in tests/factories.py builds rows that pass the models' own validation."""

import inspect

import factory
import pytest

from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = sorted(
    (
        obj
        for obj in vars(factories).values()
        if inspect.isclass(obj)
        and issubclass(obj, factory.django.DjangoModelFactory)
        and obj is not factory.django.DjangoModelFactory
    ),
    key=lambda cls: cls.__name__,
)


def test_factories_are_discovered():
    names = {cls.__name__ for cls in FACTORIES}
    assert {"AgencyFactory", "ContactFactory", "UserFactory"} <= names


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda cls: cls.__name__)
def test_factory_builds_a_valid_row(factory_class):
    first = factory_class()
    second = factory_class()
    for row in (first, second):
        row.refresh_from_db()
        row.full_clean()
    assert first.pk != second.pk


def test_agency_factory_publishes_from_a_name_alone():
    agency = factories.AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง")
    agency.refresh_from_db()
    assert agency.live and agency.live_revision_id == agency.latest_revision_id
    assert agency.slug


def test_contact_factory_attaches_to_the_given_agency():
    agency = factories.AgencyFactory()
    contact = factories.ContactFactory(agency=agency)
    assert list(agency.contacts.all()) == [contact]
    contact.full_clean()
