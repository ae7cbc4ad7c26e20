"""A database that refuses or drops connections is an outage to wait out, not a bug: the site
answers 503 with Retry-After (home/errors.py for pages, coordination.api for the API)."""

from django.db import InterfaceError, OperationalError

# Seconds a client is asked to wait before trying again during a database outage.
RETRY_AFTER_SECONDS = 60


def database_outage(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, is the database being unreachable."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
