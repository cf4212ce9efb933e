"""Pages with citizens' identities are never cached and every view of an identity is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import SecurityEvent
from voters.models import Letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(term):
    return Letter.objects.create(
        term=term,
        received_date=dt.date(2019, 5, 6),
        kind=Letter._meta.get_field("kind").choices[0][0],
        summary="Khiếu nại về bồi thường đất",
        sender_name="Nguyễn Văn Bí Mật",
        sender_phone="0912345678",
    )


@pytest.mark.parametrize(
    "name", ["voters:letter_list", "voters:letter_export", "voters:citizenreception_list"]
)
def test_personal_data_pages_are_not_cached(staff_client, name):
    response = staff_client.get(reverse(name))
    assert "no-store" in response["Cache-Control"]


def test_viewing_a_letter_with_identity_is_logged_for_staff(staff_client, staff_user, letter):
    staff_client.get(reverse("voters:letter_detail", args=[letter.pk]))
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW)
    assert event.user == staff_user
    assert event.path == reverse("voters:letter_detail", args=[letter.pk])


def test_every_view_of_an_identity_is_rendered_and_logged(staff_client, letter):
    for name, args in [("voters:letter_detail", [letter.pk]), ("voters:letter_list", [])]:
        for _ in range(2):
            assert (
                "Nguyễn Văn Bí Mật" in staff_client.get(reverse(name, args=args)).content.decode()
            )
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW).count() == 4


def test_leader_view_shows_no_identity_and_logs_none(leader_client, letter):
    response = leader_client.get(reverse("voters:letter_detail", args=[letter.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    # The letter's own page, its content shown, its sender not.
    assert "Khiếu nại về bồi thường đất" in page and "06/05/2019" in page
    assert "Nguyễn Văn Bí Mật" not in page and "0912345678" not in page
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW).exists()
