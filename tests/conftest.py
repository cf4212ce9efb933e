"""Shared fixtures: one user per role, a minimal council built through the real write paths."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from accounts.services import user_create_with_role
from core.roles import Role
from council.models import Committee, Council, Organization, Term

PASSWORD = "test-password-2019"


def _db_vendor() -> str:
    return "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


def pytest_report_header(config) -> list[str]:
    broker = settings.CELERY_BROKER_URL or "none (tasks run in-process)"
    return [
        f"database backend: {_db_vendor()} ({settings.DATABASES['default']['NAME']})",
        f"celery broker: {broker}",
    ]


def _tool_missing(marker: str) -> str | None:
    """Why a test marked `marker` cannot run on this machine, or None when it can."""
    if marker == "chromium":
        chromium = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
        return None if chromium.exists() else f"needs Chromium at {chromium}"
    if marker == "pg_dump":
        found = shutil.which("pg_dump") and shutil.which("pg_restore")
        return None if found else "needs pg_dump and pg_restore"
    if marker == "pg_cluster":
        found = shutil.which("pg_ctlcluster") and Path("/etc/postgresql").exists()
        return None if found else "needs a local PostgreSQL cluster this test may restart"
    return None


def pytest_collection_modifyitems(config, items) -> None:
    """Service-bound tests skip on a laptop without the service, but in CI they must run: with
    CI set, a test that would skip for want of a service or tool stops the whole run."""
    in_ci = bool(os.environ.get("CI"))
    has_broker = bool(settings.CELERY_BROKER_URL)
    missing: set[str] = set()
    for item in items:
        reasons = []
        if item.get_closest_marker("postgres") and _db_vendor() != "postgresql":
            reasons.append("needs PostgreSQL (set DATABASE_URL)")
        if (item.get_closest_marker("redis") or item.get_closest_marker("worker")) and not (
            has_broker
        ):
            reasons.append("needs Redis (set CELERY_BROKER_URL)")
        for marker in ("chromium", "pg_dump", "pg_cluster"):
            if item.get_closest_marker(marker) and (reason := _tool_missing(marker)):
                reasons.append(reason)
        if reasons:
            missing.update(reasons)
            item.add_marker(pytest.mark.skip(reason="; ".join(reasons)))
    if in_ci and missing:
        raise pytest.UsageError(
            "CI is set but some tests would skip: " + "; ".join(sorted(missing))
        )


@pytest.fixture
def council(db) -> Council:
    return Council.objects.create(
        name="Hội đồng nhân dân tỉnh Thử Nghiệm",
        short_name="HĐND tỉnh Thử Nghiệm",
        place_name="Thử Nghiệm",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH THỬ NGHIỆM",
        secretariat_name="Văn phòng HĐND tỉnh Thử Nghiệm",
    )


@pytest.fixture
def term(council) -> Term:
    return Term.objects.create(
        council=council,
        ordinal=9,
        roman="IX",
        start_date=dt.date(2016, 6, 1),
        end_date=dt.date(2021, 5, 31),
    )


@pytest.fixture
def committee(term) -> Committee:
    return Committee.objects.create(
        term=term, code="kinh_te_ngan_sach", name="Ban Kinh tế - Ngân sách", order=2
    )


@pytest.fixture
def other_committee(term) -> Committee:
    return Committee.objects.create(term=term, code="phap_che", name="Ban Pháp chế", order=1)


@pytest.fixture
def organization(db) -> Organization:
    return Organization.objects.create(
        name="Ủy ban nhân dân tỉnh Thử Nghiệm", short_name="UBND tỉnh", kind="ubnd"
    )


def _make_user(username: str, role: Role, committee: Committee | None = None):
    return user_create_with_role(
        username=username, password=PASSWORD, role=role, committee=committee
    )


@pytest.fixture
def admin_user(db):
    return _make_user("quantri", Role.ADMIN)


@pytest.fixture
def staff_user(db):
    return _make_user("chuyenvien", Role.STAFF)


@pytest.fixture
def leader_user(db):
    return _make_user("lanhdao", Role.LEADER)


@pytest.fixture
def committee_user(committee):
    return _make_user("thanhvienban", Role.COMMITTEE_MEMBER, committee=committee)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def leader_client(client, leader_user):
    client.force_login(leader_user)
    return client


@pytest.fixture
def committee_client(client, committee_user):
    client.force_login(committee_user)
    return client


def otp_verify_session(client, user) -> None:
    """Administrators must pass two-factor login: give the test client a verified session."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    otp_verify_session(client, admin_user)
    return client
