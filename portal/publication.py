"""The councils' publication versions: read once per portal request, bumped after every commit
that changes a row the portal shows (portal.signals connects the models).

A bump is one conditional UPDATE (version + 1), so two commits at once both count and no read-
modify-write loses one; a council without a row yet gets one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone

from council.selectors import councils_public
from portal.models import PublicationVersion
from sessions.selectors import public_documents_next_publication

_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _micros(moment: dt.datetime) -> str:
    """The change's time in the tag: a version number alone repeats once a database is restored
    from a backup (or a test rolled back), and a cached page of the old rows would match it."""
    return f"{int(moment.timestamp() * 1_000_000):x}"


@dataclass(frozen=True)
class Stamp:
    """What a portal response is validated and cached by."""

    council_id: int | None
    tag: str  # the version as the ETag and the cache key carry it
    changed_at: dt.datetime


def _create_missing(council_ids: Iterable[int]) -> None:
    """Rows for councils that have none (created before the portal, or just now)."""
    ids = set(councils_public().filter(pk__in=set(council_ids)).values_list("pk", flat=True))
    have = set(
        PublicationVersion.objects.filter(council_id__in=ids).values_list("council_id", flat=True)
    )
    for council_id in ids - have:
        try:
            with transaction.atomic():
                PublicationVersion.objects.create(council_id=council_id)
        except IntegrityError:  # created meanwhile by another request: theirs counts
            pass


def publication_bump(
    *, council_ids: Iterable[int] = (), everywhere: bool = False, reschedule: bool = False
) -> None:
    """A new version of the councils' public pages (of every council with `everywhere`: a
    shared organisation is named on every council's pages). `reschedule`: read again when the
    next scheduled publication falls (after a session document changed)."""
    now = timezone.now()
    ids = set(council_ids)
    if everywhere:
        ids = set(councils_public().values_list("pk", flat=True))
    if not ids:
        return
    rows = PublicationVersion.objects.filter(council_id__in=ids)
    updated = rows.update(version=F("version") + 1, changed_at=now)
    if updated < len(ids):
        _create_missing(ids)
    if reschedule:
        for council in councils_public().filter(pk__in=ids):
            PublicationVersion.objects.filter(council=council).update(
                next_change_at=public_documents_next_publication(council=council, now=now)
            )


def publication_bump_on_commit(
    *, council_ids: Iterable[int] = (), everywhere: bool = False, reschedule: bool = False
) -> None:
    """publication_bump once the transaction commits: a request that reads the new version
    before the commit would cache the old rows under it."""
    ids = frozenset(council_ids)
    if not ids and not everywhere:
        return
    transaction.on_commit(
        lambda: publication_bump(council_ids=ids, everywhere=everywhere, reschedule=reschedule)
    )


def publication_stamp(*, council_id: int) -> Stamp | None:
    """The council's current version (one query), None when there is no such council. A
    scheduled publication that has fallen since the last bump makes a new version first."""
    row = (
        PublicationVersion.objects.filter(council_id=council_id)
        .values_list("version", "changed_at", "next_change_at")
        .first()
    )
    if row is None:
        if not councils_public().filter(pk=council_id).exists():
            return None
        _create_missing([council_id])
        return publication_stamp(council_id=council_id)
    version, changed_at, next_change_at = row
    now = timezone.now()
    if next_change_at is not None and next_change_at <= now:
        # Conditional on the time read, so of a crowd arriving after it one request bumps.
        council = councils_public().get(pk=council_id)
        PublicationVersion.objects.filter(
            council_id=council_id, next_change_at=next_change_at
        ).update(
            version=F("version") + 1,
            changed_at=next_change_at,
            next_change_at=public_documents_next_publication(council=council, now=now),
        )
        return publication_stamp(council_id=council_id)
    return Stamp(
        council_id=council_id,
        tag=f"{council_id}-{version}-{_micros(changed_at)}",
        changed_at=changed_at,
    )


def publication_stamp_all() -> Stamp:
    """The installation's pages (the list of councils): the sum of the councils' versions grows
    with any bump; the latest change is the last modification."""
    figures = PublicationVersion.objects.aggregate(
        total=Sum("version"), councils=Count("pk"), latest=Max("changed_at")
    )
    # Sum and count together: a council deleted lowers the sum, never both to an earlier pair.
    latest = figures["latest"] or _EPOCH
    tag = f"all-{figures['total'] or 0}-{figures['councils']}-{_micros(latest)}"
    return Stamp(council_id=None, tag=tag, changed_at=latest)


def communes_and(council_id: int) -> Q:
    """The council and its communes' councils (a province's organisation is theirs too)."""
    return Q(pk=council_id) | Q(parent_id=council_id)
