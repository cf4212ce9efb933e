"""Fixtures of the Thường trực's meetings: records made through the app's own services."""

from __future__ import annotations

import datetime as dt

import pytest

from council.models import Delegate, Organization
from standing.models import Conclusion, ConclusionTask, StandingMeeting
from standing.services import conclusion_save, meeting_save, task_save


@pytest.fixture
def chair(term) -> Delegate:
    return Delegate.objects.create(term=term, full_name="Hoàng Văn Chủ Trì", birth_year=1965)


@pytest.fixture
def make_meeting(term, chair):
    def make(**fields) -> StandingMeeting:
        members = fields.pop("members", [chair])
        fields.setdefault("term", term)
        fields.setdefault("date", dt.date(2019, 3, 26))
        fields.setdefault("title", f"Phiên họp tháng {fields['date'].month}/2019")
        fields.setdefault("chaired_by", chair)
        return meeting_save(meeting=StandingMeeting(**fields), members=members)

    return make


@pytest.fixture
def make_conclusion(make_meeting):
    def make(meeting: StandingMeeting | None = None, **fields) -> Conclusion:
        fields.setdefault("text", "Thống nhất nội dung, chương trình kỳ họp thứ mười một.")
        return conclusion_save(conclusion=Conclusion(meeting=meeting or make_meeting(), **fields))

    return make


@pytest.fixture
def make_task(make_conclusion, organization):
    def make(conclusion: Conclusion | None = None, **fields) -> ConclusionTask:
        fields.setdefault("content", "Hoàn thiện tờ trình, dự thảo nghị quyết")
        fields.setdefault("responsible", organization)
        return task_save(task=ConclusionTask(conclusion=conclusion or make_conclusion(), **fields))

    return make


@pytest.fixture
def department(db) -> Organization:
    return Organization.objects.create(
        name="Sở Tài nguyên và Môi trường tỉnh Thử Nghiệm", short_name="Sở TN&MT", kind="department"
    )
