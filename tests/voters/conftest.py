"""Fixtures of the voters tests: built through the real write functions (voters.services)."""

from __future__ import annotations

import datetime as dt

import pytest

from council.models import AdministrativeUnit
from voters import services
from voters.models import PetitionField, VoterPetition

D = dt.date
RECEIVED = D(2019, 6, 20)
FORWARDED = D(2019, 8, 5)


@pytest.fixture
def session(term):
    from sessions.models import Session

    return Session.objects.create(
        term=term, number=12, kind="regular", start_date=D(2019, 7, 10), end_date=D(2019, 7, 12)
    )


@pytest.fixture
def commune(db) -> AdministrativeUnit:
    district = AdministrativeUnit.objects.create(
        name="Huyện Thử", level="district", unit_type="huyen", valid_to=D(2025, 6, 30)
    )
    return AdministrativeUnit.objects.create(
        name="Xã Thử", level="commune", unit_type="xa", parent=district, valid_to=D(2025, 6, 30)
    )


@pytest.fixture
def petition_field(db) -> PetitionField:
    return PetitionField.objects.create(name="Giao thông - xây dựng", order=1)


@pytest.fixture
def make_petition(term, staff_user):
    def make(*, instances: int = 1, received: dt.date = RECEIVED, **extra) -> VoterPetition:
        petition = VoterPetition(
            term=extra.pop("term", term),
            received_date=received,
            content=extra.pop("content", "Đề nghị sửa chữa đường liên xã"),
            instances=instances,
            **extra,
        )
        return services.petition_save(petition=petition, user=staff_user)

    return make


@pytest.fixture
def forward(term, organization, staff_user):
    """Forward petitions in one công văn dated `day`."""

    def do(petitions, *, day: dt.date = FORWARDED, number: str = "215/HĐND-VP"):
        return services.forwarding_batch_create(
            term=term,
            recipient=organization,
            number=number,
            date=day,
            petitions=petitions,
            user=staff_user,
        )

    return do


def answer(petition: VoterPetition, user, outcome: str | None = None) -> VoterPetition:
    return services.petition_answer(
        petition=petition,
        answer_number="1860/UBND-TH",
        answer_date=D(2019, 9, 20),
        outcome=outcome,
        user=user,
    )
