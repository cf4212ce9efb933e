"""A create form saves once: two submissions of the same page (a double click, two requests at
once, a POST sent again from the browser's history) make one record, and the second request
is sent to it. A POST without the page's one-time token saves nothing (core.idempotency)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from core.idempotency import FORM_TOKEN_FIELD, form_submissions_purge
from core.models import FormSubmission
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save
from sessions.models import Session
from tests.helpers import form_values, guard_fields
from voters.models import CitizenReception, Letter, VoterPetition


@dataclass(frozen=True)
class RecordKind:
    """One kind of record the annual figures count, and how its create form is filled in."""

    model: type[Model]
    url: Callable[[dict[str, Any]], str]
    data: Callable[[dict[str, Any]], dict[str, Any]]


KINDS = {
    "letter": RecordKind(
        Letter,
        lambda ctx: reverse("voters:letter_create"),
        lambda ctx: {
            "term": ctx["term"].pk,
            "received_date": "05/03/2019",
            "kind": "complaint",
            "channel": "post",
            "summary": "Khiếu nại về bồi thường đất",
            "eligible": "on",
            "handling": "forwarded",
        },
    ),
    "petition": RecordKind(
        VoterPetition,
        lambda ctx: reverse("voters:voterpetition_create"),
        lambda ctx: {
            "term": ctx["term"].pk,
            "received_date": "05/03/2019",
            "content": "Đề nghị sửa chữa đường liên xã",
            "instances": 1,
            "level": "province",
        },
    ),
    "recommendation": RecordKind(
        OversightRecommendation,
        lambda ctx: reverse("oversight:recommendation_create", args=[ctx["activity"].pk]),
        lambda ctx: {
            "content": "Rà soát các dự án chậm tiến độ",
            "addressee": ctx["organization"].pk,
            "deadline": "31/12/2019",
            "status": "not_started",
        },
    ),
    "reception": RecordKind(
        CitizenReception,
        lambda ctx: reverse("voters:citizenreception_create"),
        lambda ctx: {
            "term": ctx["term"].pk,
            "date": "15/03/2019",
            "host": "Chủ tịch HĐND tỉnh",
            "kind": "regular",
            "persons": 3,
            "cases": 2,
            "group_cases": 0,
        },
    ),
}


@pytest.fixture
def ctx(term, organization) -> dict[str, Any]:
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic="Giám sát việc quản lý, sử dụng đất đai",
            start_date=dt.date(2019, 5, 6),
        )
    )
    return {"term": term, "organization": organization, "activity": activity}


def _opened(client: Client, url: str) -> dict[str, str]:
    """The guard fields of the form page as one browser tab opened it."""
    page = client.get(url)
    assert page.status_code == 200, url
    return guard_fields(page.content.decode())


# --- one request after another (any database) ---------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_same_form_sent_twice_saves_one_record(staff_client, ctx, name):
    kind = KINDS[name]
    url = kind.url(ctx)
    data = {**kind.data(ctx), **_opened(staff_client, url)}

    first = staff_client.post(url, data)
    assert first.status_code == 302, first.context["form"].errors if first.context else first
    again = staff_client.post(url, data, follow=True)

    assert kind.model.objects.count() == 1
    record = kind.model.objects.get()
    assert again.redirect_chain[-1][0] == record.get_absolute_url() == first.url
    assert "Biểu mẫu này đã được gửi" in again.content.decode()
    # Reloading the page the user landed on saves nothing either.
    assert staff_client.get(first.url).status_code == 200
    assert kind.model.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_create_form_without_its_token_saves_nothing(staff_client, ctx, name):
    kind = KINDS[name]
    url = kind.url(ctx)
    response = staff_client.post(url, kind.data(ctx))
    assert response.status_code == 200
    assert "không có mã gửi" in response.content.decode()
    assert not kind.model.objects.exists()
    # The form shown again carries a fresh token: saving again, knowingly, saves once.
    again = staff_client.post(url, {**kind.data(ctx), **guard_fields(response.content.decode())})
    assert again.status_code == 302
    assert kind.model.objects.count() == 1


@pytest.mark.django_db
def test_two_tabs_of_the_same_form_save_two_records(staff_client, ctx):
    """Each rendering of a create form has its own token (the page is not cached)."""
    kind = KINDS["letter"]
    url = kind.url(ctx)
    first_tab, second_tab = _opened(staff_client, url), _opened(staff_client, url)
    assert first_tab != second_tab
    assert staff_client.post(url, {**kind.data(ctx), **first_tab}).status_code == 302
    assert staff_client.post(url, {**kind.data(ctx), **second_tab}).status_code == 302
    assert Letter.objects.count() == 2


@pytest.mark.django_db
def test_a_repeat_whose_values_now_clash_goes_to_the_saved_record(staff_client, term):
    """A session's number is unique in its term: the repeat fails validation, yet the user is
    sent to the session the first submission saved rather than told the number is taken."""
    url = reverse("sessions:session_create")
    data = {
        "term": term.pk,
        "number": 13,
        "kind": "thematic",
        "start_date": "20/08/2019",
        "end_date": "20/08/2019",
        "format": "in_person",
        "status": "closed",
        **_opened(staff_client, url),
    }
    assert staff_client.post(url, data).status_code == 302
    again = staff_client.post(url, data)
    assert again.status_code == 302 and again.url == Session.objects.get().get_absolute_url()


@pytest.mark.django_db
def test_a_repeat_after_the_record_was_deleted_says_so_and_saves_nothing(staff_client, ctx):
    kind = KINDS["reception"]
    url = kind.url(ctx)
    data = {**kind.data(ctx), **_opened(staff_client, url)}
    assert staff_client.post(url, data).status_code == 302
    CitizenReception.objects.all().delete()
    again = staff_client.post(url, data)
    assert again.status_code == 200
    assert "Biểu mẫu này đã được gửi" in again.content.decode()
    assert not CitizenReception.objects.exists()
    assert form_values(again.content.decode())[FORM_TOKEN_FIELD] != data[FORM_TOKEN_FIELD]


@pytest.mark.django_db
def test_forwarding_letter_form_saves_once(staff_client, term, organization, staff_user):
    from voters.models import ForwardingBatch
    from voters.services import petition_save

    petition = petition_save(
        petition=VoterPetition(
            term=term, received_date=dt.date(2019, 3, 5), content="Đường liên xã", instances=1
        ),
        user=staff_user,
    )
    url = reverse("voters:forwardingbatch_create")
    data = {
        "term": term.pk,
        "recipient": organization.pk,
        "number": "215/HĐND-VP",
        "date": "05/08/2019",
        "petitions": [petition.pk],
        **_opened(staff_client, url),
    }
    first = staff_client.post(url, data)
    assert first.status_code == 302
    # The petition is no longer awaiting forwarding, so the repeat does not validate: it is
    # still sent to the letter the first submission saved.
    again = staff_client.post(url, data)
    assert again.status_code == 302 and again.url == first.url
    assert ForwardingBatch.objects.count() == 1


@pytest.mark.django_db
def test_old_tokens_are_purged(staff_user):
    old = FormSubmission.objects.create(token="old", user=staff_user)
    FormSubmission.objects.filter(pk=old.pk).update(
        created_at=old.created_at - dt.timedelta(days=8)
    )
    FormSubmission.objects.create(token="recent", user=staff_user)
    assert form_submissions_purge() == 1
    assert list(FormSubmission.objects.values_list("token", flat=True)) == ["recent"]


# --- two requests at once (PostgreSQL: real concurrent transactions) ------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", sorted(KINDS))
def test_two_simultaneous_submissions_save_one_record(staff_user, ctx, name):
    kind = KINDS[name]
    url = kind.url(ctx)
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(staff_user)
    data = {**kind.data(ctx), **_opened(clients[0], url)}
    barrier = threading.Barrier(len(clients))
    responses: list[Any] = [None] * len(clients)
    errors: list[BaseException] = []

    def submit(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            responses[index] = clients[index].post(url, data)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert kind.model.objects.count() == 1
    record = kind.model.objects.get()
    assert [r.status_code for r in responses] == [302, 302]
    assert {r.url for r in responses} == {record.get_absolute_url()}
