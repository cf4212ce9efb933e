"""Settings for the benchmark server: production settings, served on loopback over plain HTTP.

Used only by bench/run.py (DJANGO_SETTINGS_MODULE=bench.settings); config/ is not touched."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "False")

from config.settings.production import *  # noqa: F403

# Loopback over HTTP: the cookies must travel without TLS.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# No collectstatic for a benchmark: plain static storage instead of the manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A trivial view for the baseline ("what does Django itself serve on this machine").
ROOT_URLCONF = "bench.urls"
# The load test logs in once; lockouts and the idle timeout must not end the run.
AXES_ENABLED = False
