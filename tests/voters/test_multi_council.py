"""One installation may hold several councils: the voters lists show the current council only."""

import datetime as dt

import pytest
from django.urls import reverse

from council.models import Council, Term
from voters import services
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


def test_petitions_of_another_council_are_not_listed(
    staff_client, staff_user, make_petition, council
):
    make_petition(content="Kiến nghị của tỉnh hiện tại")
    other = Council.objects.create(
        name="HĐND tỉnh Khác",
        short_name="Khác",
        place_name="Khác",
        header_name="X",
        secretariat_name="VP",
    )
    other_term = Term.objects.create(
        council=other, ordinal=1, roman="I", start_date=dt.date(2016, 1, 1)
    )
    services.petition_save(
        petition=VoterPetition(
            term=other_term, received_date=dt.date(2019, 5, 1), content="Kiến nghị của tỉnh khác"
        ),
        user=staff_user,
    )
    page = staff_client.get(reverse("voters:voterpetition_list")).content.decode()
    assert "Kiến nghị của tỉnh hiện tại" in page
    assert "Kiến nghị của tỉnh khác" not in page


def test_the_awaiting_page_exports_only_petitions_awaiting_forwarding(staff_client, make_petition):
    make_petition(content="Chờ chuyển")
    page = staff_client.get(reverse("voters:petition_awaiting"))
    assert "view=awaiting" in page.context["export_url"]
