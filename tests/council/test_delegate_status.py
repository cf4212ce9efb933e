"""A delegate of a term that has ended is not "Đang là đại biểu": on the detail page, in the
list, in the admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from council.models import Delegate, Term

pytestmark = pytest.mark.django_db

SITTING = "Đang là đại biểu"
ENDED = "Đã hết nhiệm kỳ"


@pytest.fixture
def current_term(council) -> Term:
    return Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )


def test_a_delegate_of_an_ended_term_is_not_shown_as_sitting(staff_client, term, current_term):
    assert term.has_ended and not current_term.has_ended
    old = Delegate.objects.create(term=term, full_name="Bế Văn Cũ", birth_year=1960)
    left = Delegate.objects.create(
        term=term, full_name="Bế Văn Thôi", birth_year=1961, status=Delegate.Status.RESIGNED
    )
    sitting = Delegate.objects.create(term=current_term, full_name="Bế Văn Mới", birth_year=1970)

    assert old.get_status_display() == ENDED
    assert left.get_status_display() == "Thôi làm nhiệm vụ"
    assert sitting.get_status_display() == SITTING

    detail = staff_client.get(reverse("council:delegate_detail", args=[old.pk])).content.decode()
    assert ENDED in detail and SITTING not in detail
    detail = staff_client.get(
        reverse("council:delegate_detail", args=[sitting.pk])
    ).content.decode()
    assert SITTING in detail

    listed = staff_client.get(reverse("council:delegate_list") + f"?term={term.pk}")
    rows = [row for row in listed.context["table"].rows]
    assert {row.record.full_name: row.get_cell("status") for row in rows} == {
        "Bế Văn Cũ": ENDED,
        "Bế Văn Thôi": "Thôi làm nhiệm vụ",
    }


def test_a_term_without_an_end_date_or_ending_later_has_not_ended(council):
    running = Term(council=council, ordinal=11, roman="XI", start_date=dt.date(2026, 6, 1))
    assert not running.has_ended
    running.end_date = dt.date(2999, 1, 1)
    assert not running.has_ended
    running.end_date = dt.date(2020, 1, 1)
    assert running.has_ended
