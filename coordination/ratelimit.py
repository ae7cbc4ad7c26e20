"""A per-client request limit for the public API: a fixed-window counter in Django's cache.

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


def rate_limit_settings() -> tuple[int, int]:
    """(requests allowed per window, window length in seconds)."""
    limit = int(getattr(settings, "COORDINATION_API_RATE_LIMIT", DEFAULT_LIMIT))
    window = max(1, int(getattr(settings, "COORDINATION_API_RATE_WINDOW", DEFAULT_WINDOW)))
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


def rate_limit_wait(request) -> int | None:
    """Count this request; None when it is within the limit, otherwise the seconds until the
    window ends (the ``Retry-After`` answer)."""
    limit, window = rate_limit_settings()
    if limit <= 0:
        return None
    now = time.time()
    window_index = int(now // window)
    key = f"{KEY_PREFIX}:{rate_limit_client(request)}:{window_index}"
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
