"""Numbers given once: a case's number in its council's year. The council's row is locked while
the next number is read and used, so two clerks saving at the same moment get two numbers (on
PostgreSQL; SQLite serialises writes anyway), and the unique constraint stands behind it.

A case's outgoing documents are numbered in the council's outgoing register (documents.services
.document_number_issue, under the series' lock): one register for every document the council
sends, so a hand-registered number and a case document's can never be the same."""

from __future__ import annotations

from django.db.models import Max

from council.models import Council
from voters.models import Case


def _lock_council(council_id: int) -> None:
    # select_for_update needs a transaction: every caller is a @transaction.atomic service.
    Council.objects.select_for_update().filter(pk=council_id).values_list("pk").first()


def case_next_seq(*, council_id: int, year: int) -> int:
    _lock_council(council_id)
    last = Case.objects.filter(council_id=council_id, year=year).aggregate(m=Max("seq"))["m"]
    return (last or 0) + 1
