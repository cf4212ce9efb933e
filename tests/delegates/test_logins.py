"""Delegates' logins: a whole term's made in one step, each with a one-time link to set the
password; a delegate's login opens the delegates' room and nothing of the secretariat's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountLink, UserProfile
from accounts.services import account_link_redeem, delegate_account_create
from core import roles
from council.models import Delegate

pytestmark = pytest.mark.django_db


def _links(html: str) -> dict[str, str]:
    """username -> its one-time link, as the issued page lists them."""
    rows = re.findall(
        r"<code>([^<]+)</code></td><td class=\"text-break\"><code>([^<]+)</code>", html
    )
    return dict(rows)


def test_staff_make_a_terms_logins_in_one_step_and_each_link_sets_a_password(staff_client, term):
    serving = [
        Delegate.objects.create(term=term, full_name=name, birth_year=1970)
        for name in ("Nguyễn Văn An", "Lê Thị Bình")
    ]
    Delegate.objects.create(
        term=term, full_name="Trần Văn Cũ", birth_year=1960, status=Delegate.Status.RESIGNED
    )
    page = staff_client.get(reverse("delegates:accounts"))
    assert "Tạo tài khoản cho 2 đại biểu chưa có" in page.content.decode()

    response = staff_client.post(reverse("delegates:accounts_create", args=[term.pk]))
    links = _links(response.content.decode())
    assert sorted(links) == ["lethibinh", "nguyenvanan"]
    for delegate in serving:
        profile = UserProfile.objects.get(delegate=delegate)
        assert profile.council == term.council
        assert roles.is_delegate(profile.user)
        assert not profile.user.has_usable_password()
    assert not UserProfile.objects.filter(delegate__full_name="Trần Văn Cũ").exists()

    # The delegate opens the link, chooses a password and is in the delegates' room.
    visitor = Client()
    path = links["nguyenvanan"].split("testserver", 1)[1]
    form = visitor.get(path)
    assert form.status_code == 200 and "Kích hoạt tài khoản" in form.content.decode()
    done = visitor.post(
        path, {"new_password1": "Mat-khau-rieng-2026", "new_password2": "Mat-khau-rieng-2026"}
    )
    assert done.status_code == 302 and done.url == reverse("delegates:home")
    assert visitor.get(reverse("delegates:home")).status_code == 200
    # The link was for once.
    assert Client().get(path).status_code == 404
    user = get_user_model().objects.get(username="nguyenvanan")
    assert user.check_password("Mat-khau-rieng-2026")

    # A second press makes nothing new.
    again = staff_client.post(reverse("delegates:accounts_create", args=[term.pk]), follow=True)
    assert "đã có tài khoản" in again.content.decode()
    assert UserProfile.objects.filter(delegate__term=term).count() == 2


def test_a_weak_password_is_refused_in_vietnamese_and_the_link_still_works(delegate):
    account = delegate_account_create(delegate=delegate)
    path = reverse("delegates:activate", args=[account.token])
    response = Client().post(path, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert "Mật khẩu" in response.content.decode() or "mật khẩu" in response.content.decode()
    assert Client().get(path).status_code == 200


def test_a_new_link_revokes_the_earlier_one_and_an_expired_link_is_refused(delegate):
    first = delegate_account_create(delegate=delegate)
    second = delegate_account_create(delegate=delegate)
    assert account_link_redeem(token=first.token, password="x-long-password-1") is None
    AccountLink.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert account_link_redeem(token=second.token, password="x-long-password-1") is None
    assert Client().get(reverse("delegates:activate", args=[second.token])).status_code == 404


def test_a_delegates_login_opens_no_secretariat_page(delegate_client, delegate):
    assert delegate_client.get(reverse("home")).url == reverse("delegates:home")
    for name in (
        "sessions:session_list",
        "resolutions:resolution_list",
        "voters:voterpetition_list",
        "voters:letter_list",
        "council:delegate_list",
        "reports:dashboard",
        "delegates:accounts",
    ):
        assert delegate_client.get(reverse(name)).status_code == 403, name


def test_a_delegate_sees_their_councils_sessions_and_not_anothers(
    delegate_client, council_session, other_council_session
):
    home = delegate_client.get(reverse("delegates:home")).content.decode()
    assert reverse("delegates:session", args=[council_session.pk]) in home
    assert reverse("delegates:session", args=[other_council_session.pk]) not in home
    assert (
        delegate_client.get(reverse("delegates:session", args=[council_session.pk])).status_code
        == 200
    )
    assert (
        delegate_client.get(
            reverse("delegates:session", args=[other_council_session.pk])
        ).status_code
        == 404
    )


def test_the_delegates_pages_refuse_the_secretariat(staff_client, council_session):
    assert staff_client.get(reverse("delegates:home")).status_code == 403
    assert (
        staff_client.get(reverse("delegates:session", args=[council_session.pk])).status_code == 403
    )


def test_staff_of_another_council_cannot_make_logins_for_this_councils_term(
    term, other_council_session, delegate
):
    from tests.helpers import council_client

    other = council_client(other_council_session.term.council, "canbo-ben-canh")
    assert other.post(reverse("delegates:accounts_create", args=[term.pk])).status_code == 404
    assert other.post(reverse("delegates:account_link", args=[delegate.pk])).status_code == 404
    assert not UserProfile.objects.filter(delegate=delegate).exists()
