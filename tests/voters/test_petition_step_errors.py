"""The answer and outcome forms on a petition's page post to a workflow step that answers with
messages above the page: each message names the box it is about."""

from __future__ import annotations

import pytest
from django.urls import reverse

from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


def test_errors_of_the_answer_form_name_their_field(staff_client, make_petition, forward):
    petition = make_petition()
    forward([petition])
    response = staff_client.post(
        reverse("voters:voterpetition_action", args=[petition.pk, "answer"]),
        {"answer_number": "", "answer_date": "31/02/2020"},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert "Số văn bản trả lời: Trường này là bắt buộc." in shown
    assert "Ngày trả lời: Ngày không tồn tại." in shown
    petition.refresh_from_db()
    assert petition.status == VoterPetition.Status.FORWARDED


def test_errors_of_the_outcome_form_name_their_field(staff_client, make_petition, forward):
    petition = make_petition()
    forward([petition])
    response = staff_client.post(
        reverse("voters:voterpetition_action", args=[petition.pk, "outcome"]),
        {"outcome": "nonsense"},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert len(shown) == 1
    assert shown[0].startswith("Kết quả giải quyết: ")
