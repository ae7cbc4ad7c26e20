"""Public read API of the registry (django-ninja): only what the public data rule allows."""

import math

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer

from coordination.selectors.directory import directory_base_url, directory_search
from coordination.selectors.public import (
    AgencyCard,
    agency_public_view,
    public_agencies,
    with_card_relations,
)

MAX_PAGE_SIZE = 100


class ThaiJSONRenderer(JSONRenderer):
    """Thai text as UTF-8, not \\u escapes: readable, and a third smaller."""

    media_type = "application/json; charset=utf-8"
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="ทะเบียนข้อมูลพื้นฐานหน่วยงาน — Public API",
    version="1",
    description="ข้อมูลหน่วยงานที่เผยแพร่สาธารณะแล้วเท่านั้น (อ่านอย่างเดียว)",
    urls_namespace="coordination_api",
    renderer=ThaiJSONRenderer(),
)


class PhoneOut(Schema):
    kind: str
    label: str
    number: str


class ContactOut(Schema):
    name: str
    position: str
    role: str
    phone: str
    email: str
    mobile: str
    line_id: str


class AgencyOut(Schema):
    id: int
    slug: str
    url: str
    name_th: str
    name_en: str
    short_name: str
    scope: str
    category: str
    parent: str
    address: str
    province: str
    district: str
    subdistrict: str
    postcode: str
    latitude: float | None
    longitude: float | None
    phones: list[PhoneOut]
    email: str
    email_saraban: str
    website: str
    facebook_url: str
    line_oa: str
    identifiers: dict[str, str]
    status: str
    contacts: list[ContactOut]


class AgencyPage(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    contents: list[AgencyOut]


class AgencyFilters(Schema):
    q: str = ""
    scope: str = ""
    category: str = ""
    district: str = ""
    page: int = 1
    size: int = 20


def _out(card: AgencyCard, directory_url: str) -> dict:
    return {
        "id": card.pk,
        "slug": card.slug,
        "url": f"{directory_url}{card.slug}/" if directory_url else "",
        "name_th": card.name_th,
        "name_en": card.name_en,
        "short_name": card.short_name,
        "scope": card.scope,
        "category": card.category,
        "parent": card.parent_name,
        "address": card.address_line,
        "province": card.province_name,
        "district": card.district_name,
        "subdistrict": card.subdistrict_name,
        "postcode": card.postcode,
        "latitude": float(card.latitude) if card.latitude is not None else None,
        "longitude": float(card.longitude) if card.longitude is not None else None,
        "phones": [{"kind": p.kind, "label": p.label, "number": p.number} for p in card.phones],
        "email": card.email,
        "email_saraban": card.email_saraban,
        "website": card.website,
        "facebook_url": card.facebook_url,
        "line_oa": card.line_oa,
        "identifiers": dict(card.identifiers),
        "status": card.status,
        "contacts": [
            {
                "name": c.name,
                "position": c.position,
                "role": c.role,
                "phone": c.phone,
                "email": c.email,
                "mobile": c.mobile,
                "line_id": c.line_id,
            }
            for c in card.contacts
        ],
    }


@api.get("/agencies", response=AgencyPage, summary="รายการหน่วยงานที่เผยแพร่")
def agency_list(request, filters: Query[AgencyFilters]):
    if filters.page < 1 or not 1 <= filters.size <= MAX_PAGE_SIZE:
        raise HttpError(400, f"page ต้องมากกว่า 0 และ size ต้องอยู่ระหว่าง 1 ถึง {MAX_PAGE_SIZE}")
    queryset = public_agencies().order_by("name_th", "pk")
    if filters.scope:
        queryset = queryset.filter(scope=filters.scope)
    if filters.category:
        queryset = queryset.filter(category__slug=filters.category)
    if filters.district:
        queryset = queryset.filter(district_code=filters.district)
    if filters.q:
        queryset = directory_search(queryset, filters.q)
    total = queryset.count()
    start = (filters.page - 1) * filters.size
    rows = with_card_relations(queryset)[start : start + filters.size]
    return {
        "total_items": total,
        "total_pages": max(1, math.ceil(total / filters.size)),
        "page_number": filters.page,
        "size": filters.size,
        "contents": [
            _out(agency_public_view(agency), directory_base_url(request)) for agency in rows
        ],
    }


@api.get("/agencies/{agency_id}", response=AgencyOut, summary="ข้อมูลหน่วยงานหนึ่งแห่ง")
def agency_detail(request, agency_id: int):
    agency = get_object_or_404(with_card_relations(public_agencies()), pk=agency_id)
    return _out(agency_public_view(agency), directory_base_url(request))


def openapi_url() -> str:
    return reverse("coordination_api:openapi-json")
