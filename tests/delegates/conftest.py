"""Fixtures of the delegates' room: a delegate of the test council with their login, a session
of that council, and a second council with its own delegate and session."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from accounts.services import account_link_redeem, delegate_account_create
from core.services import record_save
from council.models import Council, Delegate, Term
from sessions.models import Session

DELEGATE_PASSWORD = "mat-khau-dai-bieu-2026"


def delegate_login(delegate: Delegate) -> tuple[object, Client]:
    """The delegate's login made the way the secretariat makes it (a one-time link, redeemed),
    and a client logged in with it."""
    account = delegate_account_create(delegate=delegate)
    user = account_link_redeem(token=account.token, password=DELEGATE_PASSWORD)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def delegate(term) -> Delegate:
    return Delegate.objects.create(term=term, full_name="Hoàng Thị Đại Biểu", birth_year=1975)


@pytest.fixture
def delegate_user_client(delegate):
    return delegate_login(delegate)


@pytest.fixture
def delegate_client(delegate_user_client) -> Client:
    return delegate_user_client[1]


@pytest.fixture
def council_session(term) -> Session:
    day = dt.date(2020, 12, 8)
    return record_save(
        instance=Session(term=term, number=12, start_date=day, end_date=day + dt.timedelta(days=2))
    )


@pytest.fixture
def other_council_session(db) -> Session:
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng HĐND tỉnh Bên Cạnh",
    )
    term = Term.objects.create(council=other, ordinal=9, roman="IX", start_date=dt.date(2016, 6, 1))
    day = dt.date(2020, 7, 10)
    return record_save(instance=Session(term=term, number=3, start_date=day, end_date=day))
