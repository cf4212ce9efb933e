"""«Lịch của tôi»: each login sees the feeds it may have, copies their URLs, issues a new key
(the old one stops working) or revokes it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.services import user_create_with_role
from calendars.models import CalendarToken
from core.roles import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

MINE = "calendars:mine"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(reverse(MINE))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_staff_see_the_public_feed_and_may_create_the_internal_one(world, staff):
    client = _client(staff)
    page = client.get(reverse(MINE))
    assert page.status_code == 200
    text = page.content.decode()
    public = f"http://testserver/lich/{world.council.pk}/cong-khai.ics"
    assert public in text
    assert f"webcal://testserver/lich/{world.council.pk}/cong-khai.ics" in text
    assert f"{public}?loai=ky-hop" in text
    assert "Lịch nội bộ" in text and "Lịch của đại biểu" not in text
    assert "/lich/rieng/" not in text  # no key until asked for

    response = client.post(reverse(MINE), {"kind": "internal"}, follow=True)
    token = CalendarToken.objects.get(user=staff, kind="internal", revoked_at__isnull=True)
    assert f"/lich/rieng/{token.key}.ics" in response.content.decode()
    assert "Đã cấp đường dẫn mới" in response.content.decode()
    assert len(token.key) >= 43


def test_a_new_key_revokes_the_old_one(world, staff):
    client = _client(staff)
    client.post(reverse(MINE), {"kind": "internal"})
    old = CalendarToken.objects.get(user=staff, revoked_at__isnull=True)
    page = client.get(reverse(MINE)).content.decode()
    assert "data-confirm" in page  # the new key asks first: the old URL will stop working
    client.post(reverse(MINE), {"kind": "internal"})
    old.refresh_from_db()
    new = CalendarToken.objects.get(user=staff, revoked_at__isnull=True)
    assert old.revoked_at is not None and new.key != old.key
    anonymous = Client()
    assert (
        anonymous.get(reverse("calendars:internal", kwargs={"token": old.key})).status_code == 404
    )
    assert (
        anonymous.get(reverse("calendars:internal", kwargs={"token": new.key})).status_code == 200
    )


def test_a_key_is_revoked_without_a_new_one(world, staff):
    client = _client(staff)
    client.post(reverse(MINE), {"kind": "internal"})
    response = client.post(reverse(MINE), {"kind": "internal", "action": "revoke"}, follow=True)
    assert "Đã thu hồi" in response.content.decode()
    assert not CalendarToken.objects.filter(user=staff, revoked_at__isnull=True).exists()


@pytest.mark.parametrize("role", [Role.LEADER, Role.COMMITTEE_MEMBER, Role.ADMIN])
def test_every_secretariat_role_may_have_the_internal_feed(world, role, committee):
    from tests.conftest import otp_verify_session

    user = user_create_with_role(
        username=f"u-{role.name}", password=PASSWORD, role=role, committee=committee
    )
    client = _client(user)
    otp_verify_session(client, user)
    client.post(reverse(MINE), {"kind": "internal"})
    assert CalendarToken.objects.filter(user=user, kind="internal").exists()


def test_a_delegate_has_the_delegate_feed_and_not_the_internal_one(world, delegate_user):
    client = _client(delegate_user)
    page = client.get(reverse(MINE)).content.decode()
    assert "Lịch của đại biểu" in page and "Lịch nội bộ" not in page
    assert f"/lich/{world.council.pk}/cong-khai.ics" in page
    assert client.post(reverse(MINE), {"kind": "internal"}).status_code == 403
    assert not CalendarToken.objects.filter(user=delegate_user).exists()
    client.post(reverse(MINE), {"kind": "delegate"})
    token = CalendarToken.objects.get(user=delegate_user, kind="delegate")
    assert f"/lich/dai-bieu/{token.key}.ics" in client.get(reverse(MINE)).content.decode()


def test_an_unknown_kind_is_refused_with_a_message(world, staff):
    response = _client(staff).post(reverse(MINE), {"kind": "ca-nhan"}, follow=True)
    assert "Không rõ lịch" in response.content.decode()
    assert not CalendarToken.objects.exists()


def test_the_user_menu_links_the_page(world, staff):
    page = _client(staff).get(reverse("notifications:list")).content.decode()
    assert f'href="{reverse(MINE)}"' in page


def test_the_page_shows_when_the_feed_was_last_fetched(world, staff):
    client = _client(staff)
    client.post(reverse(MINE), {"kind": "internal"})
    assert "Chưa có ứng dụng lịch nào tải" in client.get(reverse(MINE)).content.decode()
    token = CalendarToken.objects.get(user=staff)
    Client().get(reverse("calendars:internal", kwargs={"token": token.key}))
    assert "tải lần cuối lúc" in client.get(reverse(MINE)).content.decode()


def test_an_administrator_sees_whose_feeds_are_open_and_revokes_one_without_seeing_its_key(
    world, staff, admin_client_
):
    from calendars.services import calendar_token_issue

    token = calendar_token_issue(user=staff, kind="internal")
    listing = admin_client_.get("/quan-tri/calendars/calendartoken/").content.decode()
    assert staff.username in listing and token.key not in listing
    page = admin_client_.get(f"/quan-tri/calendars/calendartoken/{token.pk}/change/")
    assert page.status_code == 200 and token.key not in page.content.decode()
    assert admin_client_.get("/quan-tri/calendars/calendartoken/add/").status_code == 403
    response = admin_client_.post(
        "/quan-tri/calendars/calendartoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
        follow=True,
    )
    assert "Đã thu hồi 1 mã lịch riêng." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    feed = reverse("calendars:internal", kwargs={"token": token.key})
    assert Client().get(feed).status_code == 404
