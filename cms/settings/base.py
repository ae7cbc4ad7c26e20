"""Settings shared by every environment; each value that varies comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The secret key signs sessions and tokens; dev and test fall back to a fixed key, production refuses.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
# Comma-separated host names the site answers to.
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
# Comma-separated origins allowed to POST (needed behind HTTPS proxies).
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
DEBUG = False

INSTALLED_APPS = [
    "coordination",
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "simple_history",
    # Index updates (and Wagtail's own background work) as tasks; its database queue is what
    # production runs (TASKS below, `manage.py db_worker`); its system checks validate TASKS.
    "django_tasks",
    "django_tasks_db",
    # The Content-Security-Policy header (its system checks; the middleware is ours, below).
    "csp",
    # Counts wrong passwords and locks a username out from an address (login throttling below).
    "axes",
    # django-ninja's bundled Swagger UI, served as static files for the API docs (/api/v1/docs).
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on every page, cached ones included; before XFrameOptionsMiddleware,
    # whose header decides frame-ancestors (cms/content_security_policy.py).
    "cms.content_security_policy.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the site and the admin speak Thai whatever the browser asks for; an
    # admin user who wants English chooses it in the account profile (Wagtail applies it per view).
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Attributes every history row of a web request to the acting user.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Serves anonymous visitors stored copies of public pages, purged on publish (coordination.cache).
    "coordination.cache.AnonymousPageCacheMiddleware",
    # Turns a locked-out login into the Thai lock-out page (AXES_LOCKOUT_CALLABLE); last, as
    # django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # `office`: the office's details from the cached site frame (home/chrome.py).
                "home.context_processors.office",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# A database URL; the embedded default is an SQLite file in the checkout.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (django-tasks): the search index update after each publish, Wagtail's reference
# index. `immediate` runs it at once in the same process (the embedded default: `make run` needs no
# worker, and an agency is searchable as soon as it is published); `database` queues it in the
# database for `manage.py db_worker` (production's default, cms/settings/production.py).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}

# Redis is used for the cache when REDIS_URL is set; otherwise a per-process memory cache.
# While Redis is down the site serves uncached and logs it once (cms/redis_cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.OutageTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "esa",
            # A dead or unreachable Redis must not hold a request for long.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds before a Redis that failed is asked again (requests meanwhile do without the cache).
CACHE_OUTAGE_RETRY_SECONDS = float(os.environ.get("CACHE_OUTAGE_RETRY_SECONDS", "5"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
# The languages an admin user may choose in the account profile; without a choice, Thai.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("th", "ไทย"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Asia/Bangkok"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Uploaded images and documents; object storage in production (docs/deploy.md).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: workflow notifications to officers and supervisors.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
# Sender of notifications.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@uthai1.example.go.th")

# The office's name in the admin: login page, tab titles, dashboard (templates/wagtailadmin/).
WAGTAIL_SITE_NAME = "สพป.อุทัยธานี เขต 1"
# No English "what's new" banner, and no upgrade check that calls wagtail.org from the browser.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's login form with a translated label on the password field.
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.AdminLoginForm"
# Base URL of the site, used in notification e-mails.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No avatars from gravatar.com: the admin fetches nothing from outside this server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's database backend; on PostgreSQL a write no longer rescans the whole index table
# (coordination/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "coordination.search.backend"}}
# Uploads (home/uploads.py): the files an office shares, no larger than DOCUMENT_MAX_MB and
# IMAGE_MAX_MB (nginx's client_max_body_size in docs/deploy.md must allow the larger of the two).
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "txt",
    "jpg", "jpeg", "png",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_MB", "20")) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_MB", "10")) * 1024 * 1024
# Documents are always served by Wagtail's view, which applies the collections' view restrictions
# (the pending uploads are login-only) and sends nosniff and a no-content CSP; never by a link to
# the file in /media/ (nginx refuses /media/documents/). Only PDFs and pictures open in the
# browser; anything else is downloaded (Content-Disposition: attachment).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# The registry app's site search lists these page models under "news" (docs/pluggable.md).
COORDINATION_SEARCH_NEWS_MODELS = ["home.NewsPage"]
# The registry's public pages (directory, agency pages, /search/) sit inside our site's frame.
COORDINATION_BASE_TEMPLATE = "base.html"
# The office's name on the printable registry: our site setting's `office_name`.
COORDINATION_OFFICE_SETTING = "home.OfficeSettings"

# The public API's rate limit: requests per client address in each window of seconds (0: no
# limit), and how many proxies of ours stand in front and append the client to X-Forwarded-For.
COORDINATION_API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
COORDINATION_API_RATE_WINDOW = int(os.environ.get("API_RATE_WINDOW", "60"))
COORDINATION_API_TRUSTED_PROXIES = int(os.environ.get("API_TRUSTED_PROXIES", "0"))
# The public "แจ้งแก้ไขข้อมูล" form: reports per client address in each window of seconds.
COORDINATION_REPORT_RATE_LIMIT = int(os.environ.get("REPORT_RATE_LIMIT", "5"))
COORDINATION_REPORT_RATE_WINDOW = int(os.environ.get("REPORT_RATE_WINDOW", "3600"))
# E-mail the responsible officer when the public reports an error in an agency's data.
COORDINATION_REPORT_NOTIFY = os.environ.get("REPORT_NOTIFY", "1") == "1"

# History rows are written by coordination.history, which skips saves that change no data.
SIMPLE_HISTORY_REVERT_DISABLED = True

LOGIN_URL = "wagtailadmin_login"
# No page of the site or the admin may be framed (clickjacking). Wagtail's preview views answer
# SAMEORIGIN themselves: the editor's preview panel frames them inside the admin.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4; docs/deploy.md says how to extend it). Everything the site
# runs or shows comes from this server: no inline script, no inline style, no plug-ins, no other
# site may frame a page, forms post only here. No nonces, because the page cache stores whole
# pages (cms/content_security_policy.py).
# Comma-separated origins (with an optional path) that the "embed" block may frame, e.g. videos
# and maps; empty for none.
CSP_EMBED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get(
        "CSP_EMBED_ORIGINS",
        "https://www.youtube.com,https://www.youtube-nocookie.com,https://www.google.com/maps/embed",
    ).split(",")
    if origin.strip()
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the small images that stylesheets carry inline (e.g. Swagger UI's icons).
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_EMBED_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # 'self' instead on the responses Wagtail answers X-Frame-Options: SAMEORIGIN (previews).
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin (paths under these prefixes) under its own policy: the public one, loosened
# only where Wagtail 8 needs it (each with its reason).
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/",)
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # Wagtail 8 starts widgets with inline <script> elements: every date filter and date
        # field (initDateChooser), InlinePanel and MultipleChooserPanel (an agency's phones and
        # contacts), the page and settings editors; jQuery runs the same when a form is added.
        "script-src": [SELF, UNSAFE_INLINE],
        # Wagtail's admin bundle (vendor.js: the rich-text editor, tooltips) inserts <style>
        # elements at run time.
        "style-src": [SELF, UNSAFE_INLINE],
    }
}

# Login throttling for both login forms (the admin's /admin/login/ and Wagtail's /_util/login/ of
# login-only pages): after LOGIN_FAILURE_LIMIT wrong passwords for one username from one address,
# that username is refused from that address, even with the right password, for
# LOGIN_COOLOFF_MINUTES (each new attempt during the lock-out starts the wait again); a successful
# login clears the count. Attempts are rows in the database, shared by every worker.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client address as the API's rate limit reads it (API_TRUSTED_PROXIES behind nginx).
AXES_CLIENT_IP_CALLABLE = "coordination.ratelimit.rate_limit_client"
AXES_LOCKOUT_CALLABLE = "home.lockout.login_locked_out"
# Wagtail's admin has its own user management: no django-axes models in Django's admin.
AXES_ENABLE_ADMIN = False

# An admin session lasts one working day from sign-in (SESSION_HOURS) and ends when the browser
# closes, so an office computer left or shared is not signed in the next morning.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "8")) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "coordination": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    },
}
