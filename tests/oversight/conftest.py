"""Oversight fixtures: records made through the app's own services."""

from __future__ import annotations

import datetime as dt

import pytest

from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save


@pytest.fixture
def make_activity(term):
    def make(**fields) -> OversightActivity:
        orgs = fields.pop("supervised_organizations", None)
        fields.setdefault("term", term)
        fields.setdefault("actor", Actor.STANDING)
        fields.setdefault("kind", Kind.THEMATIC_SUPERVISION)
        fields.setdefault("topic", "Giám sát việc quản lý, sử dụng đất đai")
        fields.setdefault("start_date", dt.date(2019, 5, 6))
        return activity_save(activity=OversightActivity(**fields), supervised_organizations=orgs)

    return make


@pytest.fixture
def make_recommendation(make_activity, organization):
    def make(activity: OversightActivity | None = None, **fields) -> OversightRecommendation:
        fields.setdefault("content", "Đẩy nhanh tiến độ giải phóng mặt bằng")
        fields.setdefault("addressee", organization)
        return recommendation_save(
            recommendation=OversightRecommendation(activity=activity or make_activity(), **fields)
        )

    return make
