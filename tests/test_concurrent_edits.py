"""Two people save the same record at the same moment (PostgreSQL, two real transactions):
one save wins, the other is told and changes nothing."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from council.models import Organization
from tests.helpers import form_values

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

STALE = "nên thay đổi của bạn CHƯA được lưu"


def _save_together(clients: list[Client], url: str, data: list[dict[str, Any]]) -> list[Any]:
    """POST each client's data at once: a barrier lets the requests go together."""
    barrier = threading.Barrier(len(clients))
    responses: list[Any] = [None] * len(clients)
    errors: list[BaseException] = []

    def submit(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            responses[index] = clients[index].post(url, data[index])
        except BaseException as exc:  # reported in the test's thread
            errors.append(exc)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return responses


def test_of_two_simultaneous_saves_one_wins_and_the_other_is_told(staff_user):
    organization = Organization.objects.create(
        name="Sở Tài chính tỉnh Thử Nghiệm", short_name="STC", kind="department", level="province"
    )
    url = reverse("council:organization_update", args=[organization.pk])
    clients = [Client(), Client()]
    clients[0].force_login(staff_user)
    clients[1].force_login(staff_user)
    # Both open the form before either saves: both hold the same version.
    forms = [form_values(client.get(url).content.decode()) for client in clients]
    assert forms[0]["version_token"] == forms[1]["version_token"]
    names = ["Sở Tài chính (sửa bởi A)", "Sở Tài chính (sửa bởi B)"]
    data = [{**form, "name": name} for form, name in zip(forms, names, strict=True)]

    responses = _save_together(clients, url, data)

    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 302], codes
    winner = next(i for i, r in enumerate(responses) if r.status_code == 302)
    loser = 1 - winner
    organization.refresh_from_db()
    assert organization.name == names[winner]
    told = responses[loser].content.decode()
    assert STALE in told
    assert names[winner] in told  # the value now stored is shown to the one who lost
