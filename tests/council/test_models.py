from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from council.models import Committee, Term

pytestmark = pytest.mark.django_db


def test_term_ordinal_is_unique_per_council(term):
    with pytest.raises(IntegrityError), transaction.atomic():
        Term.objects.create(
            council=term.council, ordinal=term.ordinal, roman="X", start_date=dt.date(2021, 6, 1)
        )


def test_same_ordinal_is_allowed_in_another_council(term, db):
    from council.models import Council

    other = Council.objects.create(
        name="HĐND tỉnh Khác",
        short_name="Khác",
        place_name="Khác",
        header_name="X",
        secretariat_name="VP",
    )
    Term.objects.create(
        council=other, ordinal=term.ordinal, roman=term.roman, start_date=term.start_date
    )


def test_term_end_must_be_after_start(council):
    term = Term(
        council=council,
        ordinal=1,
        roman="I",
        start_date=dt.date(2020, 1, 1),
        end_date=dt.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        term.full_clean()
    assert "Ngày kết thúc phải sau ngày bắt đầu." in str(exc.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        term.save()


def test_committee_code_is_unique_per_term(committee):
    with pytest.raises(IntegrityError), transaction.atomic():
        Committee.objects.create(term=committee.term, code=committee.code, name="Ban trùng")


def test_term_label_uses_the_stored_roman_ordinal(term):
    assert str(term) == "Khóa IX (2016–2021)"
