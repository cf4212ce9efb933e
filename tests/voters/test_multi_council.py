"""One installation may hold several councils: the voters lists show the current council only."""

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.exports import XLSX_TYPE
from core.services import record_save
from council.models import AdministrativeUnit, Council, Term
from voters import services
from voters.models import CitizenReception, Letter, VoterMeeting, VoterPetition

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
    response = staff_client.get(reverse("voters:voterpetition_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kiến nghị của tỉnh hiện tại" in page
    assert "Kiến nghị của tỉnh khác" not in page


@pytest.fixture
def other_term(council) -> Term:
    """A term of a second council, created after the current one (the first council is the
    current one: council.selectors.province_council)."""
    other = Council.objects.create(
        name="HĐND tỉnh Khác",
        short_name="Khác",
        place_name="Khác",
        header_name="X",
        secretariat_name="VP",
    )
    return Term.objects.create(council=other, ordinal=1, roman="I", start_date=dt.date(2016, 1, 1))


def _exported(client, url: str) -> list[tuple]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_TYPE
    return list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_awaiting_page_exports_only_petitions_awaiting_forwarding(
    staff_client, staff_user, make_petition, forward, other_term
):
    waiting = make_petition(content="Chờ chuyển")
    forward([make_petition(content="Đã chuyển đi")])
    services.petition_save(
        petition=VoterPetition(
            term=other_term, received_date=dt.date(2019, 5, 1), content="Chờ chuyển của tỉnh khác"
        ),
        user=staff_user,
    )
    page = staff_client.get(reverse("voters:petition_awaiting"))
    assert page.status_code == 200
    assert "view=awaiting" in page.context["export_url"]
    rows = _exported(staff_client, page.context["export_url"])
    assert rows[0][:3] == ("#", "Ngày tiếp nhận", "Nội dung")
    # Only this council's petition that still waits: not the forwarded one, not the other
    # council's, and as many as the page counts.
    assert [row[:3] for row in rows[1:]] == [(waiting.pk, dt.datetime(2019, 6, 20), "Chờ chuyển")]
    assert page.context["table"].paginator.count == 1


@pytest.mark.parametrize(
    "list_name, column",
    [
        ("voters:voterpetition_list", 2),
        ("voters:votermeeting_list", 4),
        ("voters:letter_list", 2),
        ("voters:citizenreception_list", 2),
    ],
)
def test_exports_hold_the_current_councils_rows_only(
    staff_client, staff_user, term, other_term, list_name, column
):
    """Each export carries one record of the current council, never the other council's twin
    (`column` holds the text that tells them apart)."""
    for t in (term, other_term):
        text = "Của tỉnh hiện tại" if t == term else "Của tỉnh khác"
        day = dt.date(2019, 5, 10)
        if list_name == "voters:voterpetition_list":
            services.petition_save(
                petition=VoterPetition(term=t, received_date=day, content=text), user=staff_user
            )
        elif list_name == "voters:votermeeting_list":
            unit = AdministrativeUnit.objects.create(name=text, level="commune", unit_type="xa")
            meeting = VoterMeeting(
                term=t, timing=VoterMeeting.Timing.AD_HOC, date=day, location_unit=unit, venue=text
            )
            record_save(instance=meeting, user=staff_user)
        elif list_name == "voters:letter_list":
            services.letter_save(
                letter=Letter(term=t, received_date=day, kind=Letter.Kind.COMPLAINT, summary=text),
                user=staff_user,
            )
        else:
            record_save(instance=CitizenReception(term=t, date=day, host=text), user=staff_user)
    page = staff_client.get(reverse(list_name))
    assert page.status_code == 200
    assert page.context["table"].paginator.count == 1
    rows = _exported(staff_client, page.context["export_url"])
    assert [row[column] for row in rows[1:]] == ["Của tỉnh hiện tại"]
