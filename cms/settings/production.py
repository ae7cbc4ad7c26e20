"""Production: PostgreSQL and Redis from the environment, behind nginx terminating TLS.

Refuses to start with a default secret, without host names, or with several workers and no shared
cache (each worker's memory cache would keep serving pages another worker purged).
`manage.py check --deploy --settings=cms.settings.production` is clean with the environment of
docs/deploy.md.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not os.environ.get("SECRET_KEY") or len(os.environ["SECRET_KEY"]) < 32:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 32 characters in production."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")
# gunicorn reads WEB_CONCURRENCY as its number of workers (`make serve` and docs/deploy.md too).
if not REDIS_URL and os.environ.get("WEB_CONCURRENCY", "").strip() != "1":  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL must name the shared Redis cache in production (e.g. redis://127.0.0.1:6379/0): "
        "with several workers, each one's memory cache keeps pages the others purged. "
        "Set WEB_CONCURRENCY=1 to run a single worker with a memory cache instead."
    )

DEBUG = False
# Index updates leave the editor's request: they wait in the database, surviving a restart, for
# `manage.py db_worker` (docs/deploy.md). TASKS_BACKEND=immediate runs them in the request instead.
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "database")]}}  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# HTTPS only. nginx terminates TLS and says so in X-Forwarded-Proto (docs/deploy.md).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# Load balancers and monitors may probe the health check over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Browsers refuse plain HTTP to the site for this long once they have seen it (0 turns HSTS off,
# e.g. while trying TLS out); subdomains and the browsers' preload list are included by default.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
# Cookies over HTTPS only; INSECURE_COOKIES=1 only to try the production settings over plain HTTP.
SESSION_COOKIE_SECURE = os.environ.get("INSECURE_COOKIES", "") != "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
