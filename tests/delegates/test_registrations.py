"""Registrations to speak and question: the services, the question's way into the questioning
records, the delegate's and the secretariat's pages, the chair's screen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.services import record_save
from council.models import Delegate
from delegates import selectors, services
from delegates.models import Registration
from oversight.models import Kind, OversightRecommendation, Question
from sessions.models import AgendaItem, Session
from tests.delegates.conftest import delegate_login
from tests.helpers import council_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda_item(council_session) -> AgendaItem:
    return AgendaItem.objects.create(
        session=council_session, order=1, title="Tờ trình về kế hoạch đầu tư công"
    )


@pytest.fixture
def question_registration(delegate, council_session, organization) -> Registration:
    return services.registration_create(
        delegate=delegate,
        session=council_session,
        kind=Registration.Kind.QUESTION,
        respondent_organization=organization,
        respondent_position="Giám đốc Sở Xây dựng",
        content="Vì sao tuyến đường tỉnh 230 chậm tiến độ?",
    )


def _speech(delegate, session, item) -> Registration:
    return services.registration_create(
        delegate=delegate, session=session, kind=Registration.Kind.SPEECH, agenda_item=item
    )


def test_registrations_queue_in_order_of_arrival(delegate, council_session, agenda_item, term):
    other = Delegate.objects.create(term=term, full_name="Lý Văn Thứ Hai", birth_year=1980)
    first = _speech(delegate, council_session, agenda_item)
    second = _speech(other, council_session, agenda_item)
    assert (first.position, second.position) == (1, 2)


def test_a_delegate_cannot_register_twice_for_the_same_item(delegate, council_session, agenda_item):
    _speech(delegate, council_session, agenda_item)
    with pytest.raises(ValidationError):
        _speech(delegate, council_session, agenda_item)


def test_a_question_needs_a_respondent_and_a_text(delegate, council_session):
    with pytest.raises(ValidationError):
        services.registration_create(
            delegate=delegate, session=council_session, kind="question", content="Câu hỏi"
        )
    with pytest.raises(ValidationError):
        services.registration_create(
            delegate=delegate,
            session=council_session,
            kind="question",
            respondent_position="Giám đốc Sở",
        )


def test_a_delegate_cannot_register_at_another_councils_session(delegate, other_council_session):
    with pytest.raises(ValidationError):
        services.registration_create(
            delegate=delegate,
            session=other_council_session,
            kind="question",
            respondent_position="Giám đốc Sở",
            content="Câu hỏi",
        )


def test_a_closed_session_takes_no_registration(delegate, council_session, agenda_item):
    council_session.status = Session.Status.CLOSED
    record_save(instance=council_session)
    with pytest.raises(ValidationError):
        _speech(delegate, council_session, agenda_item)


def test_withdraw_only_before_being_called(delegate, council_session, agenda_item):
    registration = _speech(delegate, council_session, agenda_item)
    services.registration_call(registration=registration)
    with pytest.raises(ValidationError):
        services.registration_withdraw(registration=registration, delegate=delegate)


def test_withdraw_frees_the_item_for_a_new_registration(delegate, council_session, agenda_item):
    registration = _speech(delegate, council_session, agenda_item)
    withdrawn = services.registration_withdraw(registration=registration, delegate=delegate)
    assert withdrawn.status == Registration.Status.WITHDRAWN
    assert _speech(delegate, council_session, agenda_item).status == "registered"


def test_moving_swaps_with_the_neighbour_and_refuses_a_stale_page(
    delegate, council_session, agenda_item, question_registration
):
    from core.concurrency import StaleRowsError

    speech = _speech(delegate, council_session, agenda_item)
    version = selectors.queue_version(session_id=council_session.pk)
    services.registration_move(registration=speech, direction="up", version=version)
    order = [r.pk for r in selectors.session_registrations(session=council_session)]
    assert order == [speech.pk, question_registration.pk]
    with pytest.raises(StaleRowsError):
        services.registration_move(registration=speech, direction="down", version=version)


def test_a_recorded_question_becomes_a_question_of_the_sessions_questioning(
    question_registration, council_session, delegate, organization
):
    recorded = services.registration_record(
        registration=question_registration,
        summary="Đại biểu hỏi về tiến độ tuyến đường tỉnh 230.",
        answer_summary="Giám đốc Sở hứa hoàn thành trong quý II.",
        answer_mode=Question.AnswerMode.AT_SITTING,
        satisfied=Question.Satisfaction.YES,
        promise="Hoàn thành tuyến đường tỉnh 230",
        promise_deadline=dt.date(2021, 6, 30),
    )
    question = recorded.question
    assert recorded.status == Registration.Status.SPOKE
    assert question.activity.kind == Kind.QUESTIONING_SESSION
    assert question.activity.session_id == council_session.pk
    assert question.asker_id == delegate.pk
    assert question.respondent_organization_id == organization.pk
    assert question.content == "Đại biểu hỏi về tiến độ tuyến đường tỉnh 230."
    commitment = recorded.commitment
    assert commitment.activity_id == question.activity_id
    assert commitment.addressee_id == organization.pk
    assert commitment.deadline == dt.date(2021, 6, 30)
    assert commitment.status == OversightRecommendation.Status.NOT_STARTED
    # Recording again updates the same rows.
    services.registration_record(
        registration=recorded, summary="Sửa lại", promise="Hoàn thành sớm", answer_summary=""
    )
    assert Question.objects.count() == 1
    assert OversightRecommendation.objects.get().content == "Hoàn thành sớm"


def test_a_promise_needs_the_respondents_organisation(delegate, council_session):
    registration = services.registration_create(
        delegate=delegate,
        session=council_session,
        kind="question",
        respondent_position="Giám đốc Sở",
        content="Câu hỏi",
    )
    with pytest.raises(ValidationError):
        services.registration_record(registration=registration, summary="Hỏi", promise="Hứa")
    assert not Question.objects.exists()


# Pages ---------------------------------------------------------------------------------------


def test_a_delegate_registers_and_sees_it_on_the_session_page(
    delegate_client, council_session, agenda_item
):
    url = reverse("delegates:registration_create", args=[council_session.pk])
    response = delegate_client.post(url, {"kind": "speech", "agenda_item": agenda_item.pk})
    assert response.status_code == 302
    page = delegate_client.get(reverse("delegates:session", args=[council_session.pk]))
    assert "Tờ trình về kế hoạch đầu tư công" in page.content.decode()
    assert "Đã đăng ký" in page.content.decode()
    mine = delegate_client.get(reverse("delegates:my_registrations"))
    assert mine.status_code == 200
    assert len(mine.context["registrations"]) == 1


def test_a_delegate_cannot_open_another_councils_session_to_register(
    delegate_client, other_council_session
):
    url = reverse("delegates:registration_create", args=[other_council_session.pk])
    assert delegate_client.get(url).status_code == 404


def test_a_delegate_cannot_withdraw_anothers_registration(
    question_registration, term, council_session
):
    other = Delegate.objects.create(term=term, full_name="Lý Văn Khác", birth_year=1970)
    _user, client = delegate_login(other)
    url = reverse("delegates:registration_withdraw", args=[question_registration.pk])
    assert client.post(url).status_code == 404
    question_registration.refresh_from_db()
    assert question_registration.status == Registration.Status.REGISTERED


def test_the_delegate_withdraws_on_the_page(delegate_client, question_registration):
    url = reverse("delegates:registration_withdraw", args=[question_registration.pk])
    assert delegate_client.post(url).status_code == 302
    question_registration.refresh_from_db()
    assert question_registration.status == Registration.Status.WITHDRAWN


def test_staff_order_call_and_record_on_the_queue(
    staff_client, question_registration, organization
):
    session_pk = question_registration.session_id
    queue = staff_client.get(reverse("delegates:registration_queue", args=[session_pk]))
    assert queue.status_code == 200
    call = reverse("delegates:registration_call", args=[question_registration.pk])
    assert staff_client.post(call, {"action": "call"}).status_code == 302
    record = reverse("delegates:registration_record", args=[question_registration.pk])
    assert staff_client.get(record).status_code == 200
    response = staff_client.post(
        record,
        {
            "summary": "Hỏi về đường tỉnh 230",
            "answer_summary": "Sẽ xong trong quý II",
            "answer_mode": "at_sitting",
            "satisfied": "yes",
            "promise": "Xong đường tỉnh 230",
            "promise_deadline": "2021-06-30",
        },
    )
    assert response.status_code == 302
    question_registration.refresh_from_db()
    assert question_registration.question.activity.session_id == session_pk
    assert question_registration.commitment.deadline == dt.date(2021, 6, 30)


def test_the_delegate_and_the_leader_cannot_use_the_queue(
    delegate_client, leader_client, question_registration
):
    session_pk = question_registration.session_id
    url = reverse("delegates:registration_queue", args=[session_pk])
    assert delegate_client.get(url).status_code == 403
    assert leader_client.get(url).status_code == 403
    call = reverse("delegates:registration_call", args=[question_registration.pk])
    assert leader_client.post(call).status_code == 403


def test_staff_of_another_council_do_not_find_the_queue(council, other_council_session):
    client = council_client(council, "canbo_tinh_nay")
    url = reverse("delegates:registration_queue", args=[other_council_session.pk])
    assert client.get(url).status_code == 404


def test_the_chair_screen_polls_the_queue_in_bounded_queries(
    leader_client, council_session, term, agenda_item, django_assert_max_num_queries
):
    for i in range(8):
        d = Delegate.objects.create(term=term, full_name=f"Đại Biểu Số {i}", birth_year=1960 + i)
        _speech(d, council_session, agenda_item)
    first = Registration.objects.order_by("position").first()
    services.registration_call(registration=first)
    screen = leader_client.get(reverse("delegates:chair_screen", args=[council_session.pk]))
    assert screen.status_code == 200
    assert 'hx-trigger="every 5s"' in screen.content.decode()
    url = reverse("delegates:chair_queue", args=[council_session.pk])
    leader_client.get(url)  # warm the login's per-request reads
    with django_assert_max_num_queries(8):
        fragment = leader_client.get(url)
    assert fragment.context["queue"][0].pk == first.pk
    assert len(fragment.context["queue"]) == 8


def test_the_chair_screens_query_count_does_not_grow_with_the_queue(
    leader_client, council_session, term, agenda_item, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("delegates:chair_queue", args=[council_session.pk])
    leader_client.get(url)
    with CaptureQueriesContext(connection) as few:
        leader_client.get(url)
    for i in range(10):
        d = Delegate.objects.create(term=term, full_name=f"Người Thứ {i}", birth_year=1950 + i)
        _speech(d, council_session, agenda_item)
    with CaptureQueriesContext(connection) as many:
        leader_client.get(url)
    assert len(many) == len(few)
