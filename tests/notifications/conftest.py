"""Fixtures of the notifications tests: the rules (seeded by migration, seeded again after a
transactional test flushed them), users with e-mail addresses, and items made through the
owning apps' services."""

from __future__ import annotations

import datetime as dt

import pytest

from accounts.services import user_create_with_role
from core.roles import Role
from notifications.models import Event, NotificationRule
from notifications.services import notification_rules_seed
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save
from tests.conftest import PASSWORD


@pytest.fixture
def role_groups(db) -> None:
    """The role groups come from a data migration that a transactional test flushed (as
    tests/reports/conftest.py): recreate them before the logins are made."""
    from django.contrib.auth.models import Group

    for role in Role:
        Group.objects.get_or_create(name=role.value)


@pytest.fixture
def notification_rules(db) -> dict[str, NotificationRule]:
    return {rule.event: rule for rule in notification_rules_seed()}


@pytest.fixture
def rule(notification_rules) -> NotificationRule:
    return notification_rules[Event.RECOMMENDATION_DEADLINE]


@pytest.fixture
def staff(council, term):
    return user_create_with_role(
        username="chuyenvien.a",
        password=PASSWORD,
        role=Role.STAFF,
        email="chuyenvien.a@hdnd.example",
        full_name="Trần Thị An",
    )


@pytest.fixture
def other_staff(council, term):
    return user_create_with_role(
        username="chuyenvien.b",
        password=PASSWORD,
        role=Role.STAFF,
        email="chuyenvien.b@hdnd.example",
    )


@pytest.fixture
def ban_member(committee):
    return user_create_with_role(
        username="thanhvien.ban",
        password=PASSWORD,
        role=Role.COMMITTEE_MEMBER,
        committee=committee,
        email="ban@hdnd.example",
    )


@pytest.fixture
def make_recommendation(term, committee, organization):
    def make(*, deadline: dt.date, **fields) -> OversightRecommendation:
        activity = activity_save(
            activity=OversightActivity(
                term=term,
                actor=Actor.COMMITTEE,
                committee=committee,
                kind=Kind.THEMATIC_SUPERVISION,
                topic="Giám sát việc quản lý, sử dụng đất đai",
                start_date=dt.date(2019, 5, 6),
            ),
            supervised_organizations=None,
        )
        fields.setdefault("content", "Đẩy nhanh tiến độ giải phóng mặt bằng")
        fields.setdefault("addressee", organization)
        return recommendation_save(
            recommendation=OversightRecommendation(activity=activity, deadline=deadline, **fields)
        )

    return make
