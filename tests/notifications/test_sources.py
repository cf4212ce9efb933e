"""The evaluators of the other sources: voters' petitions overdue by agency (weekly), the
deadlines of complaint and denunciation cases (to the handler)."""

from __future__ import annotations

import datetime as dt

import pytest

from notifications.models import Notification
from notifications.services import reminders_scan
from tests.voters.casework.workflow_fixtures import body, current_term, receive, rules  # noqa: F401
from voters import services as voter_services
from voters.models import Letter, VoterPetition

pytestmark = pytest.mark.django_db

D = dt.date
BATCH_DAY = D(2019, 3, 1)
FIRST_OVERDUE = BATCH_DAY + dt.timedelta(days=31)  # 30 days to answer (voters.selectors)


@pytest.fixture
def overdue_batch(term, organization, staff_user):
    petitions = [
        voter_services.petition_save(
            petition=VoterPetition(
                term=term, received_date=D(2019, 2, 1), content=f"Đề nghị sửa đường liên xã {n}"
            ),
            user=staff_user,
        )
        for n in range(3)
    ]
    return voter_services.forwarding_batch_create(
        term=term,
        recipient=organization,
        number="15/HĐND-VP",
        date=BATCH_DAY,
        petitions=petitions,
        user=staff_user,
    )


def test_an_overdue_petition_batch_notifies_once_a_week(
    notification_rules, staff, overdue_batch, organization
):
    counts = {}
    for offset in (-1, 0, 3, 6, 7, 10, 14):
        reminders_scan(today=FIRST_OVERDUE + dt.timedelta(days=offset))
        counts[offset] = Notification.objects.filter(user=staff).count()
    assert counts == {-1: 0, 0: 1, 3: 1, 6: 1, 7: 2, 10: 2, 14: 3}
    line = Notification.objects.filter(user=staff).earliest("occurrence")
    assert line.item == organization
    assert line.title == (
        "Ủy ban nhân dân tỉnh Thử Nghiệm chưa trả lời 3 kiến nghị cử tri (1 công văn chuyển), "
        "quá hạn từ 01/04/2019"
    )
    assert line.url == f"/cu-tri/kien-nghi/qua-han/?recipient={organization.pk}"


def test_answered_petitions_stop_the_weekly_reminder(
    notification_rules, staff, overdue_batch, staff_user
):
    reminders_scan(today=FIRST_OVERDUE)
    for petition in VoterPetition.objects.all():
        voter_services.petition_answer(
            petition=petition, user=staff_user, answer_number="9/UBND", answer_date=FIRST_OVERDUE
        )
    reminders_scan(today=FIRST_OVERDUE + dt.timedelta(days=7))
    assert Notification.objects.filter(user=staff).count() == 1


def test_a_cases_deadlines_go_to_its_handler_without_the_citizens_name(
    notification_rules,
    staff,
    staff_user,
    receive,  # noqa: F811
    body,  # noqa: F811
):
    letter = receive(kind=Letter.Kind.DENUNCIATION, sender_name="Lê Văn Tố")
    case = letter.case
    case.handler = staff
    case.save(update_fields=["handler"])
    letter.refresh_from_db()
    due = letter.processing_due
    assert due is not None
    reminders_scan(today=due - dt.timedelta(days=3))
    reminders_scan(today=due)
    lines = list(Notification.objects.order_by("occurrence"))
    assert [(n.user, n.item, n.due_date) for n in lines] == [(staff, case, due)] * 2
    assert lines[0].title.startswith(f"Vụ việc số {case.number} (tố cáo): hạn xử lý đơn")
    assert all("Lê Văn Tố" not in n.title and case.title not in n.title for n in lines)


def test_a_sessions_documents_published_tell_its_delegates_once_a_day(
    notification_rules, term, staff
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from core.services import record_save
    from council.models import Delegate
    from sessions.models import AgendaItem, Session, SessionDocument
    from sessions.services import session_document_create
    from tests.delegates.conftest import delegate_login

    delegate_user, _client = delegate_login(
        Delegate.objects.create(term=term, full_name="Hoàng Thị Đại Biểu", birth_year=1975)
    )
    session = record_save(
        instance=Session(term=term, number=12, start_date=D(2020, 12, 8), end_date=D(2020, 12, 10))
    )
    item = record_save(instance=AgendaItem(session=session, order=1, title="Dự toán"))
    now = timezone.now()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    for title, published in (
        ("Tờ trình", now - dt.timedelta(seconds=2)),
        ("Dự thảo", now - dt.timedelta(seconds=1)),
        ("Báo cáo thẩm tra", now + dt.timedelta(days=1)),  # scheduled: not yet
        ("Chưa công bố", None),
    ):
        session_document_create(
            document=SessionDocument(agenda_item=item, title=title, published_at=published),
            upload=SimpleUploadedFile("tai-lieu.pdf", pdf),
        )
    today = timezone.localdate()
    reminders_scan(today=today)
    reminders_scan(today=today)
    line = Notification.objects.get()
    assert (line.user, line.item, line.occurrence) == (delegate_user, session, today)
    assert line.url == f"/dai-bieu/ky-hop/{session.pk}/"
    assert line.title.startswith("Kỳ họp thứ 12: tài liệu được công bố ngày")
