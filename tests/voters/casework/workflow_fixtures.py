"""Fixtures of the case workflow tests (test_workflow*.py import them; not a conftest, which
the other casework tests would share): a current term, the legal time limits as these tests
state them (rows of their own, dated after any seeded rule, so the rule in force is this one)
and letters received through the real write function."""

from __future__ import annotations

__all__ = ["body", "current_term", "other_body", "receive", "rules"]

import datetime as dt

import pytest

from council.models import Organization, Term
from voters.casework import services
from voters.models import DeadlineRule, Letter

D = dt.date
RULES_FROM = D(2025, 1, 1)
RECEIVED = D(2026, 3, 2)  # a Monday


@pytest.fixture
def current_term(council) -> Term:
    return Term.objects.create(council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1))


@pytest.fixture
def rules(db) -> None:
    """Processing in 10 working days; a complaint accepted in 10 days then resolved in 30 (45
    when complex); a denunciation accepted in 7 working days (10 when verified) then resolved
    in 30 days, plus 30 per extension; a petition answered in 15 days."""
    rows = [
        ("letter_processing", 10, None, None, "working"),
        ("complaint_acceptance", 10, None, None, "calendar"),
        ("complaint_resolution", 30, 45, None, "calendar"),
        ("denunciation_acceptance", 7, 10, None, "working"),
        ("denunciation_resolution", 30, None, 30, "calendar"),
        ("petition_answer", 15, None, None, "calendar"),
    ]
    for event, days, complex_days, extension_days, unit in rows:
        DeadlineRule.objects.update_or_create(
            event=event,
            valid_from=RULES_FROM,
            defaults={
                "days": days,
                "complex_days": complex_days,
                "extension_days": extension_days,
                "unit": unit,
                "basis": "Quy định dùng trong bộ kiểm thử",
            },
        )


@pytest.fixture
def body(council) -> Organization:
    return Organization.objects.create(
        name="Ủy ban nhân dân tỉnh Thử Nghiệm", short_name="UBND tỉnh", council=council
    )


@pytest.fixture
def other_body(council) -> Organization:
    return Organization.objects.create(
        name="Sở Tài nguyên và Môi trường", short_name="Sở TN&MT", council=council
    )


@pytest.fixture
def receive(current_term, staff_user, rules):
    """A letter received into a new case, or into `case`."""

    def make(
        *,
        kind: str = Letter.Kind.COMPLAINT,
        received: dt.date = RECEIVED,
        summary: str = "Khiếu nại quyết định thu hồi đất làm đường tránh thành phố",
        sender_name: str = "Nguyễn Văn Bình",
        sender_address: str = "Thôn Nà Sèn, xã Thử",
        sender_id_number: str = "020190001234",
        case=None,
        user=None,
    ) -> Letter:
        letter = Letter(
            term=current_term,
            received_date=received,
            kind=kind,
            summary=summary,
            sender_name=sender_name,
            sender_address=sender_address,
            sender_id_number=sender_id_number,
        )
        return services.letter_intake(letter=letter, case=case, user=user or staff_user)

    return make
