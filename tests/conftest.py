"""Shared fixtures: one user per role, a minimal council built through the real write paths."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.conf import settings

from council.models import Committee, Council, Organization, Term
from council.roles import Role
from council.services import user_create_with_role

PASSWORD = "test-password-2019"


def _db_vendor() -> str:
    return "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


def pytest_report_header(config) -> list[str]:
    broker = settings.CELERY_BROKER_URL or "none (tasks run in-process)"
    return [
        f"database backend: {_db_vendor()} ({settings.DATABASES['default']['NAME']})",
        f"celery broker: {broker}",
    ]


def pytest_collection_modifyitems(config, items) -> None:
    """Service-bound tests skip on a laptop without the service, but in CI they must run."""
    in_ci = bool(os.environ.get("CI"))
    has_broker = bool(settings.CELERY_BROKER_URL)
    for item in items:
        needs_pg = item.get_closest_marker("postgres") is not None
        needs_broker = item.get_closest_marker("redis") or item.get_closest_marker("worker")
        if needs_pg and _db_vendor() != "postgresql":
            if in_ci:
                raise pytest.UsageError(
                    "CI is set but DATABASE_URL is not PostgreSQL: postgres tests cannot skip."
                )
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))
        if needs_broker and not has_broker:
            if in_ci:
                raise pytest.UsageError(
                    "CI is set but CELERY_BROKER_URL is empty: redis/worker tests cannot skip."
                )
            item.add_marker(pytest.mark.skip(reason="needs Redis (set CELERY_BROKER_URL)"))


@pytest.fixture
def no_page_cache(settings):
    """Pages render every time (query-count tests count the rendering)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached figures must not leak from one test's (rolled back) data into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
