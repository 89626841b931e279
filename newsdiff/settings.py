"""newsdiff settings, read from the environment.

DATABASE_URL  a dj-database-url URL; default: SQLite file db.sqlite3 in the project
SECRET_KEY    required when DEBUG is off
DEBUG         1/true/yes turns on development mode (default: off)
ALLOWED_HOSTS comma-separated host names (default with DEBUG: localhost, 127.0.0.1)
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-not-for-production-use"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "newsdiff",
]

# Long work (aligning, fetching pages) runs in a task worker: `manage.py db_worker`, which `make run` starts.
# The database backend keeps the queue in the app's own database; tests run tasks at once (tests/djenv.py).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML (the review page: ~160 KB -> ~10 KB). After WhiteNoise, which answers static files
    # itself with precompressed copies; before everything that writes the body. BREACH: docs/SCALING.md.
    "django.middleware.gzip.GZipMiddleware",
    "newsdiff.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface language: the one chosen in the header (a cookie), else the browser's Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsdiff.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "newsdiff.wsgi.application"

# Connections are kept for CONN_MAX_AGE seconds (default 60) instead of one per request: on PostgreSQL a new
# connection costs a server process fork and authentication (bench/load_review.py; docs/SCALING.md). Health
# checks replace a connection the server closed meanwhile instead of failing the next request with it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many reviewers write at once: IMMEDIATE transactions take the write lock up
    # front, so a read-then-write transaction waits instead of failing with
    # "database is locked" halfway through.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"].setdefault("TEST", {})
    if os.environ.get("SQLITE_TEST_NAME"):
        DATABASES["default"]["TEST"]["NAME"] = os.environ["SQLITE_TEST_NAME"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed logins (django-axes): an account and address pair is locked after NEWSDIFF_LOGIN_FAILURE_LIMIT failures
# for NEWSDIFF_LOGIN_LOCKOUT_MINUTES; a success resets the count; admins unlock in /admin/axes/accessattempt/.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Reads a user's permissions in one query into ModelBackend's caches; logs no one in (newsdiff/backends.py).
    "newsdiff.backends.PermissionCacheBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSDIFF_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("NEWSDIFF_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsdiff.views.auth.login_locked_out"
AXES_HTTP_RESPONSE_CODE = 429

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "comparison-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
# The interface in English and Spanish (Mexico's newsrooms): es-MX, es-ES... all get "es".
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # django.po is committed; django.mo is built by `make run`/`make test`
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: the article size limit is ours; Django's own limits sit above it so
# that an oversized upload reaches our validation and gets a clear message.
NEWSDIFF_MAX_UPLOAD_BYTES = int(os.environ.get("NEWSDIFF_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSDIFF_MAX_UPLOAD_BYTES * 2 + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 50

# Importing from the web: limits per page, and whether internal addresses (this machine, private networks)
# may be fetched — off by default, so the server cannot be made to fetch its own neighbours.
NEWSDIFF_FETCH_TIMEOUT = float(os.environ.get("NEWSDIFF_FETCH_TIMEOUT", "10"))
NEWSDIFF_FETCH_MAX_BYTES = int(os.environ.get("NEWSDIFF_FETCH_MAX_BYTES", 10 * 1024 * 1024))
NEWSDIFF_FETCH_ALLOW_PRIVATE = env_flag("NEWSDIFF_FETCH_ALLOW_PRIVATE")
# A local sentence-embedding model (model2vec's static format) for paraphrases and cross-language pairs;
# blank: none (accounts in two languages are then linked by hand). See README, "Accounts in Spanish".
NEWSDIFF_EMBEDDING_MODEL_DIR = os.environ.get("NEWSDIFF_EMBEDDING_MODEL_DIR", "")
# Without a configured model, two English accounts are scored with the English model shipped in
# newsdiff/text/models/minilm-static-en (paraphrases sharing no word); 0 turns it off (lexical signals only).
NEWSDIFF_SHIPPED_EMBEDDING_MODEL = env_flag("NEWSDIFF_SHIPPED_EMBEDDING_MODEL", default=True)

# ClaimReview export: the newsroom that publishes the fact checks, and where (a URL template with {slug}
# and {claim}, e.g. https://news.example.org/checks/{slug}/#claim-{claim}); an empty template leaves url out.
NEWSDIFF_ORGANIZATION = os.environ.get("NEWSDIFF_ORGANIZATION", "newsdiff")
NEWSDIFF_ORGANIZATION_URL = os.environ.get("NEWSDIFF_ORGANIZATION_URL", "")
NEWSDIFF_CLAIMREVIEW_URL = os.environ.get("NEWSDIFF_CLAIMREVIEW_URL", "")

# Production hardening, driven by the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_flag("USE_X_FORWARDED_PROTO", not DEBUG) else None
USE_X_FORWARDED_HOST = env_flag("USE_X_FORWARDED_HOST")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_flag("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_flag("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Every login lockout is a WARNING (newsdiff/lockouts.py), kept whatever LOG_LEVEL says.
    "loggers": {"newsdiff.security": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}
