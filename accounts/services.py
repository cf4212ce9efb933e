from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import OTPEnrolmentCode, SecurityEvent, UserProfile
from accounts.security import security_event_record
from core.roles import Role
from council.models import Committee, Council


@transaction.atomic
def user_create_with_role(
    *,
    username: str,
    password: str,
    role: Role,
    full_name: str = "",
    email: str = "",
    committee: Committee | None = None,
    council: Council | None = None,
) -> Any:
    """Create (or update) a login with exactly one role, of `council` (else its Ban's council,
    else the province: accounts.councils.user_council); administrators also reach the admin."""
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(username=username)
    first, _sep, last = full_name.rpartition(" ")
    user.first_name, user.last_name = (first, last) if first else ("", full_name)
    user.email = email
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    user.is_active = True
    user.set_password(password)
    user.save()
    # get_or_create: the groups come from a data migration, but a flushed database (transactional
    # tests, a restore gone wrong) must not make user creation fail.
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    if council is None and committee is not None:
        council = committee.term.council
    UserProfile.objects.update_or_create(
        user=user, defaults={"committee": committee, "council": council}
    )
    return user


# 32 symbols without 0/O and 1/I, which are misread when a code is read out or copied by hand.
ENROLMENT_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


ENROLMENT_CODE_LENGTH = 16  # 80 random bits


def _enrolment_code_hash(code: str) -> str:
    """SHA-256 of the code without its dashes and spaces, in capitals. A slow password hash
    would add nothing: 80 random bits that live a day are beyond any offline search."""
    normalized = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalized.encode()).hexdigest()


@transaction.atomic
def otp_enrolment_code_issue(
    *, user: Any, issued_by: Any = None, request: HttpRequest | None = None
) -> str:
    """A new one-time code that lets `user` register an authenticator app, valid for
    OTP_ENROLMENT_CODE_HOURS. Returned in clear this once (only its hash is stored); any code
    issued to the user before and not yet used is revoked (the security log keeps the issue)."""
    now = timezone.now()
    OTPEnrolmentCode.objects.filter(user=user, used_at=None).delete()
    raw = "".join(secrets.choice(ENROLMENT_CODE_ALPHABET) for _ in range(ENROLMENT_CODE_LENGTH))
    OTPEnrolmentCode.objects.create(
        user=user,
        issued_by=issued_by,
        code_hash=_enrolment_code_hash(raw),
        expires_at=now + timedelta(hours=settings.OTP_ENROLMENT_CODE_HOURS),
    )
    issuer = issued_by.get_username() if issued_by is not None else "manage.py"
    security_event_record(
        kind=SecurityEvent.Kind.OTP_ENROLMENT_ISSUED,
        request=request,
        user=user,
        detail=f"issued by {issuer}",
    )
    return "-".join(raw[i : i + 4] for i in range(0, ENROLMENT_CODE_LENGTH, 4))


def otp_enrolment_code_redeem(*, user: Any, code: str) -> bool:
    """Use up `user`'s enrolment code: true once for a code issued to them and not expired."""
    now = timezone.now()
    # One conditional UPDATE: of two requests with the same code only one changes the row.
    return bool(
        OTPEnrolmentCode.objects.filter(
            user=user,
            code_hash=_enrolment_code_hash(code),
            used_at=None,
            expires_at__gt=now,
        ).update(used_at=now)
    )


@transaction.atomic
def otp_device_start(*, user: Any) -> TOTPDevice:
    """A fresh, unconfirmed authenticator for `user` whose secret may now be shown. The
    unconfirmed ones from earlier visits go: a secret someone saw before is never confirmed."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=False)
