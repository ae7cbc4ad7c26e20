"""Public read API of the registry (django-ninja): only what the public data rule allows.

Every error answers with one JSON shape (ErrorOut), in Thai, with a stable `code` for programs;
API_DESCRIPTION lists the codes for the OpenAPI document.
"""

import logging
import math

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from coordination.cards import (
    AgencyCard,
    agency_public_view,
    public_agencies,
    with_card_relations,
)
from coordination.selectors.directory import agencies_filtered, agency_url, directory_base_url

logger = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# The API only reads: other methods get a JSON 405 rather than ninja's plain-text one.
WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]

API_DESCRIPTION = f"""ข้อมูลหน่วยงานที่เผยแพร่สาธารณะแล้วเท่านั้น (อ่านอย่างเดียว)

## การแบ่งหน้า
`page` เริ่มที่ 1 และต้องไม่เกิน `total_pages`; `size` อยู่ระหว่าง 1 ถึง {MAX_PAGE_SIZE} (ค่าเริ่มต้น {DEFAULT_PAGE_SIZE})

## ข้อผิดพลาด
ทุกข้อผิดพลาดตอบเป็น JSON รูปแบบเดียวกัน ข้อความเป็นภาษาไทย:

```json
{{"error": {{"code": "invalid_page", "message": "…", "fields": [{{"name": "page", "message": "…"}}]}}}}
```

`code` ใช้ตรวจในโปรแกรมได้ ส่วน `fields` ระบุพารามิเตอร์ที่ไม่ถูกต้อง (รายการว่างเมื่อไม่เกี่ยวกับพารามิเตอร์)

| HTTP | code | ความหมาย |
|---|---|---|
| 400 | `invalid_page` | `page` ไม่ใช่จำนวนเต็มตั้งแต่ 1 ขึ้นไป |
| 400 | `page_out_of_range` | `page` เกินจำนวนหน้าที่มี |
| 400 | `invalid_size` | `size` ไม่อยู่ระหว่าง 1 ถึง {MAX_PAGE_SIZE} |
| 400 | `invalid_parameter` | พารามิเตอร์อื่นไม่ถูกต้อง |
| 404 | `agency_not_found` | ไม่มีหน่วยงานนี้ หรือยังไม่เผยแพร่ต่อสาธารณะ |
| 404 | `not_found` | ไม่มีที่อยู่นี้ใน API |
| 405 | `method_not_allowed` | API นี้อ่านได้อย่างเดียว (GET) |
| 500 | `server_error` | ระบบขัดข้อง |
"""


class ThaiJSONRenderer(JSONRenderer):
    """Thai text as UTF-8, not \\u escapes: readable, and a third smaller.

    NinjaAPI appends `; charset=<charset>` to `media_type` itself, so the media type carries none.
    """

    media_type = "application/json"
    charset = "utf-8"
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="ทะเบียนข้อมูลพื้นฐานหน่วยงาน — Public API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="coordination_api",
    renderer=ThaiJSONRenderer(),
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
    return _("ค่าของพารามิเตอร์ %(name)s ไม่ถูกต้อง") % {"name": name}


def _not_found() -> ApiError:
    return ApiError(404, "not_found", _("ไม่พบข้อมูลที่ขอใน API นี้"))


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return _error_response(request, exc)


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    # A path that does not parse (/agencies/abc) names nothing that exists.
    if any(error.get("loc", ("",))[0] == "path" for error in exc.errors):
        return _error_response(request, _not_found())
    names = list(dict.fromkeys(str(error.get("loc", ("", ""))[-1]) for error in exc.errors))
    fields = [{"name": name, "message": _field_message(name)} for name in names]
    code = next(
        (f"invalid_{name}" for name in ("page", "size") if name in names), "invalid_parameter"
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
    return _error_response(
        request, ApiError(500, "server_error", _("ระบบขัดข้อง กรุณาลองใหม่อีกครั้งภายหลัง"))
    )


# Data -----------------------------------------------------------------------------------------


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
    page: int = Field(1, ge=1)
    size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def _out(card: AgencyCard, directory_url: str) -> dict:
    return {
        "id": card.pk,
        "slug": card.slug,
        "url": agency_url(directory_url, card.slug),
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
        "identifiers": {fact.key: fact.value for fact in card.identifiers},
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


@api.get(
    "/agencies",
    response={200: AgencyPage, 400: ErrorOut},
    summary="รายการหน่วยงานที่เผยแพร่",
)
def agency_list(request, filters: Query[AgencyFilters]):
    queryset = agencies_filtered(
        public_agencies(),
        q=filters.q,
        scope=filters.scope,
        category=filters.category,
        district=filters.district,
    )
    total = queryset.count()
    total_pages = max(1, math.ceil(total / filters.size))
    if filters.page > total_pages:
        # Checked before slicing: an absurd page must not reach the database as an OFFSET.
        message = _("ไม่มีหน้าที่ %(page)s ผลลัพธ์มีทั้งหมด %(total)s หน้า") % {
            "page": filters.page,
            "total": total_pages,
        }
        raise ApiError(400, "page_out_of_range", message, [{"name": "page", "message": message}])
    start = (filters.page - 1) * filters.size
    rows = with_card_relations(queryset)[start : start + filters.size]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": filters.page,
        "size": filters.size,
        "contents": [
            _out(agency_public_view(agency), directory_base_url(request)) for agency in rows
        ],
    }


@api.get(
    "/agencies/{agency_id}",
    response={200: AgencyOut, 404: ErrorOut},
    summary="ข้อมูลหน่วยงานหนึ่งแห่ง",
)
def agency_detail(request, agency_id: int):
    agency = with_card_relations(public_agencies()).filter(pk=agency_id).first()
    if agency is None:
        raise ApiError(404, "agency_not_found", _("ไม่พบหน่วยงานนี้ หรือหน่วยงานนี้ยังไม่เผยแพร่ต่อสาธารณะ"))
    return _out(agency_public_view(agency), directory_base_url(request))


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
