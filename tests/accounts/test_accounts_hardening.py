"""Issue 15, hardening of accounts: two-factor enrolment needs more than the password,
create_role_user checks passwords, the proxy count is set and checked, the security log cannot
be grown without bound and is readable (only) in the admin, and nothing the app relies on is
lost when the cache evicts it."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import OTPEnrolmentCode, SecurityEvent
from accounts.security import (
    SESSION_STARTED_KEY,
    ForwardedForCheckMiddleware,
    security_event_record,
)
from accounts.services import otp_enrolment_code_issue, user_create_with_role
from core.roles import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"\b[A-Z2-9]{4}(?:-[A-Z2-9]{4}){3}\b")
STRONG_PASSWORD = "hội-đồng-nhân-dân-2019-xyz"


def _login(client, username: str, password: str = PASSWORD):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.1"
    )


def _token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def _shows_a_secret(response) -> bool:
    content = response.content.decode()
    return "<svg" in content or "Khoá bí mật" in content


# --- 1. two-factor enrolment needs an enrolment code -------------------------------------------


def test_password_alone_does_not_show_the_authenticator_secret(client, admin_user):
    _login(client, admin_user.username)
    response = client.get(reverse("otp_setup"))
    assert response.status_code == 200
    assert not _shows_a_secret(response)
    assert "Mã đăng ký" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=admin_user).exists()


def test_a_wrong_enrolment_code_shows_no_secret_and_is_logged(client, admin_user):
    _login(client, admin_user.username)
    response = client.post(reverse("otp_setup"), {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 200
    assert not _shows_a_secret(response)
    assert "Mã đăng ký không đúng" in response.content.decode()
    assert SecurityEvent.objects.filter(
        kind=SecurityEvent.Kind.OTP_FAILED, user=admin_user, detail="enrolment code"
    ).exists()


def test_new_administrator_enrols_with_the_code_printed_by_create_role_user(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    out = StringIO()
    call_command(
        "create_role_user", "quantri-moi", role="admin", password=STRONG_PASSWORD, stdout=out
    )
    code = CODE.search(out.getvalue())
    assert code, out.getvalue()

    _login(client, "quantri-moi", STRONG_PASSWORD)
    assert client.get(reverse("council:term_list")).url.startswith(reverse("otp_setup"))
    response = client.post(reverse("otp_setup"), {"code": code.group(0).lower(), "next": "/"})
    assert response.status_code == 302 and response.url.startswith(reverse("otp_setup"))
    page = client.get(response.url)
    assert _shows_a_secret(page)
    device = TOTPDevice.objects.get(user__username="quantri-moi")
    response = client.post(reverse("otp_setup"), {"token": _token(device), "next": "/hoi-dong/"})
    assert response.status_code == 302 and response.url == "/hoi-dong/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_enrolment_code_works_once_and_only_in_the_session_that_gave_it(client, admin_user):
    code = otp_enrolment_code_issue(user=admin_user)
    _login(client, admin_user.username)
    assert client.post(reverse("otp_setup"), {"code": code}).status_code == 302
    assert _shows_a_secret(client.get(reverse("otp_setup")))

    # Someone else with the password, in another browser: no secret, and the code is spent.
    thief = Client()
    _login(thief, admin_user.username)
    assert not _shows_a_secret(thief.get(reverse("otp_setup")))
    response = thief.post(reverse("otp_setup"), {"code": code})
    assert response.status_code == 200 and not _shows_a_secret(response)


def test_an_expired_enrolment_code_is_refused(client, admin_user, settings):
    code = otp_enrolment_code_issue(user=admin_user)
    OTPEnrolmentCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    _login(client, admin_user.username)
    response = client.post(reverse("otp_setup"), {"code": code})
    assert response.status_code == 200 and not _shows_a_secret(response)


def test_enrolment_codes_expire_after_the_configured_hours(admin_user, settings):
    settings.OTP_ENROLMENT_CODE_HOURS = 2
    otp_enrolment_code_issue(user=admin_user)
    row = OTPEnrolmentCode.objects.get()
    assert abs(row.expires_at - row.created_at - timedelta(hours=2)) < timedelta(seconds=5)


def test_a_code_issued_to_someone_else_does_not_work(client, admin_user, staff_user):
    code = otp_enrolment_code_issue(user=staff_user)
    _login(client, admin_user.username)
    assert client.post(reverse("otp_setup"), {"code": code}).status_code == 200
    assert not TOTPDevice.objects.filter(user=admin_user).exists()


def test_a_new_code_voids_the_unused_older_one(client, admin_user):
    older = otp_enrolment_code_issue(user=admin_user)
    newer = otp_enrolment_code_issue(user=admin_user)
    _login(client, admin_user.username)
    assert client.post(reverse("otp_setup"), {"code": older}).status_code == 200
    assert client.post(reverse("otp_setup"), {"code": newer}).status_code == 302


def test_enrolment_codes_are_stored_only_as_hashes(admin_user):
    code = otp_enrolment_code_issue(user=admin_user)
    row = OTPEnrolmentCode.objects.get()
    stored = " ".join(str(value) for value in vars(row).values())
    assert code not in stored and code.replace("-", "") not in stored
    assert row.code_hash == hashlib.sha256(code.replace("-", "").encode()).hexdigest()


def test_a_secret_seen_before_the_code_is_never_the_one_confirmed(client, admin_user):
    """An unconfirmed device left from the old flow (its secret shown to whoever came first)
    is replaced when the code is given."""
    old = TOTPDevice.objects.create(user=admin_user, name="cũ", confirmed=False)
    code = otp_enrolment_code_issue(user=admin_user)
    _login(client, admin_user.username)
    client.post(reverse("otp_setup"), {"code": code})
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert TOTPDevice.objects.filter(user=admin_user, confirmed=False).count() == 1


def test_another_administrator_issues_a_code_in_the_admin(admin_client_, admin_user, staff_user):
    response = admin_client_.post(
        reverse("admin:auth_user_changelist"),
        {"action": "issue_otp_enrolment_codes", "_selected_action": [staff_user.pk]},
    )
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    code = CODE.search(response.content.decode())
    assert code
    row = OTPEnrolmentCode.objects.get(user=staff_user)
    assert row.issued_by == admin_user and row.used_at is None
    assert SecurityEvent.objects.filter(
        kind=SecurityEvent.Kind.OTP_ENROLMENT_ISSUED, user=staff_user
    ).exists()


def test_staff_cannot_issue_enrolment_codes(staff_client, admin_user):
    response = staff_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "issue_otp_enrolment_codes", "_selected_action": [admin_user.pk]},
    )
    assert response.status_code == 302
    assert not OTPEnrolmentCode.objects.exists()


def test_a_verified_user_adds_an_authenticator_without_a_code(admin_client_):
    assert _shows_a_secret(admin_client_.get(reverse("otp_setup")))


# --- 2. create_role_user checks the password like the web forms --------------------------------


def test_create_role_user_refuses_a_weak_password_in_vietnamese():
    with pytest.raises(CommandError) as excinfo:
        call_command("create_role_user", "yeu", role="staff", password="123", stdout=StringIO())
    message = str(excinfo.value)
    assert "Mật khẩu này quá ngắn" in message
    assert "Mật khẩu này hoàn toàn là số" in message
    assert "too short" not in message
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="yeu").exists()


def test_create_role_user_refuses_a_password_like_the_user_name():
    with pytest.raises(CommandError, match="quá giống"):
        call_command(
            "create_role_user",
            "nguyenvanbinh",
            role="leader",
            password="nguyenvanbinh1",
            stdout=StringIO(),
        )


def test_create_role_user_accepts_a_strong_password_and_prints_no_code_for_staff():
    out = StringIO()
    call_command(
        "create_role_user", "chuyenvien2", role="staff", password=STRONG_PASSWORD, stdout=out
    )
    assert "Đã tạo tài khoản chuyenvien2" in out.getvalue()
    assert not CODE.search(out.getvalue())


# --- 3. reverse proxy ----------------------------------------------------------------------------


@pytest.fixture
def fresh_proxy_warning(monkeypatch):
    monkeypatch.setattr(ForwardedForCheckMiddleware, "warned", False)


def _proxy_warnings(caplog) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING and "TRUSTED_PROXY_COUNT" in r.getMessage()
    ]


def test_forwarded_for_with_no_trusted_proxy_is_warned_once(
    client, caplog, settings, fresh_proxy_warning
):
    settings.TRUSTED_PROXY_COUNT = 0
    with caplog.at_level(logging.WARNING, logger="accounts.security"):
        client.get(reverse("login"), HTTP_X_FORWARDED_FOR="203.0.113.7")
        client.get(reverse("login"), HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert len(_proxy_warnings(caplog)) == 1


def test_no_proxy_warning_when_the_count_is_set_or_the_header_absent(
    client, caplog, settings, fresh_proxy_warning
):
    with caplog.at_level(logging.WARNING, logger="accounts.security"):
        settings.TRUSTED_PROXY_COUNT = 0
        client.get(reverse("login"))
        settings.TRUSTED_PROXY_COUNT = 1
        client.get(reverse("login"), HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert _proxy_warnings(caplog) == []


def _compose_service(name: str) -> str:
    text = (ROOT / "docker-compose.yml").read_text()
    match = re.search(rf"^  {name}:\n(.*?)(?=^  \S|^\S|\Z)", text, re.M | re.S)
    assert match, name
    return match.group(1)


def test_docker_compose_trusts_the_one_proxy_in_front_of_the_web_service():
    web = _compose_service("web")
    assert re.search(r"TRUSTED_PROXY_COUNT: \$\{TRUSTED_PROXY_COUNT:-1\}", web)
    # With the count at 1, nobody but the host's proxy may reach gunicorn, or a client would
    # write its own X-Forwarded-For.
    assert '"127.0.0.1:8000:8000"' in web
    # Compose reads .env for ${...}: a copied .env.example must not turn the count back to 0.
    env_example = (ROOT / ".env.example").read_text()
    assert not re.search(r"^TRUSTED_PROXY_COUNT=", env_example, re.M)


# --- 4. the security log is rate-limited -------------------------------------------------------


def test_a_hundred_forbidden_urls_make_a_bounded_number_of_rows(leader_client, leader_user, term):
    url = reverse("council:term_update", args=[term.pk])
    for i in range(100):
        assert leader_client.get(f"{url}?probe={i}").status_code == 403
        if i == 50:
            cache.clear()  # the limit does not live in the cache
    rows = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.FORBIDDEN, user=leader_user)
    assert rows.count() <= 10
    assert sum(rows.values_list("repeats", flat=True)) + rows.count() == 100


def test_one_users_flood_does_not_silence_another_user_or_another_kind(leader_user, staff_user):
    for _ in range(30):
        security_event_record(kind=SecurityEvent.Kind.FORBIDDEN, user=leader_user)
    security_event_record(kind=SecurityEvent.Kind.FORBIDDEN, user=staff_user)
    security_event_record(kind=SecurityEvent.Kind.LOGOUT, user=leader_user)
    assert SecurityEvent.objects.filter(user=staff_user).count() == 1
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOGOUT).count() == 1


def test_anonymous_failures_are_limited_per_user_name_and_address(db, settings):
    settings.SECURITY_LOG_RATE_LIMIT = 3
    for _ in range(5):
        security_event_record(kind=SecurityEvent.Kind.LOGIN_FAILED, username="a")
    security_event_record(kind=SecurityEvent.Kind.LOGIN_FAILED, username="b")
    assert SecurityEvent.objects.filter(username="a").count() == 3
    assert SecurityEvent.objects.filter(username="b").count() == 1


def test_events_are_recorded_again_once_the_window_has_passed(leader_user, settings):
    settings.SECURITY_LOG_RATE_LIMIT = 2
    for _ in range(3):
        security_event_record(kind=SecurityEvent.Kind.FORBIDDEN, user=leader_user)
    assert SecurityEvent.objects.count() == 2
    SecurityEvent.objects.update(at=timezone.now() - timedelta(seconds=61))
    security_event_record(kind=SecurityEvent.Kind.FORBIDDEN, user=leader_user)
    assert SecurityEvent.objects.count() == 3


# --- 5. nothing the app relies on is lost with the cache ----------------------------------------


def test_a_logged_in_user_stays_logged_in_when_the_cache_is_emptied(client, staff_user):
    """Sessions are kept in the database (Django's db session engine): an evicted or flushed
    cache costs nothing."""
    _login(client, staff_user.username)
    assert client.get(reverse("council:term_list")).status_code == 200
    started = client.session[SESSION_STARTED_KEY]
    assert Session.objects.filter(session_key=client.session.session_key).exists()
    cache.clear()
    assert client.get(reverse("council:term_list")).status_code == 200
    assert client.session[SESSION_STARTED_KEY] == started


def test_lockouts_do_not_live_in_the_cache(settings):
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"


# --- 6. the security log in the admin -----------------------------------------------------------


def test_administrators_read_the_security_log_in_the_admin(admin_client_):
    security_event_record(kind=SecurityEvent.Kind.LOGIN_FAILED, username="ke-la-mat")
    url = reverse("admin:accounts_securityevent_changelist")
    response = admin_client_.get(url)
    assert response.status_code == 200
    assert "ke-la-mat" in response.content.decode()
    filtered = admin_client_.get(url, {"kind__exact": "login_failed", "q": "ke-la"})
    assert filtered.status_code == 200 and "ke-la-mat" in filtered.content.decode()


def test_the_security_log_is_read_only_in_the_admin(admin_client_):
    security_event_record(kind=SecurityEvent.Kind.LOGIN_FAILED, username="ke-la-mat")
    event = SecurityEvent.objects.get(username="ke-la-mat")
    assert admin_client_.get(reverse("admin:accounts_securityevent_add")).status_code == 403
    change_url = reverse("admin:accounts_securityevent_change", args=[event.pk])
    assert admin_client_.get(change_url).status_code == 200  # view only
    assert admin_client_.post(change_url, {"username": "x"}).status_code == 403
    delete_url = reverse("admin:accounts_securityevent_delete", args=[event.pk])
    assert admin_client_.post(delete_url, {"post": "yes"}).status_code == 403
    assert SecurityEvent.objects.filter(pk=event.pk, username="ke-la-mat").exists()


@pytest.mark.parametrize("role", [Role.STAFF, Role.LEADER, Role.COMMITTEE_MEMBER])
def test_non_administrators_cannot_read_the_security_log(client, role, committee):
    user = user_create_with_role(
        username="khong-phai-quan-tri",
        password=PASSWORD,
        role=role,
        committee=committee if role == Role.COMMITTEE_MEMBER else None,
    )
    client.force_login(user)
    response = client.get(reverse("admin:accounts_securityevent_changelist"))
    assert response.status_code == 302 and "/login/" in response.url
