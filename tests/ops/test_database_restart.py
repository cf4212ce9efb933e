"""PostgreSQL restarted under the running app: the next requests succeed without restarting it,
because persistent connections are health-checked before use (CONN_HEALTH_CHECKS)."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.pg_cluster, pytest.mark.django_db(transaction=True)]


def _restart_postgres() -> None:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
    )
    for _ in range(60):
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0:
            return
        time.sleep(0.5)
    raise RuntimeError("PostgreSQL did not come back")


def _get(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_app_keeps_serving_after_postgresql_restarts(live_server, client, staff_user, term):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    client.force_login(staff_user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    url = f"{live_server.url}/hoi-dong/nhiem-ky/"
    assert _get(url, cookie) == 200

    _restart_postgres()
    connection.close()  # this test process's own connection died with the server too

    assert _get(url, cookie) == 200
    assert _get(url, cookie) == 200
