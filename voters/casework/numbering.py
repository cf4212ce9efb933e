"""Numbers given once: a case's number in its council's year, an outgoing document's number in
its series. The council's row is locked while the next number is read and used, so two clerks
saving at the same moment get two numbers (on PostgreSQL; SQLite serialises writes anyway), and
the unique constraints stand behind it."""

from __future__ import annotations

from django.db.models import Max

from council.models import Council
from voters.models import Case, CaseDocument


def _lock_council(council_id: int) -> None:
    # select_for_update needs a transaction: every caller is a @transaction.atomic service.
    Council.objects.select_for_update().filter(pk=council_id).values_list("pk").first()


def case_next_seq(*, council_id: int, year: int) -> int:
    _lock_council(council_id)
    last = Case.objects.filter(council_id=council_id, year=year).aggregate(m=Max("seq"))["m"]
    return (last or 0) + 1


def document_next_number(*, council_id: int, series: str, year: int) -> int:
    _lock_council(council_id)
    last = CaseDocument.objects.filter(council_id=council_id, series=series, year=year).aggregate(
        m=Max("number")
    )["m"]
    return (last or 0) + 1
