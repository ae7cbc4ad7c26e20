"""The HTTP manners of the public API, the same for every URL under it (data, schema, docs).

* Read-only CORS: any site may read the API from a browser (``Access-Control-Allow-Origin: *``
  on GET, HEAD and OPTIONS answers), never with credentials; a preflight OPTIONS is answered
  here, before the rate limit and without touching the database.
* Conditional GET: every 200 carries an ``ETag`` of its body; a request whose ``If-None-Match``
  (or, where the view sends ``Last-Modified``, ``If-Modified-Since``) still matches gets a 304
  without the body.
* HEAD is answered like GET, without the body.
* A per-client rate limit (coordination.ratelimit): past it, 429 with ``Retry-After``.

`RegistryAPI.urls` (coordination.api) wraps each of ninja's URL views with `api_http_view()`.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe

from coordination.ratelimit import rate_limit_wait

READ_METHODS = ("GET", "HEAD", "OPTIONS")
# Request headers a browser may send cross-origin beyond the always-allowed ones.
CORS_ALLOW_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
# Response headers a cross-origin script may read beyond the always-exposed ones.
CORS_EXPOSE_HEADERS = "ETag, Last-Modified, Retry-After"
PREFLIGHT_MAX_AGE = 86400


def _with_cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = CORS_EXPOSE_HEADERS
    return response


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = ", ".join(READ_METHODS)
    response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
    response["Access-Control-Allow-Headers"] = CORS_ALLOW_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return _with_cors(response)


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    set_response_etag(response)
    # Clients may keep a copy, and ask again each time: the ETag makes the asking cheap.
    patch_cache_control(response, public=True, no_cache=True)
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def api_http_view(
    view: Callable, *, too_many_requests: Callable[[HttpRequest, int], HttpResponse]
) -> Callable:
    """`view` with the API's HTTP manners; `too_many_requests(request, seconds_to_wait)` builds
    the 429 answer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight()
        wait = rate_limit_wait(request)
        if wait is not None:
            response = too_many_requests(request, wait)
            response["Retry-After"] = str(wait)
            return _with_cors(response)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        if request.method not in READ_METHODS:
            return response
        if response.status_code == 200 and not response.streaming:
            response = _conditional(request, response)
        if head and not response.streaming:
            response.content = b""
        return _with_cors(response)

    return wrapper
