"""The agency's slug is made from its Thai name (Royal Institute romanisation), free, editable."""

import pytest
from django.urls import reverse
from pythainlp.tokenize import syllable_tokenize

from coordination.models import Agency
from coordination.slugs import name_syllables, romanised_slug
from tests.coordination.admin_forms import agency_edit_form_data, agency_form_data
from tests.factories import AgencyFactory

ADD = "wagtailsnippets_coordination_agency:add"
SUGGEST = "coordination_admin:agency_slug"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("โรงเรียนบ้านหนองฉาง", "rong-rian-ban-nong-chang"),
        ("เทศบาลเมืองอุทัยธานี", "thet-ban-mueang-u-thai-tha-ni"),
        # ห before a vowel is "h"; ห leading a sonorant (ใหม่, หนอง) is silent.
        ("โรงเรียนบ้านใหม่หนองหิน", "rong-rian-ban-mai-nong-hin"),
        ("โรงเรียนบ้านห้วยหินดำ", "rong-rian-ban-huai-hin-dam"),
        ("โรงเรียนอนุบาลอุทัยธานี (วัดสะแก)", "rong-rian-nu-ban-u-thai-tha-ni-wat-sa-kae"),
        ("สำนักงานเขต ๒", "sam-nak-ngan-khet-2"),
        ("ABC Co., Ltd.", "abc-co-ltd"),
        ("!!!", ""),
    ],
)
def test_thai_names_are_romanised_into_slugs(name, slug):
    assert romanised_slug(name, max_length=120) == slug


def test_a_long_slug_is_cut_between_syllables():
    assert romanised_slug("โรงเรียนบ้านทุ่งโพ", max_length=20) == "rong-rian-ban-thung"


@pytest.mark.django_db
def test_blank_slug_is_filled_from_the_thai_name(client, officer):
    client.force_login(officer)
    response = client.post(reverse(ADD), agency_form_data(slug=""))

    assert response.status_code == 302
    assert Agency.objects.get().slug == "rong-rian-ban-thung-pho"


@pytest.mark.django_db
def test_a_slug_another_agency_has_gets_a_number(client, officer):
    AgencyFactory(name_th="โรงเรียนบ้านทุ่งโพ (เดิม)", slug="rong-rian-ban-thung-pho")
    AgencyFactory(name_th="โรงเรียนบ้านทุ่งโพ (สาขา)", slug="rong-rian-ban-thung-pho-2")
    client.force_login(officer)
    data = agency_form_data(slug="", school_code="1061040199", confirm_not_duplicate="on")
    response = client.post(reverse(ADD), data)

    assert response.status_code == 302
    assert Agency.objects.filter(slug="rong-rian-ban-thung-pho-3").exists()


@pytest.mark.django_db
def test_a_slug_the_officer_typed_is_kept(client, officer):
    client.force_login(officer)
    response = client.post(reverse(ADD), agency_form_data(slug="ban-thung-pho"))

    assert response.status_code == 302
    assert Agency.objects.get().slug == "ban-thung-pho"


@pytest.mark.django_db
def test_clearing_the_slug_of_an_agency_fills_it_again_without_clashing_with_itself(
    client, officer
):
    client.force_login(officer)
    client.post(reverse(ADD), agency_form_data(slug=""))
    agency = Agency.objects.get()
    url = reverse("wagtailsnippets_coordination_agency:edit", args=[agency.pk])
    response = client.post(url, agency_edit_form_data(agency, slug=""))

    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.latest_revision.as_object().slug == "rong-rian-ban-thung-pho"


@pytest.mark.django_db
def test_slug_field_says_it_is_filled_in_and_asks_the_server_as_the_name_is_typed(client, officer):
    client.force_login(officer)
    html = client.get(reverse(ADD)).content.decode()

    assert "ระบบกรอกให้โดยอัตโนมัติจากชื่อภาษาไทย" in html
    assert f'data-slug-suggest-url="{reverse(SUGGEST)}"' in html
    assert 'data-slug-source="id_name_th"' in html
    assert "coordination/js/slug-from-name.js" in html


@pytest.mark.django_db
def test_suggestion_endpoint_gives_a_free_slug(client, officer):
    existing = AgencyFactory(name_th="โรงเรียนบ้านหนองฉาง", slug="rong-rian-ban-nong-chang")
    client.force_login(officer)

    def suggest(**params):
        return client.get(reverse(SUGGEST), params).json()["slug"]

    assert suggest(name="โรงเรียนบ้านหนองฉาง") == "rong-rian-ban-nong-chang-2"
    assert suggest(name="โรงเรียนบ้านหนองฉาง", agency=existing.pk) == "rong-rian-ban-nong-chang"
    assert suggest(name="") == ""


@pytest.mark.django_db
def test_suggestion_endpoint_is_for_people_who_edit_agencies(client, staff_member):
    client.force_login(staff_member)
    response = client.get(reverse(SUGGEST), {"name": "โรงเรียน"})

    # Wagtail's admin turns the refusal into a redirect to the dashboard, with a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_name_syllables_are_pythainlps_dict_syllables():
    """The import caches each word's syllables; the result is PyThaiNLP's own tokenizer's."""
    names = [
        "โรงเรียนบ้านหนองฉาง",
        "โรงเรียนบ้านหนองฉาง (หนองฉางวิทยา)",
        "องค์การบริหารส่วนตำบลหนองขาหย่าง",
        "  สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1  ",
        "School ABC 2567 ห้วยคต",
        "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านไร่\tหมู่ 3",
        "",
    ]
    for name in names * 2:  # the second time from the cache
        assert name_syllables(name) == syllable_tokenize(name, engine="dict", keep_whitespace=False)
