"""Reads of the open-data API: its tokens, and the petition figures as rows (the other data it
serves is read straight from the other apps' public selectors)."""

from __future__ import annotations

from typing import Any

from council.models import Council
from opendata.models import ApiToken, key_hash
from sessions.selectors import sessions_public
from voters.selectors import petition_summary_by_session


def api_token_for_key(*, key: str) -> ApiToken | None:
    """The active token of this key, or None (unknown or revoked)."""
    if not key:
        return None
    return ApiToken.objects.filter(key_hash=key_hash(key), revoked_at__isnull=True).first()


def petition_figures(
    *, council: Council, term: int | None, year: int | None
) -> list[dict[str, Any]]:
    """The figures of petition_summary_by_session as rows, each with its session's year."""
    rows = petition_summary_by_session(council=council, term=term)
    years = {
        s.pk: s.start_date.year
        for s in sessions_public(council=council).filter(
            pk__in=[r.session_id for r in rows if r.session_id]
        )
    }
    figures = [
        {
            "session": row.session_id,
            "label": row.label,
            "year": years.get(row.session_id),
            "petitions": row.petitions,
            "instances": row.instances,
            "awaiting": row.awaiting,
            "forwarded": row.forwarded,
            "answered": row.answered,
            "resolved": row.resolved,
            "answered_rate": row.answered_rate,
            "resolved_rate": row.resolved_rate,
        }
        for row in rows
    ]
    return [f for f in figures if year is None or f["year"] == year]
