"""The cache is an accelerator: when it is down, writes and the dashboard still work."""

import pytest
from django.urls import reverse

from council.models import Organization

pytestmark = pytest.mark.django_db


def test_writes_and_dashboard_survive_a_cache_outage(staff_client, settings, council):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    Organization.objects.create(name="Sở Thử nghiệm")
    assert staff_client.get(reverse("reports:dashboard")).status_code == 200
