"""The partial index of the petitions awaiting forwarding (voters/0006) covers exactly the rows
selectors.petitions_awaiting_forwarding reads: its condition names the statuses as text, since
VoterPetition.AWAITING_FORWARDING is out of reach inside Meta."""

from __future__ import annotations

from django.db.models import Q

from voters.models import VoterPetition


def test_awaiting_index_condition_is_the_awaiting_statuses():
    index = next(i for i in VoterPetition._meta.indexes if i.name == "petition_awaiting_by_session")
    assert index.fields == ["session", "received_date", "id"]
    assert index.condition == Q(
        consolidated_into__isnull=True,
        status__in=[str(s) for s in VoterPetition.AWAITING_FORWARDING],
    )
