"""Who is told: the secretariat staff of a council, the members of a Ban. Reads logins through
their role groups and profiles (accounts), one query per council or Ban, kept for the scan."""

from __future__ import annotations

from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import Q

from core.roles import Role
from council.models import Council


class Recipients:
    """Memoised lookups for one scan: the same council's staff are read once however many of
    its items fall due."""

    def __init__(self) -> None:
        self._staff: dict[int, list[int]] = {}
        self._ban: dict[int, list[int]] = {}
        self._delegates: dict[int, list[int]] = {}

    @cached_property
    def province_id(self) -> int | None:
        # A login without a council in its profile works for the province (accounts.councils).
        return (
            Council.objects.filter(parent__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )

    def staff_of(self, council_id: int) -> list[int]:
        """The active secretariat staff (Chuyên viên Văn phòng) working for the council."""
        if council_id not in self._staff:
            of_council = Q(profile__council_id=council_id)
            if council_id == self.province_id:
                of_council |= Q(profile__council__isnull=True) | Q(profile__isnull=True)
            self._staff[council_id] = list(
                get_user_model()
                .objects.filter(of_council, is_active=True, groups__name=Role.STAFF.value)
                .order_by("pk")
                .values_list("pk", flat=True)
                .distinct()
            )
        return self._staff[council_id]

    def ban_members(self, committee_id: int | None) -> list[int]:
        """The active members (Thành viên Ban) of a Ban: those who follow its records."""
        if committee_id is None:
            return []
        if committee_id not in self._ban:
            self._ban[committee_id] = list(
                get_user_model()
                .objects.filter(
                    is_active=True,
                    groups__name=Role.COMMITTEE_MEMBER.value,
                    profile__committee_id=committee_id,
                )
                .order_by("pk")
                .values_list("pk", flat=True)
                .distinct()
            )
        return self._ban[committee_id]

    def delegates_of(self, term_id: int) -> list[int]:
        """The active logins of the term's delegates (the delegates' room)."""
        if term_id not in self._delegates:
            self._delegates[term_id] = list(
                get_user_model()
                .objects.filter(
                    is_active=True,
                    groups__name=Role.DELEGATE.value,
                    profile__delegate__term_id=term_id,
                )
                .order_by("pk")
                .values_list("pk", flat=True)
                .distinct()
            )
        return self._delegates[term_id]
