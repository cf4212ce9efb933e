"""A council with something of each kind on its portal, public and not, and a second council
with its own rows: built through the apps' write functions, as the secretariat would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.services import record_save
from council.models import Committee, Council, Delegate, Organization, Term
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save
from resolutions.models import Resolution, ResolutionRelation
from resolutions.services import (
    resolution_attachment_add,
    resolution_create,
    resolution_relation_create,
)
from sessions.models import AgendaItem, Session, SessionDocument
from sessions.services import session_document_create
from voters.models import ReceptionSchedule, VoterPetition
from voters.services import petition_save

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = dt.date.today()


def pdf(name: str = "Nguyen Van A ho so.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _fresh_cache_and_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@dataclass
class Portal:
    council: Council
    term: Term
    session: Session
    past_session: Session
    item: AgendaItem
    public_doc: SessionDocument
    private_doc: SessionDocument
    land: Resolution
    amending: Resolution
    secret: Resolution
    activity: OversightActivity
    hidden_activity: OversightActivity
    recommendation: OversightRecommendation
    slot: ReceptionSchedule
    hidden_slot: ReceptionSchedule
    other: Council
    other_session: Session
    other_resolution: Resolution


def _session(term: Term, number: int, start: dt.date, **kw) -> Session:
    return record_save(
        instance=Session(
            term=term,
            number=number,
            kind=kw.pop("kind", Session.Kind.REGULAR),
            start_date=start,
            end_date=kw.pop("end", start),
            venue=kw.pop("venue", "Hội trường Nhà khách tỉnh"),
            **kw,
        )
    )


def _council(name: str, place: str) -> Council:
    return Council.objects.create(
        name=f"Hội đồng nhân dân tỉnh {place}",
        short_name=f"HĐND tỉnh {place}",
        place_name=place,
        header_name=f"HỘI ĐỒNG NHÂN DÂN\nTỈNH {place.upper()}",
        secretariat_name=f"Văn phòng HĐND tỉnh {place}",
    )


def _term(council: Council) -> Term:
    return Term.objects.create(
        council=council, ordinal=16, roman="XVI", start_date=dt.date(2021, 6, 1)
    )


def _resolution(council: Council, term: Term, session: Session, title: str, **kw) -> Resolution:
    kw.setdefault("adopted_date", session.start_date)
    return resolution_create(council=council, session=session, title=title, votes_for=9, **kw)


@pytest.fixture
def portal(council) -> Portal:
    term = _term(council)
    for i in range(10):
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i:02d}", birth_year=1970 + i)
    committee = Committee.objects.create(
        term=term, code="kinh_te_ngan_sach", name="Ban Kinh tế - Ngân sách", order=2
    )
    ubnd = Organization.objects.create(
        name="Ủy ban nhân dân tỉnh Thử Nghiệm", short_name="UBND tỉnh", council=council
    )
    session = _session(term, 12, TODAY + dt.timedelta(days=10), end=TODAY + dt.timedelta(days=12))
    past = _session(term, 11, dt.date(2025, 12, 9), end=dt.date(2025, 12, 11))
    item = record_save(
        instance=AgendaItem(
            session=session,
            order=1,
            doc_type=AgendaItem.DocType.SUBMISSION,
            number_symbol="125/TTr-UBND",
            title="Tờ trình về bảng giá đất đai năm 2027",
        )
    )
    published = timezone.now() - dt.timedelta(hours=1)
    public_doc = session_document_create(
        document=SessionDocument(
            agenda_item=item,
            title="Tờ trình bảng giá đất",
            published_at=published,
            is_public=True,
        ),
        upload=pdf(),
    )
    private_doc = session_document_create(
        document=SessionDocument(
            agenda_item=item, title="Dự thảo nội bộ", published_at=published, order=2
        ),
        upload=pdf("noi-bo.pdf"),
    )
    land = _resolution(council, term, past, "Quy định bảng giá Đất đai năm 2026", is_normative=True)
    amending = _resolution(council, term, session, "Sửa đổi bảng giá đất năm 2026")
    resolution_relation_create(source=amending, target=land, kind=ResolutionRelation.Kind.AMENDS)
    resolution_attachment_add(resolution=land, upload=pdf("nq-ban-ky.pdf"))
    secret = _resolution(council, term, past, "Nghị quyết mật về quốc phòng", is_public=False)
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.COMMITTEE,
            committee=committee,
            kind=Kind.THEMATIC_SUPERVISION,
            topic="Giám sát việc quản lý đất công",
            start_date=dt.date(2026, 3, 1),
            end_date=dt.date(2026, 4, 30),
            conclusion_number="15/TB-HĐND",
            conclusion_date=dt.date(2026, 5, 10),
            is_public=True,
        ),
        supervised_organizations=[ubnd],
    )
    hidden = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.SURVEY,
            topic="Khảo sát chưa công khai",
            start_date=dt.date(2026, 6, 1),
        )
    )
    recommendation = recommendation_save(
        recommendation=OversightRecommendation(
            activity=activity,
            content="Rà soát, thu hồi đất công sử dụng sai mục đích",
            addressee=ubnd,
            result_note="Ghi chú theo dõi nội bộ không công khai",
        )
    )
    slot = record_save(
        instance=ReceptionSchedule(
            council=council,
            date=TODAY + dt.timedelta(days=3),
            start_time=dt.time(8),
            host_kind=ReceptionSchedule.HostKind.CHAIR,
            host="Chủ tịch HĐND tỉnh",
            location="Trụ sở Tiếp công dân tỉnh",
        )
    )
    hidden_slot = record_save(
        instance=ReceptionSchedule(
            council=council,
            date=TODAY + dt.timedelta(days=4),
            start_time=dt.time(8),
            host_kind=ReceptionSchedule.HostKind.DELEGATE,
            host="Lịch nháp chưa công bố",
            location="Nơi chưa công bố",
            published=False,
        )
    )
    petition_save(
        petition=VoterPetition(
            term=term,
            session=past,
            received_date=dt.date(2025, 11, 20),
            content="Nguyễn Văn Bình ở thôn Nà Lầu đề nghị sửa đường",
            instances=3,
        )
    )
    other = _council("Khác", "Khác Biệt")
    other_term = _term(other)
    other_session = _session(other_term, 3, dt.date(2025, 7, 1))
    for i in range(10):
        Delegate.objects.create(term=other_term, full_name=f"Đại biểu khác {i:02d}")
    other_resolution = _resolution(other, other_term, other_session, "Nghị quyết của tỉnh khác")
    return Portal(
        council=council,
        term=term,
        session=session,
        past_session=past,
        item=item,
        public_doc=public_doc,
        private_doc=private_doc,
        land=land,
        amending=amending,
        secret=secret,
        activity=activity,
        hidden_activity=hidden,
        recommendation=recommendation,
        slot=slot,
        hidden_slot=hidden_slot,
        other=other,
        other_session=other_session,
        other_resolution=other_resolution,
    )
