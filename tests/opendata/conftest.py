"""Two councils with public and internal records, built through the real write functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from core.services import record_save
from council.models import Committee, Council, Delegate, DelegateGroup, Organization, Position, Term
from opendata.services import api_token_create
from oversight.models import Actor, Kind, OversightActivity
from oversight.services import activity_save
from resolutions.models import ResolutionRelation
from resolutions.services import (
    delegate_votes_save,
    resolution_attachment_add,
    resolution_create,
    resolution_relation_create,
)
from sessions.models import AgendaItem, Session, SessionDocument
from sessions.services import session_document_create
from voters.models import VoterPetition
from voters.services import petition_save

D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The council's lists of the API (/api/v1/councils/<pk>/<name>/) that hold its records.
COUNCIL_LISTS = (
    "terms",
    "committees",
    "delegate-groups",
    "delegates",
    "sessions",
    "resolutions",
    "vote-events",
    "oversight-activities",
)


@pytest.fixture(autouse=True)
def _fresh_throttles(settings, tmp_path):
    """The throttles count in the cache: each test starts with none spent."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@dataclass
class CouncilData:
    council: Council
    term: Term
    committee: Committee
    group: DelegateGroup
    delegates: list[Delegate]
    sessions: list[Session]
    item: AgendaItem
    public_document: SessionDocument
    internal_document: SessionDocument
    resolutions: list[Any]
    secret_resolution: Any
    public_activity: OversightActivity
    internal_activity: OversightActivity
    extra: dict[str, Any] = field(default_factory=dict)


def build_council(
    name: str, *, ordinal: int = 16, slug: str = "A", resolutions: int = 3
) -> CouncilData:
    council = Council.objects.create(
        name=f"Hội đồng nhân dân tỉnh {name}",
        short_name=f"HĐND tỉnh {name}",
        place_name=name,
        header_name=f"HỘI ĐỒNG NHÂN DÂN\nTỈNH {name.upper()}",
        secretariat_name=f"Văn phòng HĐND tỉnh {name}",
    )
    term = Term.objects.create(
        council=council, ordinal=ordinal, roman="XVI", start_date=D(2021, 6, 1), end_date=None
    )
    committee = Committee.objects.create(term=term, code="phap_che", name="Ban Pháp chế")
    group = DelegateGroup.objects.create(term=term, name=f"Tổ đại biểu số 1 {slug}")
    delegates = [
        Delegate.objects.create(
            term=term,
            full_name=f"Nguyễn Văn Đại Biểu {slug}{i:02d}",
            gender="male" if i % 2 else "female",
            birth_year=1961 + i,
            ethnicity="Tày",
            job_title="Phó Giám đốc Sở Tư pháp",
            electoral_unit=f"Đơn vị bầu cử số {i % 3 + 1}",
            committee=committee if i < 3 else None,
            delegate_group=group,
        )
        for i in range(10)
    ]
    record_save(
        instance=Position(
            delegate=delegates[0], role=Position.Role.COMMITTEE_HEAD, committee=committee
        )
    )
    record_save(instance=Position(delegate=delegates[1], role=Position.Role.CHAIR))
    sessions = [
        record_save(
            instance=Session(
                term=term,
                number=n,
                kind=Session.Kind.REGULAR if n != 2 else Session.Kind.THEMATIC,
                start_date=D(2023 + n // 2, 7 if n % 2 else 12, 10),
                end_date=D(2023 + n // 2, 7 if n % 2 else 12, 12),
                venue="Hội trường HĐND tỉnh",
            )
        )
        for n in (1, 2, 3)
    ]
    item = record_save(
        instance=AgendaItem(
            session=sessions[0],
            order=1,
            title="Tờ trình dự toán ngân sách",
            number_symbol="12/TTr-UBND",
        )
    )
    documents = []
    for title, public in (("Dự thảo nghị quyết công khai", True), ("Tài liệu nội bộ", False)):
        document = session_document_create(
            document=SessionDocument(
                agenda_item=item,
                title=title,
                published_at=dt.datetime(2023, 7, 1, tzinfo=dt.UTC),
                is_public=public,
            ),
            upload=SimpleUploadedFile("tai-lieu.pdf", PDF, content_type="application/pdf"),
        )
        documents.append(document)
    made = []
    for i in range(resolutions):
        made.append(
            resolution_create(
                council=council,
                title=f"Quy định mức chi hỗ trợ đất đai số {i}",
                adopted_date=D(2023, 7, 12) if i % 2 == 0 else D(2024, 7, 12),
                session=sessions[0] if i % 2 == 0 else sessions[2],
                is_normative=i == 0,
                votes_for=9,
                votes_against=1,
                votes_abstain=0,
                delegates_present=10,
            )
        )
    resolution_attachment_add(
        resolution=made[0],
        upload=SimpleUploadedFile("nghi-quyet.pdf", PDF, content_type="application/pdf"),
    )
    votes = {d.pk: "for" for d in delegates[:8]} | {delegates[8].pk: "against"}
    votes[delegates[9].pk] = "absent"
    delegate_votes_save(resolution=made[0], votes=votes)
    secret = resolution_create(
        council=council,
        title="Nghị quyết mật về quốc phòng",
        adopted_date=D(2024, 7, 12),
        session=sessions[2],
        votes_for=9,
        is_public=False,
    )
    # The secret one amends a public one: the public one's relations must not name it.
    resolution_relation_create(source=secret, target=made[0], kind=ResolutionRelation.Kind.AMENDS)
    if len(made) > 1:
        resolution_relation_create(
            source=made[1], target=made[0], kind=ResolutionRelation.Kind.AMENDS
        )
    org = Organization.objects.create(name=f"Sở Tài nguyên và Môi trường {slug}", council=council)
    activities = []
    for topic, public in (
        ("Giám sát công tác quản lý đất đai", True),
        ("Giám sát nội bộ chưa công khai", False),
    ):
        activities.append(
            activity_save(
                activity=OversightActivity(
                    term=term,
                    kind=Kind.THEMATIC_SUPERVISION,
                    actor=Actor.COMMITTEE,
                    committee=committee,
                    topic=topic,
                    start_date=D(2024, 3, 1),
                    end_date=D(2024, 5, 1),
                    conclusion_number="15/TB-HĐND",
                    conclusion_date=D(2024, 5, 20),
                    notes="Ghi chú nội bộ không được công khai",
                    is_public=public,
                ),
                supervised_organizations=[org],
                members=delegates[:2],
            )
        )
    for instances in (3, 4):
        petition_save(
            petition=VoterPetition(
                term=term,
                session=sessions[0],
                received_date=D(2023, 6, 20),
                content="Đề nghị sửa chữa đường liên xã, ông Trần Văn Cử Tri, số nhà 12",
                instances=instances,
            )
        )
    return CouncilData(
        council=council,
        term=term,
        committee=committee,
        group=group,
        delegates=delegates,
        sessions=sessions,
        item=item,
        public_document=documents[0],
        internal_document=documents[1],
        resolutions=made,
        secret_resolution=secret,
        public_activity=activities[0],
        internal_activity=activities[1],
    )


@pytest.fixture
def world(db) -> dict[str, CouncilData]:
    return {"a": build_council("An Giang Thử", slug="A"), "b": build_council("Bắc Thử", slug="B")}


@pytest.fixture
def token_key(world) -> str:
    _token, key = api_token_create(council=world["a"].council, name="Cổng thông tin tỉnh")
    return key
