"""Who may have which private calendar feed, in one place: the page «Lịch của tôi» offers the
feeds these allow, and a feed whose owner no longer may have it answers 404 (a role taken away
closes its feed at the next fetch, without revoking the key by hand)."""

from __future__ import annotations

from typing import Any

from core import roles


def may_have_internal_feed(user: Any) -> bool:
    """The internal calendar (Thường trực meetings, oversight, recommendation deadlines,
    unpublished reception slots) is what every secretariat role reads in the app already
    (core.roles.can_view_records); it holds no citizen's personal data, so committee members
    and leaders have it as staff do."""
    return roles.can_view_records(user)


def may_have_delegate_feed(user: Any) -> bool:
    """A delegate's own calendar: a login tied to its Delegate record."""
    return roles.is_delegate(user)
