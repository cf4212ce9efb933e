"""Organisations carry validity dates, and the district level ends on 30/06/2025 (issue 19):
a district organisation cannot outlive it, and a petition received after it cannot be sent
to one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from council.models import Organization
from tests.helpers import post_form
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


def test_a_district_organisation_ends_with_the_district_level(staff_client):
    data = {"name": "Ủy ban nhân dân huyện Lộc Bình", "kind": "ubnd", "level": "district",
            "is_active": "on"}  # fmt: skip
    url = reverse("council:organization_create")
    response = post_form(staff_client, url, data)
    assert "Cấp huyện không còn từ ngày 01/07/2025" in response.content.decode()
    response = post_form(staff_client, url, data | {"valid_to": "31/12/2025"})
    assert "Cấp huyện không còn từ ngày 01/07/2025" in response.content.decode()
    assert not Organization.objects.exists()
    response = post_form(staff_client, url, data | {"valid_to": "30/06/2025"})
    assert response.status_code == 302
    org = Organization.objects.get()
    assert org.is_valid_on(dt.date(2025, 6, 30)) and not org.is_valid_on(dt.date(2025, 7, 1))


def test_a_petition_goes_to_an_organisation_in_operation_on_its_day(term):
    district = Organization.objects.create(
        name="Ủy ban nhân dân huyện Văn Lãng", kind="ubnd", level="district",
        valid_to=dt.date(2025, 6, 30),
    )  # fmt: skip
    petition = VoterPetition(
        term=term, received_date=dt.date(2019, 11, 20), content="Sửa đường", instances=1,
        responsible_org=district,
    )  # fmt: skip
    petition.clean()  # received while the district existed
    petition.received_date = dt.date(2025, 8, 1)
    with pytest.raises(ValidationError) as raised:
        petition.clean()
    assert raised.value.message_dict["responsible_org"] == [
        "«Ủy ban nhân dân huyện Văn Lãng» không còn hoạt động vào ngày 01/08/2025 (ngày tiếp nhận)."
    ]
