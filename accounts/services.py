from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountLink, OTPEnrolmentCode, SecurityEvent, UserProfile
from accounts.security import security_event_record
from core.roles import Role
from core.text import fold
from council.models import Committee, Council, Delegate, Term


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


# --- Delegates' accounts (issue 20) -------------------------------------------------------------


def _account_link_hash(token: str) -> str:
    """SHA-256 of the link's token: 256 random bits need no slow hash."""
    return hashlib.sha256(token.strip().encode()).hexdigest()


@transaction.atomic
def account_link_issue(*, user: Any, issued_by: Any = None) -> str:
    """A new one-time link token for `user` to set their password, valid for
    ACCOUNT_LINK_DAYS; returned in clear this once. Earlier unused links of the user stop
    working: only the latest one handed out is live."""
    AccountLink.objects.filter(user=user, used_at=None).delete()
    token = secrets.token_urlsafe(32)
    AccountLink.objects.create(
        user=user,
        issued_by=issued_by,
        token_hash=_account_link_hash(token),
        expires_at=timezone.now() + timedelta(days=settings.ACCOUNT_LINK_DAYS),
    )
    return token


def account_link_user(*, token: str) -> Any:
    """The user a live link (not used, not expired) belongs to; None otherwise."""
    link = (
        AccountLink.objects.filter(
            token_hash=_account_link_hash(token), used_at=None, expires_at__gt=timezone.now()
        )
        .select_related("user")
        .first()
    )
    return link.user if link is not None and link.user.is_active else None


@transaction.atomic
def account_link_redeem(*, token: str, password: str) -> Any:
    """Set the password of the link's user and use the link up; None if the link is not live.
    One conditional UPDATE claims the link, so of two submissions of the same link only one
    sets a password."""
    user = account_link_user(token=token)
    if user is None:
        return None
    claimed = AccountLink.objects.filter(
        token_hash=_account_link_hash(token), used_at=None, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now())
    if not claimed:
        return None
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def _free_username(full_name: str) -> str:
    """ "Nguyễn Văn An" -> "nguyenvanan", then "nguyenvanan2", ... until unused."""
    base = "".join(ch for ch in fold(full_name) if ch.isalnum()) or "daibieu"
    base = base[:140]
    taken = set(
        get_user_model()
        .objects.filter(username__startswith=base)
        .values_list("username", flat=True)
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


@dataclass(frozen=True)
class DelegateAccount:
    """A delegate's login as the enrolment page lists it; `token` only right after issuing."""

    delegate: Delegate
    user: Any
    token: str = ""


@transaction.atomic
def delegate_account_create(
    *, delegate: Delegate, issued_by: Any = None, username: str = ""
) -> DelegateAccount:
    """The delegate's login (made if missing: the delegate role, their council, no usable
    password; named `username`, else after the delegate) and a fresh one-time link to set its
    password."""
    profile = UserProfile.objects.filter(delegate=delegate).select_related("user").first()
    if profile is not None:
        user = profile.user
    else:
        user = get_user_model()(username=username or _free_username(delegate.full_name))
        first, _sep, last = delegate.full_name.rpartition(" ")
        user.first_name, user.last_name = (first, last) if first else ("", delegate.full_name)
        user.set_unusable_password()
        user.save()
        group, _ = Group.objects.get_or_create(name=Role.DELEGATE.value)
        user.groups.set([group])
        UserProfile.objects.create(user=user, council=delegate.term.council, delegate=delegate)
    token = account_link_issue(user=user, issued_by=issued_by)
    return DelegateAccount(delegate=delegate, user=user, token=token)


@transaction.atomic
def delegate_accounts_create(*, term: Term, issued_by: Any = None) -> list[DelegateAccount]:
    """Logins for every serving delegate of the term who has none yet, each with its link
    (one step for a whole term). Delegates who already have a login are left alone: a new link
    for one of them is delegate_account_create."""
    with_login = UserProfile.objects.filter(delegate__term=term).values("delegate")
    delegates = (
        Delegate.objects.filter(term=term, status=Delegate.Status.ACTIVE)
        .exclude(pk__in=with_login)
        .select_related("term__council")
        .order_by("full_name", "pk")
    )
    return [delegate_account_create(delegate=d, issued_by=issued_by) for d in delegates]
