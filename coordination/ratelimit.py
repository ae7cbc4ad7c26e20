"""A per-client request limit: a fixed-window counter in Django's cache.

The public API counts every request; the public "แจ้งแก้ไขข้อมูล" form counts the reports sent
(`scope="report"`, settings ``COORDINATION_REPORT_RATE_LIMIT`` per
``COORDINATION_REPORT_RATE_WINDOW`` seconds).

One counter per client address and window (``COORDINATION_API_RATE_WINDOW`` seconds), at most
``COORDINATION_API_RATE_LIMIT`` requests in it (0 turns the limit off). A fixed window costs one
cache increment per request and works the same on the memory cache and on Redis; with several
processes the cache must be shared (Redis), or each process counts on its own.

The client is ``REMOTE_ADDR``, unless ``COORDINATION_API_TRUSTED_PROXIES`` says how many proxies
of ours stand in front: then the address those proxies appended to ``X-Forwarded-For``. A client
can write anything into that header itself, so it is read only when a proxy of ours is there.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "coordination:api-rate"
DEFAULT_LIMIT = 120
DEFAULT_WINDOW = 60


# scope -> (setting of the limit, its default, setting of the window, its default)
SCOPES = {
    "api": (
        "COORDINATION_API_RATE_LIMIT",
        DEFAULT_LIMIT,
        "COORDINATION_API_RATE_WINDOW",
        DEFAULT_WINDOW,
    ),
    "report": ("COORDINATION_REPORT_RATE_LIMIT", 5, "COORDINATION_REPORT_RATE_WINDOW", 3600),
}


def rate_limit_settings(scope: str = "api") -> tuple[int, int]:
    """(requests allowed per window, window length in seconds)."""
    limit_name, limit_default, window_name, window_default = SCOPES[scope]
    limit = int(getattr(settings, limit_name, limit_default))
    window = max(1, int(getattr(settings, window_name, window_default)))
    return limit, window


def rate_limit_client(request) -> str:
    """The address the limit counts requests of."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "COORDINATION_API_TRUSTED_PROXIES", 0))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if not addresses:
        return remote
    # Each proxy appends the address it heard from: the client is `proxies` entries from the end.
    return addresses[-min(proxies, len(addresses))]


def rate_limit_wait(request, *, scope: str = "api") -> int | None:
    """Count this request; None when it is within the limit, otherwise the seconds until the
    window ends (the ``Retry-After`` answer)."""
    limit, window = rate_limit_settings(scope)
    if limit <= 0:
        return None
    now = time.time()
    window_index = int(now // window)
    prefix = KEY_PREFIX if scope == "api" else f"coordination:{scope}-rate"
    key = f"{prefix}:{rate_limit_client(request)}:{window_index}"
    # add() starts the window's counter only if no other request has; incr() is atomic on Redis.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, math.ceil((window_index + 1) * window - now))
