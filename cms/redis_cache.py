"""The Redis cache backend of `cms.settings.base` (REDIS_URL): django-redis, but a Redis that
does not answer makes the site slower, not broken.

While Redis is down every cache read misses and every write is dropped, so pages are rendered
(the page cache is bypassed, coordination.cache) and the health check reports the cache as
failing. One warning is logged when an outage starts and one line when Redis answers again, not
one per request; after a failure Redis is not asked again for CACHE_OUTAGE_RETRY_SECONDS, so a
request does not wait on a dead server for each value it needs.
"""

import logging
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError)

# Per server (LOCATION), for the whole process: when to ask again, and whether it is down.
_retry_at: dict[str, float] = {}
_lock = threading.Lock()


def _retry_seconds() -> float:
    return float(getattr(settings, "CACHE_OUTAGE_RETRY_SECONDS", 5))


class OutageTolerantRedisCache(RedisCache):
    """django-redis whose reads miss and writes do nothing while the server does not answer."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = str(server)

    def _call(self, fallback, method, *args, **kwargs):
        if self._location in _retry_at and time.monotonic() < _retry_at[self._location]:
            return fallback()
        try:
            result = method(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self._failed(error)
            return fallback()
        if self._location in _retry_at:
            self._answered()
        return result

    def _failed(self, error) -> None:
        with _lock:
            starting = self._location not in _retry_at
            _retry_at[self._location] = time.monotonic() + _retry_seconds()
        if starting:
            logger.warning(
                "The cache at %s does not answer (%s): serving without it until it does.",
                self._location,
                error,
            )

    def _answered(self) -> None:
        with _lock:
            ended = _retry_at.pop(self._location, None) is not None
        if ended:
            logger.info("The cache at %s answers again.", self._location)

    def get(self, key, default=None, version=None, client=None):
        return self._call(lambda: default, super().get, key, default, version, client)

    def get_many(self, *args, **kwargs):
        return self._call(dict, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call(lambda: False, super().has_key, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call(lambda: False, super().add, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call(lambda: False, super().set, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call(list, super().set_many, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call(lambda: False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call(lambda: False, super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call(lambda: 0, super().delete_many, *args, **kwargs)

    def clear(self):
        return self._call(lambda: False, super().clear)

    def incr(self, *args, **kwargs):
        return self._call(_missing, super().incr, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call(_missing, super().decr, *args, **kwargs)


def _missing():
    # What Django's caches raise for a counter that is not there; callers start a new one.
    raise ValueError("The cache does not answer.")
