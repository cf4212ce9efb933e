"""Stable identifiers in the style of Open Civic Data.

`ocd-<type>/hdnd-<council>-<record>-<pk>`, for instance `ocd-bill/hdnd-3-resolution-120`:
the type as OCD names it (organization, person, event, bill, vote), the council, the kind of
record and its primary key. Primary keys are never reused (PostgreSQL sequences; SQLite tables
are AUTOINCREMENT under Django), so an identifier, once published, names one record for good;
a record deleted leaves its identifier unused."""

from __future__ import annotations

# OCD's type of each kind of record.
OCD_TYPES = {
    "council": "organization",
    "committee": "organization",
    "delegate-group": "organization",
    "term": "term",
    "delegate": "person",
    "position": "membership",
    "session": "event",
    "oversight": "event",
    "resolution": "bill",
    "vote": "vote",
}


def ocd_id(record: str, *, council_id: int, pk: int) -> str:
    return f"ocd-{OCD_TYPES[record]}/hdnd-{council_id}-{record}-{pk}"
