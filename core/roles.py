"""The roles and every permission question the apps ask. Views call these; templates only hide
buttons for convenience, the server decides.

Four roles work in the secretariat's app; the fifth, the council's delegate (issue 20), works
only in the delegates' room (/dai-bieu/): a delegate's login opens none of the secretariat's
pages, so citizens' personal data stays out of its reach by construction."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Role(StrEnum):
    ADMIN = "Quản trị"
    STAFF = "Chuyên viên Văn phòng"
    LEADER = "Lãnh đạo"
    COMMITTEE_MEMBER = "Thành viên Ban"
    DELEGATE = "Đại biểu HĐND"


# The roles that work in the secretariat's app (every page outside /dai-bieu/).
SECRETARIAT_ROLES = frozenset({Role.ADMIN, Role.STAFF, Role.LEADER, Role.COMMITTEE_MEMBER})


# The roles `manage.py create_role_user --role` makes.
ROLE_SLUGS: dict[str, Role] = {
    "admin": Role.ADMIN,
    "staff": Role.STAFF,
    "leader": Role.LEADER,
    "committee": Role.COMMITTEE_MEMBER,
}  # not the delegate: a delegate's login is tied to their Delegate record (delegates' room)


def user_roles(user: Any) -> frozenset[Role]:
    """The user's roles: one query for their groups, kept on the user object for the request
    (the user is read afresh at every request, so a revoked role counts at the next one)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_hdnd_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        roles = {role for role in Role if role.value in names}
        if user.is_superuser:
            roles.add(Role.ADMIN)
        cached = user._hdnd_roles = frozenset(roles)
    return cached


def is_admin(user: Any) -> bool:
    return Role.ADMIN in user_roles(user)


def can_view_records(user: Any) -> bool:
    """Every secretariat role reads everything (personal data of citizens aside, see
    can_view_personal_data); a delegate reads only the delegates' room."""
    return bool(user_roles(user) & SECRETARIAT_ROLES)


def is_delegate(user: Any) -> bool:
    """A delegate's login: the delegates' room, and only their own council's published
    documents and their own registrations, notes and record."""
    return Role.DELEGATE in user_roles(user) and user_delegate(user) is not None


def user_delegate(user: Any) -> Any:
    """The Delegate record a delegate's login belongs to (None for every other login)."""
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return profile.delegate if profile is not None else None


def can_edit_records(user: Any) -> bool:
    """Secretariat staff and administrators create and edit all records."""
    return bool(user_roles(user) & {Role.ADMIN, Role.STAFF})


def can_view_personal_data(user: Any) -> bool:
    """Citizens' names, addresses, phones and ID numbers: staff and administrators only."""
    return can_edit_records(user)


def can_generate_reports(user: Any) -> bool:
    return bool(user_roles(user) & {Role.ADMIN, Role.STAFF, Role.LEADER})


def user_committee(user: Any) -> Any:
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return profile.committee if profile is not None else None


def can_edit_committee_record(user: Any, committee_id: int | None) -> bool:
    """Oversight records: staff edit all; a committee member edits only their own Ban's."""
    if can_edit_records(user):
        return True
    if Role.COMMITTEE_MEMBER not in user_roles(user) or committee_id is None:
        return False
    committee = user_committee(user)
    return committee is not None and committee.pk == committee_id
