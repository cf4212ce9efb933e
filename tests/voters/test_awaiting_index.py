"""The partial indexes of the petitions awaiting forwarding (voters/0006: by session, for the
forwarding letter's checklist; voters/0022: by term, for a council's list) cover exactly the rows
selectors.petitions_awaiting_forwarding reads: their condition names the statuses as text, since
VoterPetition.AWAITING_FORWARDING is out of reach inside Meta."""

from __future__ import annotations

import pytest
from django.db.models import Q

from voters.models import VoterPetition


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("petition_awaiting_by_session", ["session", "received_date", "id"]),
        ("petition_awaiting_by_term", ["term", "received_date", "id"]),
    ],
)
def test_awaiting_index_condition_is_the_awaiting_statuses(name, fields):
    index = next(i for i in VoterPetition._meta.indexes if i.name == name)
    assert index.fields == fields
    assert index.condition == Q(
        consolidated_into__isnull=True,
        status__in=[str(s) for s in VoterPetition.AWAITING_FORWARDING],
    )
