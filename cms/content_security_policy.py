"""The Content-Security-Policy header (django-csp), with two adjustments made per response.

- The admin (`/admin/`) gets `CONTENT_SECURITY_POLICY_ADMIN`, a slightly looser policy that
  Wagtail's own admin needs (the reasons are in the settings); every other path gets the strict
  `CONTENT_SECURITY_POLICY`.
- `frame-ancestors` follows `X-Frame-Options`, so the two can never disagree: `'none'` (DENY)
  everywhere, `'self'` on the responses Wagtail answers SAMEORIGIN (the editor's preview, framed by
  the admin itself).

No nonces: anonymous pages are stored whole by the page cache (coordination.cache), and a nonce
kept in a stored page would not match the next response's header. Pages run only self-hosted
script files instead.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def _admin_prefixes() -> tuple[str, ...]:
    return tuple(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIXES", ("/admin/",)))


def _frameable(response: HttpResponseBase) -> bool:
    return response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin's policy by path and `frame-ancestors` by the
    response's X-Frame-Options; place it before XFrameOptionsMiddleware and the page cache."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if _frameable(response):
            # Wagtail renders a preview by passing a fake request through the whole middleware
            # stack, which sets the header of an ordinary page; the preview's own is decided here.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (
            parts.config is None
            and admin_policy
            and request.path_info.startswith(_admin_prefixes())
        ):
            parts.config = default_config(admin_policy["DIRECTIVES"])
        if _frameable(response):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
