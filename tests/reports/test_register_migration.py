"""The data migrations that put the invitations and case documents numbered before the outgoing
register into it (issue 22: reports 0009, voters 0019): a free number gets its entry, the same
document registered by hand is linked, a number the register gave to another document leaves the
record out ("chưa vào sổ", its printed reference kept), and no number is ever changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

D = dt.date
BEFORE = [
    ("reports", "0008_invitation_register_entry"),
    ("voters", "0018_casedocument_register_entry"),
]
AFTER = [
    ("reports", "0010_invitation_drop_own_number"),
    ("voters", "0020_casedocument_drop_own_number"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps():
    apps = _migrate(BEFORE)
    try:
        yield apps
    finally:
        _migrate(_leaves())


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_old_numbers_enter_the_register_without_ever_changing(old_apps):
    apps = old_apps
    Council = apps.get_model("council", "Council")
    Term = apps.get_model("council", "Term")
    Session = apps.get_model("council_sessions", "Session")
    Invitation = apps.get_model("reports", "Invitation")
    Organization = apps.get_model("council", "Organization")
    Case = apps.get_model("voters", "Case")
    CaseDocument = apps.get_model("voters", "CaseDocument")
    DocumentSeries = apps.get_model("documents", "DocumentSeries")
    OutgoingDocument = apps.get_model("documents", "OutgoingDocument")

    # A council made before the register: no series yet (the migration makes those it needs).
    council = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Cũ", short_name="HĐND tỉnh Cũ", place_name="Cũ"
    )
    assert not DocumentSeries.objects.filter(council=council).exists()
    term = Term.objects.create(council=council, ordinal=9, roman="IX", start_date=D(2016, 6, 1))
    session = Session.objects.create(
        term=term, number=9, kind="regular", start_date=D(2019, 12, 10),
        end_date=D(2019, 12, 12), venue="Hội trường",
    )  # fmt: skip
    common = {
        "council": council, "session": session, "meeting_date": D(2019, 12, 10),
        "meeting_time": dt.time(7, 30), "meeting_place": "Hội trường", "guests": "Bí thư",
        "signer_name": "Hoàng Văn Nghiệm", "recipients": "Như trên;\nLưu: VT.",
    }  # fmt: skip
    free = Invitation.objects.create(number=3, year=2019, date=D(2019, 12, 2), **common)
    same = Invitation.objects.create(number=4, year=2019, date=D(2019, 12, 3), **common)
    clash = Invitation.objects.create(number=5, year=2019, date=D(2019, 12, 4), **common)
    gm = DocumentSeries.objects.create(
        council=council, code="GM", name="Giấy mời", symbol="GM-HĐND"
    )
    hand = {"council": council, "series": gm, "year": 2019, "symbol": "GM-HĐND", "subject": "Mời"}
    by_hand_same = OutgoingDocument.objects.create(number=4, date=D(2019, 12, 3), **hand)
    by_hand_other = OutgoingDocument.objects.create(number=5, date=D(2019, 11, 30), **hand)

    body = Organization.objects.create(name="UBND tỉnh Cũ", council=council)
    case = Case.objects.create(council=council, year=2019, seq=1, title="Đất đai")
    slip = CaseDocument.objects.create(
        council=council, case=case, kind="forwarding", series="PC", year=2019, number=2,
        date=D(2019, 3, 1), recipient=body, subject="V/v chuyển đơn", body="…",
    )  # fmt: skip
    guidance = CaseDocument.objects.create(
        council=council, case=case, kind="guidance", series="CV", year=2019, number=1,
        date=D(2019, 3, 2), recipient=body, subject="V/v hướng dẫn công dân", body="…",
    )  # fmt: skip

    _migrate(AFTER)
    from documents.models import OutgoingDocument as Entry
    from reports.models import Invitation as NewInvitation
    from voters.models import CaseDocument as NewCaseDocument

    free, same, clash = (NewInvitation.objects.get(pk=i.pk) for i in (free, same, clash))
    # A free number: its own entry, with the number and date it was printed with.
    assert (free.reference, free.register_entry.date) == ("03/GM-HĐND", D(2019, 12, 2))
    assert free.register_entry.source == free
    # The clerk's hand entry of the same number and day is the invitation's.
    assert same.register_entry_id == by_hand_same.pk and same.register_entry.source == same
    # Another document of that number: the invitation keeps its printed number, out of the register.
    assert clash.register_entry is None and clash.reference == "5/GM-HĐND"
    assert Entry.objects.get(pk=by_hand_other.pk).source is None

    slip, guidance = (NewCaseDocument.objects.get(pk=d.pk) for d in (slip, guidance))
    assert slip.reference == "02/PC-HĐND" and slip.register_entry.source == slip
    assert guidance.reference == "01/HĐND-VP"
    # A guidance letter goes to the citizen, never named in the register.
    assert guidance.register_entry.recipients.startswith("Người gửi đơn")
    assert set(Entry.objects.filter(council_id=council.pk).values_list("series__code", flat=True)) == {
        "GM", "PC", "CV",
    }  # fmt: skip
    # The next numbers follow the highest given: none is given twice.
    from documents.selectors import document_next_number

    assert (
        document_next_number(series=Entry.objects.get(pk=by_hand_other.pk).series, year=2019) == 6
    )
