"""Clerks numbering in one series at the same moment, each on their own connection: the row
lock on the series makes them take turns, so each gets its own number and the numbers run on
without a gap (PostgreSQL; SQLite serialises writes and has no such race to test)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from council.models import Council
from documents.models import DocumentSeries, OutgoingDocument
from documents.services import document_number_issue

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CLERKS = 8


def test_simultaneous_requests_get_distinct_consecutive_numbers(monkeypatch):
    council = Council.objects.create(
        name="HĐND tỉnh Đồng Thời",
        short_name="HĐND",
        place_name="Đồng Thời",
        header_name="HĐND",
        secretariat_name="VP",
    )
    already = document_number_issue(
        council=council,
        series_code="CV",
        date=dt.date(2019, 5, 2),
        subject="Công văn trước",
        signer_name="",
        signer_title="",
        recipients="",
        user=None,
    )
    # Every clerk reads the highest number only once all of them are inside the service, each
    # in its own transaction: without the lock they would all read 1 and all propose 2.
    barrier = threading.Barrier(CLERKS, timeout=30)
    real_lock = DocumentSeries.objects.select_for_update

    def select_for_update_after_all_arrived(*args, **kwargs):
        barrier.wait()
        return real_lock(*args, **kwargs)

    monkeypatch.setattr(
        DocumentSeries.objects, "select_for_update", select_for_update_after_all_arrived
    )
    numbers: list[int] = []
    errors: list[BaseException] = []

    def clerk(i: int) -> None:
        try:
            document = document_number_issue(
                council=council,
                series_code="CV",
                date=dt.date(2019, 5, 3),
                subject=f"Công văn số {i}",
                signer_name="",
                signer_title="",
                recipients="",
                user=None,
            )
            numbers.append(document.number)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk, args=(i,)) for i in range(CLERKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert errors == []
    assert sorted(numbers) == list(range(already.number + 1, already.number + 1 + CLERKS))
    stored = OutgoingDocument.objects.filter(council=council, year=2019).values_list(
        "number", flat=True
    )
    assert sorted(stored) == list(range(1, CLERKS + 2))


def test_simultaneous_requests_through_the_page_get_distinct_numbers():
    """The same through the web form, as clerks pressing «Cấp số» at once."""
    from django.test import Client
    from django.urls import reverse

    from accounts.services import user_create_with_role
    from core.roles import Role
    from tests.helpers import guard_fields

    council = Council.objects.create(
        name="HĐND tỉnh Trang Đồng Thời",
        short_name="HĐND",
        place_name="Đồng Thời",
        header_name="HĐND",
        secretariat_name="VP",
    )
    series = DocumentSeries.objects.get(council=council, code="TB")
    url = reverse("documents:outgoingdocument_create")
    clients = []
    for i in range(4):
        user = user_create_with_role(
            username=f"vanthu{i}", password="x-long-password-1", role=Role.STAFF, council=council
        )
        client = Client()
        client.force_login(user)
        clients.append((client, guard_fields(client.get(url).content.decode())))
    barrier = threading.Barrier(len(clients), timeout=30)
    codes: list[int] = []

    def press(client, guards, i) -> None:
        try:
            barrier.wait()
            response = client.post(
                url,
                {**guards, "series": series.pk, "date": "10/06/2019", "subject": f"Thông báo {i}"},
            )
            codes.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(c, g, i)) for i, (c, g) in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert codes == [302] * len(clients)
    numbers = sorted(
        OutgoingDocument.objects.filter(series=series).values_list("number", flat=True)
    )
    assert numbers == [1, 2, 3, 4]
