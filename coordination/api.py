"""Public read API of the registry (django-ninja): only what the public data rule allows.

Field names follow Open Referral HSDS where one fits (docs/api.md has the mapping). Every error
answers with one JSON shape (ErrorOut), in Thai, with a stable `code` for programs;
API_DESCRIPTION lists the codes for the OpenAPI document. CORS, ETag/304, HEAD and the rate
limit are the same for every URL of the API (coordination.api_http).
"""

import html
import logging
import math
import re
from datetime import UTC, date, datetime, time
from typing import Literal

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer
from pydantic import field_validator

from coordination.api_http import api_http_view
from coordination.cards import (
    AgencyCard,
    agency_public_view,
    public_agencies,
    with_card_relations,
)
from coordination.choices import PhoneKind, Scope
from coordination.outages import RETRY_AFTER_SECONDS, database_outage
from coordination.phones import phone_split
from coordination.search.capped import SEARCH_COUNT_CAP, rows_in_order
from coordination.search.results_cache import cached_ranked_ids
from coordination.selectors.directory import (
    agencies_filtered,
    agencies_page_rows,
    agency_url,
    directory_base_url,
)

logger = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_QUERY_LENGTH = 100
# The API only reads: other methods get a JSON 405 rather than ninja's plain-text one.
WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]
# No control characters (a NUL byte is an error in PostgreSQL, not a search).
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
# HSDS phone types (RFC 6350) for our phone kinds.
HSDS_PHONE_TYPES = {
    PhoneKind.OFFICE: "voice",
    PhoneKind.FAX: "fax",
    PhoneKind.MOBILE: "cell",
    PhoneKind.HOTLINE: "voice",
}

API_DESCRIPTION = f"""ข้อมูลหน่วยงานที่เผยแพร่สาธารณะแล้วเท่านั้น (อ่านอย่างเดียว) ชื่อฟิลด์ตามมาตรฐาน Open Referral HSDS เท่าที่มีฟิลด์ตรงกัน

## การค้นหาและตัวกรอง
ใช้ร่วมกันได้ทุกตัว: `q` (ค้นคำภาษาไทย ชื่อ ชื่อย่อ รหัส หมายเลขโทรศัพท์), `scope` (`internal` หรือ `external`),
`category` (ชื่อย่อของประเภทหน่วยงาน), `district` (รหัสอำเภอ 4 หลัก), `modified_after`
(วันที่หรือวันเวลาแบบ ISO 8601 เช่น `2026-01-31` หรือ `2026-01-31T08:00:00+07:00`: หน่วยงานที่อนุมัติเผยแพร่ตั้งแต่เวลานั้น
ถ้าไม่ระบุเขตเวลาถือเป็นเวลาประเทศไทย)

## การแบ่งหน้า
`page` เริ่มที่ 1 และต้องไม่เกิน `total_pages`; `size` อยู่ระหว่าง 1 ถึง {MAX_PAGE_SIZE} (ค่าเริ่มต้น {DEFAULT_PAGE_SIZE})
เมื่อค้นด้วย `q` แล้วพบมากกว่า {SEARCH_COUNT_CAP:,} แห่ง `total_items` เป็น {SEARCH_COUNT_CAP:,} และ `total_items_capped` เป็น true:
เปิดได้เฉพาะหน้าที่ครอบคลุม {SEARCH_COUNT_CAP:,} แห่งแรกตามลำดับความตรง

## การแคชและการจำกัดอัตรา
ทุกคำตอบ 200 มี `ETag` (และข้อมูลหน่วยงานหนึ่งแห่งมี `Last-Modified`): ส่ง `If-None-Match` กลับมาแล้วได้ 304 ถ้าข้อมูลไม่เปลี่ยน
เรียกจากเว็บไซต์อื่นได้ (CORS อ่านอย่างเดียว) แต่ละเครื่องเรียกได้ไม่เกินจำนวนครั้งที่กำหนดต่อช่วงเวลา
เกินแล้วได้ 429 พร้อม `Retry-After` (จำนวนวินาทีที่ต้องรอ)

## ข้อผิดพลาด
ทุกข้อผิดพลาดตอบเป็น JSON รูปแบบเดียวกัน ข้อความเป็นภาษาไทย:

```json
{{"error": {{"code": "invalid_page", "message": "…", "fields": [{{"name": "page", "message": "…"}}]}}}}
```

`code` ใช้ตรวจในโปรแกรมได้ ส่วน `fields` ระบุพารามิเตอร์ที่ไม่ถูกต้อง (รายการว่างเมื่อไม่เกี่ยวกับพารามิเตอร์)

| HTTP | code | ความหมาย |
|---|---|---|
| 400 | `invalid_page` | `page` ไม่ใช่จำนวนเต็มตั้งแต่ 1 ขึ้นไป |
| 400 | `invalid_size` | `size` ไม่อยู่ระหว่าง 1 ถึง {MAX_PAGE_SIZE} |
| 400 | `invalid_modified_after` | `modified_after` ไม่ใช่วันที่หรือวันเวลาแบบ ISO 8601 |
| 400 | `invalid_parameter` | พารามิเตอร์อื่นไม่ถูกต้อง |
| 404 | `page_out_of_range` | ไม่มีหน้า `page` นี้ (เกิน `total_pages`) |
| 404 | `agency_not_found` | ไม่มีหน่วยงานนี้ หรือยังไม่เผยแพร่ต่อสาธารณะ |
| 404 | `not_found` | ไม่มีที่อยู่นี้ใน API |
| 405 | `method_not_allowed` | API นี้อ่านได้อย่างเดียว (GET) |
| 429 | `rate_limited` | เรียกถี่เกินกำหนด รอตามจำนวนวินาทีใน `Retry-After` |
| 500 | `server_error` | ระบบขัดข้อง |
| 503 | `service_unavailable` | ฐานข้อมูลไม่พร้อมชั่วคราว ลองใหม่เมื่อครบจำนวนวินาทีใน `Retry-After` |
"""


class ThaiJSONRenderer(JSONRenderer):
    """Thai text as UTF-8, not \\u escapes: readable, and a third smaller.

    NinjaAPI appends `; charset=<charset>` to `media_type` itself, so the media type carries none.
    """

    media_type = "application/json"
    charset = "utf-8"
    json_dumps_params = {"ensure_ascii": False}


class SelfHostedSwagger(Swagger):
    """Swagger UI from the copy that django-ninja ships (its static files, "ninja" in
    INSTALLED_APPS), never from a CDN: the page loads nothing from outside this server."""

    template = "coordination/api_docs.html"
    default_settings = {
        **Swagger.default_settings,
        # Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
        "validatorUrl": None,
    }

    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": self.settings, "api": api}
        return render(request, self.template, context)


class RegistryAPI(NinjaAPI):
    """A NinjaAPI whose every URL (data, schema, docs) has the API's HTTP manners."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = api_http_view(pattern.callback, too_many_requests=_rate_limited)
        return patterns, app_name, namespace


api = RegistryAPI(
    title="ทะเบียนข้อมูลพื้นฐานหน่วยงาน — Public API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="coordination_api",
    renderer=ThaiJSONRenderer(),
    docs=SelfHostedSwagger(),
)
# Errors ---------------------------------------------------------------------------------------


class FieldErrorOut(Schema):
    name: str
    message: str


class ErrorDetailOut(Schema):
    code: str
    message: str
    fields: list[FieldErrorOut]


class ErrorOut(Schema):
    """The body of every error answer."""

    error: ErrorDetailOut


class ApiError(Exception):
    """An error answer: HTTP status, machine-readable code, Thai message."""

    def __init__(self, status: int, code: str, message: str, fields: list[dict] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or []


def _error_response(request, error: ApiError):
    body = {"error": {"code": error.code, "message": error.message, "fields": error.fields}}
    response = api.create_response(request, body, status=error.status)
    if error.status == 405:
        response["Allow"] = "GET"
    return response


def _field_message(name: str) -> str:
    if name == "page":
        return _("หมายเลขหน้า (page) ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป")
    if name == "size":
        return _("จำนวนรายการต่อหน้า (size) ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง %(max)s") % {"max": MAX_PAGE_SIZE}
    if name == "modified_after":
        return _(
            "modified_after ต้องเป็นวันที่หรือวันเวลาแบบ ISO 8601 เช่น 2026-01-31 หรือ 2026-01-31T08:00:00+07:00"
        )
    return _("ค่าของพารามิเตอร์ %(name)s ไม่ถูกต้อง") % {"name": name}


def _rate_limited(request, wait: int) -> HttpResponse:
    message = _("เรียกใช้ API ถี่เกินกำหนด กรุณารอ %(seconds)s วินาทีแล้วลองใหม่") % {"seconds": wait}
    return _error_response(request, ApiError(429, "rate_limited", message))


def _not_found() -> ApiError:
    return ApiError(404, "not_found", _("ไม่พบข้อมูลที่ขอใน API นี้"))


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return _error_response(request, exc)


def _parameter_name(loc: tuple) -> str:
    # ("query", "filters", "page"), or ("query", "filters", "modified_after", "datetime") for a
    # value that may be of several types.
    known = [part for part in loc if part in AgencyFilters.model_fields]
    return str(known[0] if known else (loc[-1] if loc else ""))


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    # A path that does not parse (/agencies/abc) names nothing that exists.
    if any(error.get("loc", ("",))[0] == "path" for error in exc.errors):
        return _error_response(request, _not_found())
    names = list(dict.fromkeys(_parameter_name(error.get("loc", ())) for error in exc.errors))
    fields = [{"name": name, "message": _field_message(name)} for name in names]
    code = next(
        (f"invalid_{name}" for name in ("page", "size", "modified_after") if name in names),
        "invalid_parameter",
    )
    message = " ".join(field["message"] for field in fields) or _("คำขอมีค่าที่ไม่ถูกต้อง")
    return _error_response(request, ApiError(400, code, message, fields))


@api.exception_handler(Http404)
def _http404(request, exc: Http404):
    return _error_response(request, _not_found())


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    # Raised by ninja itself (e.g. a body it cannot parse); its messages are English.
    return _error_response(request, ApiError(exc.status_code, "bad_request", _("คำขอไม่ถูกต้อง")))


@api.exception_handler(Exception)
def _server_error(request, exc: Exception):
    logger.exception("Public API error on %s", request.path)
    if database_outage(exc):
        message = _("ระบบฐานข้อมูลไม่พร้อมให้บริการชั่วคราว กรุณาลองใหม่อีกครั้งภายหลัง")
        response = _error_response(request, ApiError(503, "service_unavailable", message))
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _error_response(
        request, ApiError(500, "server_error", _("ระบบขัดข้อง กรุณาลองใหม่อีกครั้งภายหลัง"))
    )


# Data -----------------------------------------------------------------------------------------


class PhoneOut(Schema):
    """An HSDS phone: `type` from RFC 6350 (voice, fax, cell), `kind` our own finer kind."""

    number: str
    extension: str
    type: str
    kind: str
    description: str


class ContactOut(Schema):
    """An HSDS contact: `title` is the position; only the fields the person made public."""

    name: str
    title: str
    role: str
    email: str
    phones: list[PhoneOut]
    line_id: str


class OrganizationIdentifierOut(Schema):
    """An HSDS organization identifier: `identifier_scheme` is a machine key (school_code,
    smis_code, obec_code, tax_id), `identifier_type` its Thai name."""

    identifier_scheme: str
    identifier_type: str
    identifier: str


class AddressOut(Schema):
    """An HSDS address in Thai terms: `address_1` house number, moo and road; `address_2` the
    subdistrict (ตำบล); `city` the district (อำเภอ); `state_province` the province."""

    address_type: str
    address_1: str
    address_2: str
    city: str
    state_province: str
    postal_code: str
    country: str


class AgencyOut(Schema):
    id: int
    name: str
    alternate_name: str
    name_en: str
    description: str
    slug: str
    url: str
    scope: str
    category: str
    parent_organization_id: int | None
    parent_organization_name: str
    email: str
    email_saraban: str
    website: str
    facebook_url: str
    line_oa: str
    phones: list[PhoneOut]
    organization_identifiers: list[OrganizationIdentifierOut]
    address: str
    addresses: list[AddressOut]
    district_code: str
    latitude: float | None
    longitude: float | None
    status: str
    contacts: list[ContactOut]
    last_modified: datetime | None


class AgencyPage(Schema):
    total_items: int = Field(
        description=f"จำนวนหน่วยงานที่พบ เมื่อค้นด้วย `q` แล้วพบมากกว่า {SEARCH_COUNT_CAP:,} แห่ง "
        f"ค่านี้คือ {SEARCH_COUNT_CAP:,} และ `total_items_capped` เป็น true"
    )
    total_pages: int = Field(description="จำนวนหน้าที่เปิดได้ (นับจาก `total_items`)")
    total_items_capped: bool = Field(
        False,
        description=f"true เมื่อผลการค้นหามีมากกว่า {SEARCH_COUNT_CAP:,} แห่ง: เปิดได้เฉพาะ "
        f"{SEARCH_COUNT_CAP:,} แห่งแรกตามลำดับความตรง ระบุคำค้นหรือตัวกรองเพิ่มเพื่อให้แคบลง",
    )
    page_number: int
    size: int
    contents: list[AgencyOut]


# "" for no filter, or one of the scopes.
ScopeParam = Literal[("", *Scope.values)]


ISO_DATE_START = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")


class AgencyFilters(Schema):
    q: str = Field("", max_length=MAX_QUERY_LENGTH, pattern=PRINTABLE)
    scope: ScopeParam = ""
    category: str = Field("", max_length=60, pattern=PRINTABLE)
    district: str = Field("", pattern=r"^([0-9]{4})?$")
    modified_after: datetime | date | None = None
    page: int = Field(1, ge=1)
    size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    @field_validator("modified_after", mode="before")
    @classmethod
    def _iso_only(cls, value):
        # Pydantic also reads "0.4" or "1700000000" as seconds since 1970; the API promises
        # ISO 8601 dates and times only (and the schema says so).
        if isinstance(value, str) and value and not ISO_DATE_START.match(value):
            raise ValueError("not an ISO 8601 date")
        return value


def _moment(value: datetime | date | None) -> datetime | None:
    """`modified_after` as an aware datetime: a date is the start of that day, and a time
    without an offset is Thai time (the office's). A moment before or after what a database
    stores (year 1 at +07:00) is the earliest or the latest one."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if timezone.is_naive(value):
        try:
            value = timezone.make_aware(value)
        except OverflowError:
            value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        return (
            datetime.min.replace(tzinfo=UTC)
            if value.year == 1
            else datetime.max.replace(tzinfo=UTC)
        )


def _phone(kind: str, label: str, value: str) -> dict:
    number, extension = phone_split(value)
    return {
        "number": number,
        "extension": extension,
        "type": HSDS_PHONE_TYPES.get(kind, "voice"),
        "kind": kind,
        "description": label,
    }


def _plain_text(rich_text: str) -> str:
    return " ".join(html.unescape(strip_tags(rich_text.replace("<", " <"))).split())


def _out(card: AgencyCard, directory_url: str) -> dict:
    return {
        "id": card.pk,
        "name": card.name_th,
        "alternate_name": card.short_name,
        "name_en": card.name_en,
        "description": _plain_text(card.mission or ""),
        "slug": card.slug,
        "url": agency_url(directory_url, card.slug),
        "scope": card.scope,
        "category": card.category,
        "parent_organization_id": card.parent_pk,
        "parent_organization_name": card.parent_name,
        "email": card.email,
        "email_saraban": card.email_saraban,
        "website": card.website,
        "facebook_url": card.facebook_url,
        "line_oa": card.line_oa,
        "phones": [_phone(p.kind, p.label, p.number) for p in card.phones],
        "organization_identifiers": [
            {"identifier_scheme": f.key, "identifier_type": f.label, "identifier": f.value}
            for f in card.identifiers
        ],
        "address": card.address_line,
        "addresses": [
            {
                "address_type": "physical",
                "address_1": card.street_address,
                "address_2": f"ตำบล{card.subdistrict_name}" if card.subdistrict_name else "",
                "city": card.district_name,
                "state_province": card.province_name,
                "postal_code": card.postcode,
                "country": "TH",
            }
        ]
        if card.address_line
        else [],
        "district_code": card.district_code,
        "latitude": float(card.latitude) if card.latitude is not None else None,
        "longitude": float(card.longitude) if card.longitude is not None else None,
        "status": card.status,
        "contacts": [
            {
                "name": c.name,
                "title": c.position,
                "role": c.role,
                "email": c.email,
                "phones": [
                    _phone(kind, str(PhoneKind(kind).label), number)
                    for kind, number in (("office", c.phone), ("mobile", c.mobile))
                    if number
                ],
                "line_id": c.line_id,
            }
            for c in card.contacts
        ],
        "last_modified": card.published_at,
    }


@api.get(
    "/agencies",
    response={200: AgencyPage, 304: None, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    summary="รายการหน่วยงานที่เผยแพร่",
)
def agency_list(request, filters: Query[AgencyFilters]):
    queryset = agencies_filtered(
        public_agencies(),
        q=filters.q,
        scope=filters.scope,
        category=filters.category,
        district=filters.district,
        modified_after=_moment(filters.modified_after),
    )
    if filters.q.strip():
        # One ranked pass, counted up to the cap (coordination.search.capped).
        found = cached_ranked_ids(queryset)
        total, capped = found.total, found.capped
    else:
        total, capped = queryset.count(), False
    total_pages = max(1, math.ceil(total / filters.size))
    if filters.page > total_pages:
        # Checked before slicing: an absurd page must not reach the database as an OFFSET.
        message = _("ไม่มีหน้าที่ %(page)s ผลลัพธ์มีทั้งหมด %(total)s หน้า") % {
            "page": filters.page,
            "total": total_pages,
        }
        # A page number that is well formed but names no page: 404, like a missing agency.
        raise ApiError(404, "page_out_of_range", message, [{"name": "page", "message": message}])
    start = (filters.page - 1) * filters.size
    # A search ranks by annotations of its own and is short; a listing can be 2,500 pages long.
    if filters.q.strip():
        rows = rows_in_order(
            with_card_relations(public_agencies(), tags=False),
            found.ids[start : min(start + filters.size, total)],
        )
    else:
        rows = with_card_relations(
            agencies_page_rows(queryset, start=start, size=filters.size), tags=False
        )
    directory_url = directory_base_url(request)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "total_items_capped": capped,
        "page_number": filters.page,
        "size": filters.size,
        "contents": [_out(agency_public_view(agency), directory_url) for agency in rows],
    }


@api.get(
    "/agencies/{agency_id}",
    response={200: AgencyOut, 304: None, 404: ErrorOut, 429: ErrorOut},
    summary="ข้อมูลหน่วยงานหนึ่งแห่ง",
)
def agency_detail(request, response: HttpResponse, agency_id: int):
    agency = with_card_relations(public_agencies(), tags=False).filter(pk=agency_id).first()
    if agency is None:
        raise ApiError(404, "agency_not_found", _("ไม่พบหน่วยงานนี้ หรือหน่วยงานนี้ยังไม่เผยแพร่ต่อสาธารณะ"))
    card = agency_public_view(agency)
    # The card shows the parent's name too: the later of the two approvals.
    stamps = [agency.last_published_at]
    if card.parent_pk is not None:
        stamps.append(agency.parent.last_published_at)
    stamps = [stamp for stamp in stamps if stamp is not None]
    if stamps:
        response["Last-Modified"] = http_date(max(stamps).timestamp())
    return _out(card, directory_base_url(request))


@api.api_operation(WRITE_METHODS, "/agencies", include_in_schema=False)
def agency_list_write(request):
    raise _read_only()


@api.api_operation(WRITE_METHODS, "/agencies/{agency_id}", include_in_schema=False)
def agency_detail_write(request, agency_id: str):
    raise _read_only()


@api.api_operation(["GET", *WRITE_METHODS], "/{path:rest}", include_in_schema=False)
def unknown_path(request, rest: str):
    raise _not_found()


def _read_only() -> ApiError:
    return ApiError(405, "method_not_allowed", _("API นี้ให้อ่านข้อมูลได้อย่างเดียว (GET)"))
