"""Indexes of the voters tables led by the term, that is by the council (issue 19). The
partial indexes of the petitions awaiting forwarding (voters/0006: by session, for the
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


@pytest.mark.parametrize(
    ("model", "name", "fields"),
    [
        # The new petition form's choice of meeting (a server-side cursor, planned for a fast
        # start, walked the country's meetings by date without it).
        ("votermeeting", "meeting_term_date", ["term", "date"]),
        # The voters' index page's count of overdue answers.
        ("voterpetition", "petition_forwarded_by_term", ["term", "batch"]),
    ],
)
def test_a_councils_rows_are_found_by_indexes_led_by_its_term(model, name, fields):
    """Indexes lead with the council (its term) where a page filters by it (issue 19)."""
    from django.apps import apps

    index = next(i for i in apps.get_model("voters", model)._meta.indexes if i.name == name)
    assert index.fields == fields
