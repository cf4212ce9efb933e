"""Settings shared by every environment. Everything that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# A fixed development key is acceptable here only because production.py refuses to start
# without SECRET_KEY set in the environment.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-in-production-0000")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

VAR_DIR = Path(env("VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    # Named in Vietnamese (config/apps.py).
    "config.apps.AxesConfig",
    "django_otp",
    "config.apps.TOTPConfig",
    "csp",
    "simple_history",
    # Our apps, ground floor first: core <- council <- accounts <- sessions <- resolutions
    # <- oversight, voters <- reports, delegates (docs/architecture.md)
    "core",
    "council",
    "accounts",
    "documents",  # the outgoing register: stands on council; every app above may number here
    "sessions.apps.SessionsConfig",
    "resolutions",
    "oversight",
    "voters",
    "standing",  # Thường trực HĐND's meetings: stands on council
    "reports",
    "delegates",
    "notifications",  # reminders (issue 23): on council/core; its rules/ read the apps above
    # Open council (issue 24), the top floor: they read the apps above through their selectors.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "portal",  # the public portal, no login
    "opendata",  # the open-data API (Django REST Framework, OpenAPI by drf-spectacular)
    "calendars",  # iCalendar feeds: public per council, internal behind a private token URL
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Warns once when X-Forwarded-For arrives with TRUSTED_PROXY_COUNT=0 (a proxy not declared).
    "accounts.security.ForwardedForCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every page requires login unless a view opts out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.security.SessionLifetimeMiddleware",
    "accounts.security.OTPRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.roles_context",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# Survive a PostgreSQL restart without restarting the app.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE columns, voters/0006-0008, oversight/0004) serve PostgreSQL; SQLite
# builds them without those columns, which is all a laptop's demo needs: without this, `make run`
# printed three warnings about it at every start.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTHENTICATION_BACKENDS = [
    # Counts failures and refuses locked-out username + address pairs before checking passwords.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Lockout after 5 failures for one username from one address; the reply is the same whether
# or not the user exists.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind N reverse proxies of our own, the client is the N-th address from the right of
# X-Forwarded-For; anything left of it was written by the client and is not trusted.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Sessions: a new key at every login (Django), an idle timeout and an absolute lifetime
# (accounts.security.SessionLifetimeMiddleware), HttpOnly cookies.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_ABSOLUTE_LIFETIME = env.int("SESSION_ABSOLUTE_LIFETIME", default=10 * 3600)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Văn phòng HĐND")
# Registering an authenticator app needs a one-time code from `manage.py create_role_user` or
# another administrator, valid this many hours (accounts.services.otp_enrolment_code_issue).
OTP_ENROLMENT_CODE_HOURS = env.int("OTP_ENROLMENT_CODE_HOURS", default=24)
# How long a delegate's one-time link to set their password stays valid (issue 20).
ACCOUNT_LINK_DAYS = env.int("ACCOUNT_LINK_DAYS", default=14)
# The security log keeps at most this many events of one kind by one person in the window;
# more are counted on the latest row (accounts.security.security_event_record). 0: no limit.
SECURITY_LOG_RATE_LIMIT = env.int("SECURITY_LOG_RATE_LIMIT", default=10)
SECURITY_LOG_RATE_WINDOW = env.int("SECURITY_LOG_RATE_WINDOW", default=60)

# Content-Security-Policy: no inline scripts, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The interface speaks Vietnamese whatever the browser asks for: without LocaleMiddleware the
# language does not follow Accept-Language (an English browser would otherwise get US dates).
# English stays available to activate explicitly once a catalog exists under locale/en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# dd/mm/yyyy and 1.234,5 (config/formats/vi/formats.py). Thousand separators are applied by
# the |number filter rather than globally, so years and ids never render as "2.019".
FORMAT_MODULE_PATH = ["config.formats"]
# The same formats as settings, for code that reads settings rather than the locale's formats.
DATE_FORMAT = SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "d/m/Y H:i"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploads are served only through permission-checking views, never directly by URL.
MEDIA_URL = "/media/"
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
# An Excel import's upload is kept under MEDIA_ROOT/imports/ between preview and confirmation;
# one nobody confirmed is deleted after this many hours (core.spreadsheets.import_stash_purge).
IMPORT_STASH_MAX_AGE_HOURS = env.int("IMPORT_STASH_MAX_AGE_HOURS", default=24)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# The blank choice of a list filter's drop-down means "no filter" (django-filter writes
# "---------"); forms say "— Chọn —" (core.forms.EMPTY_LABEL).
FILTERS_EMPTY_CHOICE_LABEL = _("Tất cả")

MESSAGE_TAGS = {40: "danger"}

# The PDF reports' font (reports/fonts.py): "auto" uses Times New Roman (NĐ 30/2020) when the
# server has it installed, else the bundled Liberation Serif; "bundled" always the latter;
# "system" requires Times New Roman.
REPORT_FONT = env("REPORT_FONT", default="auto")

# Celery: with no broker configured, tasks run in-process through the very same code path.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Keep the visibility timeout above the longest task (the annual report: minutes, not hours).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# What `celery -A config beat` sends. reports/tasks.py adds its sweeper to this same schedule
# when it is imported.
# Periodic work, declared here for `celery -A config beat` (nothing edits it at import time).
CELERY_BEAT_SCHEDULE = {
    # Report requests the queue never delivered are sent again (reports.services).
    "reports-requeue-stale-requests": {
        "task": "reports.tasks.requeue_stale_report_requests",
        "schedule": 300.0,
    },
    "voters-purge-import-stash": {
        "task": "voters.tasks.purge_import_stash",
        "schedule": 3600.0,  # hourly: a stash outlives IMPORT_STASH_MAX_AGE_HOURS by at most 1 h
    },
    # Personal data past retention (voters.RetentionRule) anonymised; a week late is within
    # any retention period counted in years, and the run is idempotent.
    "voters-anonymise-personal-data": {
        "task": "voters.tasks.anonymise_personal_data",
        # Sunday 02:00 (TIME_ZONE), out of office hours: one pass over every council's cases.
        "schedule": crontab(minute=0, hour=2, day_of_week=0),
    },
    # Reminders (issue 23): the idempotent scan, the immediate mails left and, from
    # NOTIFICATIONS_DIGEST_HOUR, each user's daily digest; hourly, so a run lost with its worker
    # or its broker is made up within the hour (notifications.services.reminders_run).
    "notifications-send-reminders": {
        "task": "notifications.tasks.send_reminders",
        "schedule": float(env.int("NOTIFICATIONS_SCAN_SECONDS", default=3600)),
    },
    # Notifications read NOTIFICATIONS_KEEP_DAYS ago, unread twice that, deleted in batches
    # (notifications.services.notifications_purge); daily at 03:30, out of office hours.
    "notifications-purge": {
        "task": "notifications.tasks.purge_notifications",
        "schedule": crontab(minute=30, hour=3),
    },
}
# The hour (local time) from which the day's digest mails go out.
NOTIFICATIONS_DIGEST_HOUR = env.int("NOTIFICATIONS_DIGEST_HOUR", default=7)
NOTIFICATIONS_KEEP_DAYS = env.int("NOTIFICATIONS_KEEP_DAYS", default=180)

# E-mail (issue 23: reminders). Without EMAIL_BACKEND set, mails are printed on the console,
# never sent: `make run` mails nobody. Production sets the SMTP backend and its server.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Văn phòng HĐND <no-reply@localhost>")
# The app's address as users reach it, for the links in mails.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://hdnd"),
}
if CACHES["default"]["BACKEND"].endswith(".RedisCache"):  # a redis:// URL
    # django-redis, told to answer a Redis outage as a cache miss (logged), not an error page.
    CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
    CACHES["default"].setdefault("OPTIONS", {})["IGNORE_EXCEPTIONS"] = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# --- Open council (issue 24) ----------------------------------------------------------------

# The public portal (portal): how long a page is kept in the cache (the same for every visitor);
# 0 turns the page cache off (ETag / Last-Modified still answer 304).
PORTAL_CACHE_SECONDS = env.int("PORTAL_CACHE_SECONDS", default=300)

# The open-data API (opendata): Django REST Framework and its OpenAPI schema (drf-spectacular).
# Rates of the API (DRF throttles, counted in the Django cache; "<n>/<sec|min|hour|day>"):
# anonymous clients per address, trusted systems per token (manage.py api_token create).
API_ANON_RATE = env("API_ANON_RATE", default="60/min")
API_TOKEN_RATE = env("API_TOKEN_RATE", default="1200/min")
REST_FRAMEWORK = {
    # Read-only everywhere: the views are list/detail views, anything else answers 405.
    "DEFAULT_AUTHENTICATION_CLASSES": ["opendata.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # JSON only: DRF's browsable pages would need inline scripts the CSP refuses.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "opendata.throttling.AnonymousRateThrottle",
        "opendata.throttling.TokenRateThrottle",
    ],
    # The client's address for the anonymous rate: X-Forwarded-For only for our own proxies'
    # hops, as accounts.security.client_ip (None would trust whatever the client sends).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "opendata.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATE_FORMAT": "iso-8601",
    "EXCEPTION_HANDLER": "opendata.views.exception_handler",
    # The schema's paths say {pk}: "id" is the record's stable identifier (opendata.ids).
    "SCHEMA_COERCE_PATH_PK": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dữ liệu mở HĐND",
    "DESCRIPTION": (
        "Dữ liệu công khai của Hội đồng nhân dân: nhiệm kỳ, đại biểu, kỳ họp, nghị quyết và "
        "biểu quyết, hoạt động giám sát, số liệu kiến nghị cử tri. Chỉ đọc; không cần khóa. "
        "Hệ thống tin cậy gửi «Authorization: Token <khóa>» để có hạn mức cao hơn."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page's Swagger UI comes from drf-spectacular-sidecar, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set (fields called "status" or "kind" exist in several models).
    "ENUM_NAME_OVERRIDES": {
        "SessionStatusEnum": "sessions.models.Session.Status",
        "SessionKindEnum": "sessions.models.Session.Kind",
        "SessionDocumentKindEnum": "sessions.models.SessionDocument.Kind",
        "ResolutionStatusEnum": "resolutions.models.Resolution.Status",
        "DelegateStatusEnum": "council.models.Delegate.Status",
        "OversightKindEnum": "oversight.models.Kind",
    },
}

# The calendar feeds (calendars).
# How far back a feed reaches (days; every future item is in it), and how long a shared cache
# or a calendar app may keep the public feed (seconds; the private feeds are never stored).
CALENDAR_FEED_PAST_DAYS = env.int("CALENDAR_FEED_PAST_DAYS", default=730)
CALENDAR_FEED_MAX_AGE = env.int("CALENDAR_FEED_MAX_AGE", default=3600)
