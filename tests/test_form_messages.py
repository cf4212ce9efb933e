"""What a form says when it refuses: a form-wide error once, a date that does not exist named
as such (not the format it already has)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.helpers import post_form
from voters.forms import PetitionAnswerForm

pytestmark = pytest.mark.django_db


def _term_data(council, **changes) -> dict:
    return {
        "council": council.pk,
        "ordinal": 10,
        "roman": "X",
        "start_date": "01/07/2021",
        "end_date": "",
        **changes,
    }


def test_a_form_wide_error_shows_once(staff_client, council):
    # The end before the start breaks the term's check constraint: an error of the whole form.
    response = post_form(
        staff_client,
        reverse("council:term_create"),
        _term_data(council, end_date="01/01/2021"),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Ngày kết thúc phải sau ngày bắt đầu."]
    assert response.content.decode().count("Ngày kết thúc phải sau ngày bắt đầu.") == 1


def test_a_date_that_does_not_exist_is_told_so(staff_client, council):
    response = post_form(
        staff_client, reverse("council:term_create"), _term_data(council, start_date="31/02/2020")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == ["Ngày không tồn tại."]
    assert "Ngày không tồn tại." in response.content.decode()
    assert "Nhập ngày theo dạng dd/mm/yyyy." not in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2020", "Ngày không tồn tại."),
        ("29/02/2019", "Ngày không tồn tại."),
        ("31-04-2020", "Ngày không tồn tại."),
        ("2020-13-01", "Ngày không tồn tại."),
        ("32/1/2020", "Ngày không tồn tại."),
        ("31.12.2020", "Nhập ngày theo dạng dd/mm/yyyy."),
        ("hôm qua", "Nhập ngày theo dạng dd/mm/yyyy."),
        ("12/2020", "Nhập ngày theo dạng dd/mm/yyyy."),
    ],
)
def test_every_date_box_tells_a_missing_day_from_a_wrong_format(typed, message):
    form = PetitionAnswerForm({"answer_number": "1/UBND", "answer_date": typed})
    assert not form.is_valid()
    assert form.errors["answer_date"] == [message]
    assert PetitionAnswerForm({"answer_number": "1/UBND", "answer_date": "29/02/2020"}).is_valid()
