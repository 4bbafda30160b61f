"""Settings read from the environment, with zero-set-up defaults.

SQLite in ``var/`` unless ``DATABASE_URL`` is set; sessions and cache in the database so that
several web processes can run side by side behind a proxy.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TISSAGE_VAR_DIR", Path.cwd() / "var")).resolve()


def _env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """The key comes from the environment, or is generated once and kept in ``var/``."""
    if key := os.environ.get("TISSAGE_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_flag("TISSAGE_DEBUG")
ALLOWED_HOSTS = os.environ.get("TISSAGE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("TISSAGE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "tissage.core",
    "tissage.network",
    "tissage.people",
    "tissage.activities",
    "tissage.schedule",
    "tissage.outbox",
    "tissage.calls",
    "tissage.logistics",
    "tissage.impact",
    "tissage.planning",
    "tissage.orga",
    "tissage.public",
    "tissage.portal",
    "tissage.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tissage.core.interfaces.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # The model backend, refusing accounts and addresses locked after repeated failures.
    "tissage.core.interfaces.auth.ThrottledModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

FORM_RENDERER = "tissage.public.renderers.FormRenderer"
ROOT_URLCONF = "tissage.config.urls"
WSGI_APPLICATION = "tissage.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

if database_url := os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "tissage.sqlite3",
            "OPTIONS": {
                # IMMEDIATE avoids "database is locked" when two workers upgrade a read lock at once.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tissage_cache",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LANGUAGE_CODE = "en"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("ru", "Русский")]
LANGUAGE_NAMES = {"fr": _("French"), "en": _("English"), "ru": _("Russian")}
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "orga:login"
LOGIN_REDIRECT_URL = "orga:dashboard"
LOGOUT_REDIRECT_URL = "orga:login"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind the HTTPS proxy, a visitor's address is the last one the proxy added to X-Forwarded-For.
TISSAGE_BEHIND_PROXY = _env_flag("TISSAGE_HTTPS")
if TISSAGE_BEHIND_PROXY:
    # Served over HTTPS behind a proxy that sets X-Forwarded-Proto: `tissage check --deploy` passes.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("TISSAGE_HSTS_SECONDS", str(365 * 24 * 3600)))
    # A site served on its own domain: turn these off (=0) when sibling subdomains still speak HTTP.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("TISSAGE_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_flag("TISSAGE_HSTS_PRELOAD", True)

# Mail (the outbox sends it from the background worker). By default messages are printed on the
# console; setting TISSAGE_EMAIL_HOST sends them by SMTP:
#   TISSAGE_EMAIL_HOST      the SMTP server, e.g. smtp.example.org
#   TISSAGE_EMAIL_PORT      its port (default 587)
#   TISSAGE_EMAIL_USER      the login, if the server asks for one
#   TISSAGE_EMAIL_PASSWORD  its password
#   TISSAGE_EMAIL_TLS       STARTTLS on the port (default on); TISSAGE_EMAIL_SSL for implicit TLS (port 465)
#   TISSAGE_EMAIL_TIMEOUT   seconds before a silent server counts as a failed attempt (default 30)
# TISSAGE_EMAIL_BACKEND names any other Django mail backend, e.g.
# django.core.mail.backends.filebased.EmailBackend, which writes each message to a file in
# TISSAGE_EMAIL_FILE_PATH (default var/mail).
EMAIL_HOST = os.environ.get("TISSAGE_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("TISSAGE_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("TISSAGE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TISSAGE_EMAIL_PASSWORD", "")
EMAIL_USE_SSL = _env_flag("TISSAGE_EMAIL_SSL")
EMAIL_USE_TLS = not EMAIL_USE_SSL and _env_flag("TISSAGE_EMAIL_TLS", default=True)
EMAIL_TIMEOUT = int(os.environ.get("TISSAGE_EMAIL_TIMEOUT", "30"))
EMAIL_FILE_PATH = os.environ.get("TISSAGE_EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_BACKEND = os.environ.get("TISSAGE_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("TISSAGE_FROM_EMAIL", "tissage@localhost")
# The site's address as people reach it, for the links in emails (sign-in links, call pages).
# Days a visa document (a passport scan …) is kept after the end of its session.
TISSAGE_VISA_DOCUMENT_RETENTION_DAYS = int(os.environ.get("TISSAGE_VISA_DOCUMENT_RETENTION_DAYS", "90"))
TISSAGE_BASE_URL = os.environ.get("TISSAGE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TISSAGE_LOG_LEVEL", "WARNING")},
}

# Page sizes for the staff lists.
TISSAGE_PAGE_SIZE = 25
