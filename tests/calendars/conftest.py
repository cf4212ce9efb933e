"""Fixtures of the calendar feeds' tests: a council with a current term and one of every item
a feed shows, made through the owning apps' write functions, dated from today (a feed holds the
last two years and the future); a second council with the same; a citizen's letter and
reception visit whose name and phone no feed may show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from accounts.services import delegate_account_create, user_create_with_role
from core.roles import Role
from core.services import record_save
from council.models import AdministrativeUnit, Council, Delegate, DelegateGroup, Organization, Term
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save
from sessions.models import Session
from standing.models import StandingMeeting
from standing.services import meeting_save
from tests.conftest import PASSWORD
from voters import services as voter_services
from voters.casework import reception as reception_service
from voters.models import (
    CitizenReception,
    Letter,
    ReceptionSchedule,
    ReceptionVisit,
    VoterMeeting,
)

CITIZEN_NAME = "Lê Thị Công Dân Riêng"
CITIZEN_PHONE = "0912 345 678"
SENDER_NAME = "Đỗ Văn Người Gửi Đơn"
SENDER_PHONE = "0987 654 321"
VISITORS = "Bùi Văn Khách Đến Tiếp"


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@dataclass
class World:
    council: Council
    term: Term
    delegate: Delegate
    colleague: Delegate
    group: DelegateGroup
    session: Session
    old_session: Session
    meeting_of_delegate: VoterMeeting
    meeting_of_group: VoterMeeting
    meeting_of_colleague: VoterMeeting
    slot_published: ReceptionSchedule
    slot_held: ReceptionSchedule
    slot_unpublished: ReceptionSchedule
    slot_of_delegate: ReceptionSchedule
    standing_with_delegate: StandingMeeting
    standing_without: StandingMeeting
    activity: OversightActivity
    open_recommendation: OversightRecommendation
    done_recommendation: OversightRecommendation


def build_world(council: Council, user: Any, *, tag: str = "") -> World:
    """Every kind of item of one council, through the real write paths."""
    term = Term.objects.create(council=council, ordinal=17, roman="XVII", start_date=days(-3 * 365))
    group = DelegateGroup.objects.create(term=term, name=f"Tổ đại biểu số 1{tag}")
    delegate = Delegate.objects.create(
        term=term, full_name=f"Nguyễn Thị Đại Biểu{tag}", delegate_group=group
    )
    colleague = Delegate.objects.create(term=term, full_name=f"Trần Văn Đồng Nghiệp{tag}")
    unit = AdministrativeUnit.objects.create(
        name=f"Xã Tiếp Xúc{tag}", level="commune", unit_type="xa"
    )
    organization = Organization.objects.create(name=f"Sở Tài nguyên và Môi trường{tag}")
    session = Session.objects.create(
        term=term,
        number=5,
        kind=Session.Kind.THEMATIC,
        start_date=days(20),
        end_date=days(22),
        venue=f"Hội trường tầng 3{tag}",
        question_registration_closes=timezone.make_aware(
            dt.datetime.combine(days(15), dt.time(17, 0))
        ),
    )
    old_session = Session.objects.create(
        term=term, number=1, start_date=days(-800), end_date=days(-798), venue="Hội trường cũ"
    )

    def voter_meeting(day: int, *, group_: DelegateGroup | None, members: list[Delegate]):
        meeting = record_save(
            instance=VoterMeeting(
                term=term,
                location_unit=unit,
                date=days(day),
                timing=VoterMeeting.Timing.PRE_SESSION,
                session=session,
                venue="Nhà văn hóa thôn Đông",
                topic="Chuẩn bị kỳ họp thứ năm",
                delegate_group=group_,
                voters_attended=98765,
            ),
            user=user,
        )
        meeting.delegates.set(members)
        return meeting

    def slot(day: int, host: str, *, published: bool = True, host_delegate=None):
        return record_save(
            instance=ReceptionSchedule(
                council=council,
                date=days(day),
                start_time=dt.time(8, 0),
                end_time=dt.time(11, 30),
                host_kind=ReceptionSchedule.HostKind.DELEGATE
                if host_delegate
                else ReceptionSchedule.HostKind.CHAIR,
                host=host,
                host_delegate=host_delegate,
                location=f"Trụ sở tiếp công dân{tag}",
                note="Ghi chú nội bộ của Văn phòng",
                published=published,
            ),
            user=user,
        )

    published = slot(5, f"Chủ tịch HĐND{tag}")
    # The slot that was held: its reception names citizens, which no feed may show.
    reception = record_save(
        instance=CitizenReception(
            term=term, date=days(-5), host="Chủ tịch HĐND", visitors=VISITORS
        ),
        user=user,
    )
    held = slot(-5, f"Phó Chủ tịch HĐND{tag}")
    held.reception = reception
    record_save(instance=held, user=user)
    reception_service.visit_save(
        visit=ReceptionVisit(
            reception=reception,
            citizen_name=CITIZEN_NAME,
            citizen_address=f"Số điện thoại {CITIZEN_PHONE}",
            kind="complaint",
            content="Khiếu nại về bồi thường đất",
        ),
        user=user,
    )
    voter_services.letter_save(
        letter=Letter(
            term=term,
            received_date=days(-3),
            kind=Letter.Kind.COMPLAINT,
            summary="Đơn khiếu nại về bồi thường đất",
            sender_name=SENDER_NAME,
            sender_phone=SENDER_PHONE,
            sender_address="Thôn Tây",
        ),
        user=user,
    )
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic=f"Giám sát quản lý đất đai{tag}",
            start_date=days(30),
            end_date=days(33),
        ),
        members=[delegate],
    )
    return World(
        council=council,
        term=term,
        delegate=delegate,
        colleague=colleague,
        group=group,
        session=session,
        old_session=old_session,
        meeting_of_delegate=voter_meeting(10, group_=None, members=[delegate]),
        meeting_of_group=voter_meeting(11, group_=group, members=[]),
        meeting_of_colleague=voter_meeting(12, group_=None, members=[colleague]),
        slot_published=published,
        slot_held=held,
        slot_unpublished=slot(6, f"Phó Chủ tịch HĐND{tag}", published=False),
        slot_of_delegate=slot(7, delegate.full_name, host_delegate=delegate),
        standing_with_delegate=meeting_save(
            meeting=StandingMeeting(
                term=term,
                title=f"Phiên họp tháng này{tag}",
                date=days(3),
                time=dt.time(14, 0),
                place="Phòng họp Thường trực",
            ),
            members=[delegate],
        ),
        standing_without=meeting_save(
            meeting=StandingMeeting(term=term, title=f"Phiên họp bất thường{tag}", date=days(4)),
            members=[colleague],
        ),
        activity=activity,
        open_recommendation=recommendation_save(
            recommendation=OversightRecommendation(
                activity=activity,
                content="Hoàn thành cấp giấy chứng nhận",
                addressee=organization,
                deadline=days(60),
            )
        ),
        done_recommendation=recommendation_save(
            recommendation=OversightRecommendation(
                activity=activity,
                content="Đã xong việc",
                addressee=organization,
                deadline=days(40),
                status=OversightRecommendation.Status.DONE,
                completed_date=days(-1),
            )
        ),
    )


@pytest.fixture
def world(council, staff_user) -> World:
    return build_world(council, staff_user)


@pytest.fixture
def other_world(world, staff_user) -> World:
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng HĐND tỉnh Bên Cạnh",
    )
    return build_world(other, staff_user, tag=" Bên Cạnh")


@pytest.fixture
def delegate_user(world):
    return delegate_account_create(delegate=world.delegate).user


@pytest.fixture
def staff(world):
    """A staff login of the world's council (the fixture's council is the province)."""
    return user_create_with_role(
        username="vanphong", password=PASSWORD, role=Role.STAFF, council=world.council
    )
