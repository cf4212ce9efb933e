"""Each protection of the trust issue has a test that fails when the protection is removed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecurityEvent
from accounts.security import SESSION_SEEN_KEY, SESSION_STARTED_KEY
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _login(client, username: str, password: str, ip: str = "10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


# --- lockout ---------------------------------------------------------------------------------


def test_five_failures_lock_the_user_and_address_even_with_the_right_password(client, staff_user):
    for _ in range(5):
        _login(client, staff_user.username, "wrong-password-123")
    response = _login(client, staff_user.username, PASSWORD)
    assert response.status_code in (403, 429)
    assert "tạm thời bị khoá" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert SecurityEvent.objects.filter(
        kind=SecurityEvent.Kind.LOCKOUT, username=staff_user.username
    ).exists()


def test_lockout_is_per_address(client, staff_user):
    for _ in range(5):
        _login(client, staff_user.username, "wrong-password-123", ip="10.0.0.1")
    response = _login(client, staff_user.username, PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302


def test_failed_login_reply_does_not_reveal_whether_the_user_exists(client, staff_user):
    existing = _login(client, staff_user.username, "wrong-password-123").content.decode()
    missing = _login(client, "nobody-here", "wrong-password-123").content.decode()

    def strip(html: str) -> str:
        html = re.sub(r'name="csrf-token"\s+content="[^"]*"', "", html)
        return re.sub(r'name="(csrfmiddlewaretoken|username)" value="[^"]*"', "", html)

    assert strip(existing) == strip(missing)
    for _ in range(5):
        _login(client, "nobody-here", "wrong-password-123", ip="10.9.9.9")
    assert "tạm thời bị khoá" in _login(client, "nobody-here", "x", ip="10.9.9.9").content.decode()


# --- passwords -------------------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2_in_real_settings():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.parametrize("password", ["short-pw1", "password12345", "123456789012"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("hội-đồng-nhân-dân-2019-xyz")


# --- two-factor login ------------------------------------------------------------------------


def _token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def test_administrator_without_two_factor_is_sent_to_set_it_up(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("council:term_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("otp_setup"))
    assert client.get(reverse("admin:index")).url.startswith(reverse("otp_setup"))


def test_administrator_sets_up_and_then_passes_two_factor(client, admin_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = (
        0  # the wrong attempt below would otherwise delay the right one
    )
    from accounts.services import otp_enrolment_code_issue

    client.force_login(admin_user)
    # The password is not enough to register an authenticator: an enrolment code is.
    code = otp_enrolment_code_issue(user=admin_user)
    client.post(reverse("otp_setup"), {"code": code})
    client.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=admin_user)
    bad = client.post(
        reverse("otp_setup"), {"token": "000000" if _token(device) != "000000" else "111111"}
    )
    assert bad.status_code == 200
    response = client.post(reverse("otp_setup"), {"token": _token(device), "next": "/hoi-dong/"})
    assert response.status_code == 302
    assert client.get(reverse("council:term_list")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_user_with_a_device_must_verify_after_login(client, staff_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    client.force_login(staff_user)
    assert client.get(reverse("council:term_list")).url.startswith(reverse("otp_verify"))
    assert client.post(reverse("otp_verify"), {"token": "abc"}).status_code == 200
    client.post(reverse("otp_verify"), {"token": _token(device)})
    assert client.get(reverse("council:term_list")).status_code == 200


def test_staff_without_a_device_is_not_forced_to_two_factor(staff_client):
    assert staff_client.get(reverse("council:term_list")).status_code == 200


# --- sessions --------------------------------------------------------------------------------


def test_login_issues_a_new_session_key(client, staff_user):
    client.get(reverse("login"))
    session = client.session
    session["probe"] = 1
    session.save()
    before = session.session_key
    _login(client, staff_user.username, PASSWORD)
    assert client.session.session_key != before


def test_idle_session_is_logged_out(staff_client):
    session = staff_client.session
    session[SESSION_SEEN_KEY] = time.time() - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = staff_client.get(reverse("council:term_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in staff_client.session


def test_session_has_an_absolute_lifetime_even_when_active(staff_client):
    session = staff_client.session
    session[SESSION_STARTED_KEY] = time.time() - settings.SESSION_ABSOLUTE_LIFETIME - 5
    session[SESSION_SEEN_KEY] = time.time()
    session.save()
    response = staff_client.get(reverse("council:term_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_deactivated_user_loses_access_at_the_next_request(staff_client, staff_user):
    assert staff_client.get(reverse("council:term_list")).status_code == 200
    staff_user.is_active = False
    staff_user.save(update_fields=["is_active"])
    response = staff_client.get(reverse("council:term_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# --- headers ---------------------------------------------------------------------------------


def test_security_headers_are_sent(staff_client):
    response = staff_client.get(reverse("council:term_list"))
    csp = response["Content-Security-Policy"]
    assert "object-src 'none'" in csp
    assert "base-uri 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "unsafe-inline" not in script_src
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_has_an_inline_script():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", path.read_text()):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert offenders == []


def test_session_and_csrf_cookies_are_httponly():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "hdnd.example.vn",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- security log ----------------------------------------------------------------------------


def test_logins_and_failures_are_logged_without_passwords(client, staff_user):
    _login(client, staff_user.username, "wrong-password-123")
    _login(client, staff_user.username, PASSWORD)
    kinds = list(
        SecurityEvent.objects.filter(username=staff_user.username).values_list("kind", flat=True)
    )
    assert SecurityEvent.Kind.LOGIN_FAILED in kinds and SecurityEvent.Kind.LOGIN in kinds
    for event in SecurityEvent.objects.all():
        assert "wrong-password" not in f"{event.detail}{event.path}"
        assert PASSWORD not in f"{event.detail}{event.path}"
    assert SecurityEvent.objects.filter(ip_address="10.0.0.1").exists()


def test_forbidden_requests_are_logged(leader_client, leader_user, term):
    leader_client.get(reverse("council:term_update", args=[term.pk]))
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.FORBIDDEN)
    assert event.user == leader_user
    assert event.path == reverse("council:term_update", args=[term.pk])


def test_password_alone_cannot_register_a_new_authenticator_over_an_existing_one(
    client, staff_user
):
    TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    client.force_login(staff_user)
    response = client.get(reverse("otp_setup"))
    assert response.status_code == 302 and response.url.startswith(reverse("otp_verify"))
    assert TOTPDevice.objects.filter(user=staff_user).count() == 1


def test_a_forged_forwarded_for_header_does_not_change_the_logged_address(client, staff_user):
    client.post(
        reverse("login"),
        {"username": staff_user.username, "password": "wrong-password-123"},
        REMOTE_ADDR="10.1.1.1",
        HTTP_X_FORWARDED_FOR="1.2.3.4",
    )
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.LOGIN_FAILED)
    assert event.ip_address == "10.1.1.1"


def test_a_revoked_role_takes_effect_at_the_next_request(staff_client, staff_user, term):
    """Roles are read at every request (core.roles.user_roles), never kept in the session:
    removing someone from a group shuts the door at once."""
    from django.contrib.auth.models import Group

    url = reverse("council:term_create")
    assert staff_client.get(url).status_code == 200
    from core.roles import Role

    staff_user.groups.remove(Group.objects.get(name=Role.STAFF.value))
    assert staff_client.get(url).status_code in (302, 403)


def test_roles_are_read_in_one_query_a_request(db, django_assert_num_queries):
    """user_roles reads the names of the user's groups once and keeps them on the user object,
    which Django reads afresh at every request: every role is seen, no other group counts."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from accounts.services import user_create_with_role
    from core.roles import Role, user_roles

    user = user_create_with_role(username="hai-vai-tro", password="x-Hai-2026!", role=Role.STAFF)
    user.groups.add(Group.objects.get_or_create(name=Role.LEADER.value)[0])
    user.groups.add(Group.objects.create(name="Nhóm khác, không phải vai trò"))
    loaded = get_user_model().objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        assert user_roles(loaded) == {Role.STAFF, Role.LEADER}
        assert user_roles(loaded) == {Role.STAFF, Role.LEADER}  # the same request: kept
    nobody = get_user_model().objects.create_user(username="khong-vai-tro")
    assert user_roles(nobody) == frozenset()
    chief = get_user_model().objects.create_superuser(username="quan-tri", password="x-Qt-2026!")
    assert user_roles(chief) == {Role.ADMIN}
