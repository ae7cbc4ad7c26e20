"""factory_boy factories: a valid, published agency from `name_th` alone."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from coordination.models import Agency, AgencyCategory, AgencyPhone, Contact, SchoolNetwork


def category(slug: str = "government") -> AgencyCategory:
    return AgencyCategory.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@uthai1.example.go.th")
    first_name = "ผู้ใช้"
    last_name = factory.Sequence(lambda n: f"ทดสอบ{n}")
    password = factory.PostGenerationMethodCall("set_password", "password")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))
        if create:
            self.save()


class SchoolNetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolNetwork

    name_th = factory.Sequence(lambda n: f"เครือข่ายสถานศึกษาที่ {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    """Creates and publishes an agency (pass publish=False for a never-published draft)."""

    class Meta:
        model = Agency
        skip_postgeneration_save = True

    name_th = factory.Sequence(lambda n: f"หน่วยงานทดสอบ {n}")
    slug = factory.LazyAttributeSequence(
        lambda o, n: f"{slugify(o.name_th, allow_unicode=True)[:80] or 'agency'}-{n}"
    )
    category = factory.LazyFunction(category)
    scope = "external"
    province_code = "61"
    district_code = "6101"
    subdistrict_code = "610101"
    postcode = "61000"

    @classmethod
    def _create(cls, model_class, *args, publish=True, **kwargs):
        tags = kwargs.pop("tags", None)
        agency = model_class(*args, **kwargs)
        agency.live = publish
        agency.save()
        if tags:
            agency.tags.add(*tags)
        if publish:
            agency.save_revision().publish()
        return agency


class AgencyPhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyPhone

    agency = factory.SubFactory(AgencyFactory)
    kind = "office"
    number = "056 511 061"


class ContactFactory(factory.django.DjangoModelFactory):
    """A contact at an agency: `ContactFactory(agency=agency)`."""

    class Meta:
        model = Contact

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"นายสมชาย ใจดี{n}")
    position = "นักจัดการงานทั่วไปชำนาญการ"
    role = "coordinator"
    phone = "056 511 061 ต่อ 12"
    email = factory.Sequence(lambda n: f"contact{n}@uthai1.example.go.th")
