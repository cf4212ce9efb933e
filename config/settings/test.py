"""Test settings: whatever DATABASE_URL / CELERY_BROKER_URL say, with fast hashing."""

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests run tasks in-process unless a test starts a real worker (tests marked "worker" switch
# the Celery app to the real broker themselves), so a broker in the environment never leaves
# a task queued with nobody to run it.
CELERY_TASK_ALWAYS_EAGER = True
