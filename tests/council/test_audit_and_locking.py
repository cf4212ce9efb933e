"""Audit trail and optimistic locking on the registry's edit forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from council.models import Organization
from tests.helpers import post_form

pytestmark = pytest.mark.django_db


def _form(org: Organization, **changes) -> dict:
    data = {
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "level": org.level,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_every_change_is_recorded_with_who_and_the_previous_value(
    staff_client, staff_user, organization
):
    post_form(
        staff_client,
        reverse("council:organization_update", args=[organization.pk]),
        _form(organization, short_name="UBND"),
    )
    latest = organization.history.first()
    assert latest.history_user == staff_user
    assert latest.history_type == "~"
    assert latest.prev_record.short_name == "UBND tỉnh"
    page = staff_client.get(
        reverse("council:organization_detail", args=[organization.pk])
    ).content.decode()
    assert "Lịch sử thay đổi" in page and "UBND tỉnh → UBND" in page


def test_deletions_are_recorded(staff_client, organization):
    pk = organization.pk
    staff_client.post(reverse("council:organization_delete", args=[pk]))
    assert not Organization.objects.filter(pk=pk).exists()
    assert Organization.history.filter(id=pk, history_type="-").exists()


def test_leaders_do_not_see_the_audit_trail(leader_client, organization):
    response = leader_client.get(reverse("council:organization_detail", args=[organization.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert organization.name in page  # the organisation's own page ...
    assert "Lịch sử thay đổi" not in page  # ... without its history


def test_second_of_two_concurrent_edits_is_refused_with_the_current_values(
    client, staff_user, organization, django_user_model
):
    from accounts.services import user_create_with_role
    from core.roles import Role

    other = user_create_with_role(
        username="nguoikhac", password="x-long-password-1", role=Role.STAFF, full_name="Người Khác"
    )
    url = reverse("council:organization_update", args=[organization.pk])
    client.force_login(staff_user)
    token = client.get(url).context["form"].initial["version_token"]

    from django.test import Client

    second = Client()
    second.force_login(other)
    second_token = second.get(url).context["form"].initial["version_token"]
    assert (
        second.post(
            url,
            {**_form(organization, short_name="Bản của người khác"), "version_token": second_token},
        ).status_code
        == 302
    )

    response = client.post(
        url, {**_form(organization, short_name="Bản của tôi"), "version_token": token}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "CHƯA được lưu" in page and "Bản của người khác" in page and "Người Khác" in page
    organization.refresh_from_db()
    assert organization.short_name == "Bản của người khác"

    # Saving again, knowingly, after seeing the current values, goes through.
    fresh = response.context["form"]["version_token"].value()
    assert (
        client.post(
            url, {**_form(organization, short_name="Bản của tôi"), "version_token": fresh}
        ).status_code
        == 302
    )
    organization.refresh_from_db()
    assert organization.short_name == "Bản của tôi"


def test_the_audit_trail_shows_labels_not_codes(staff_client, organization):
    url = reverse("council:organization_update", args=[organization.pk])
    post_form(staff_client, url, _form(organization, kind="court", is_active=""))
    response = staff_client.get(reverse("council:organization_detail", args=[organization.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ủy ban nhân dân → Tòa án nhân dân" in page
    assert "Có → Không" in page
    assert "ubnd → court" not in page
