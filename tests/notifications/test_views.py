"""The notification centre's pages: the bell's count in one query, the list unread first with
its filter and pages, mark as read, a user's own lines only, the choices per rule and channel."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from notifications.models import Channel, Notification, NotificationPreference
from notifications.selectors import unread_count
from notifications.services import reminders_scan

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2019, 6, 14)


@pytest.fixture
def lines(rule, staff, other_staff, make_recommendation):
    for n in range(3):
        make_recommendation(deadline=DEADLINE, content=f"Kiến nghị thứ {n + 1} về đất đai")
    reminders_scan(today=DEADLINE)
    return list(Notification.objects.filter(user=staff).order_by("pk"))


def test_the_bell_costs_the_page_no_query_and_its_count_one(
    client, staff, lines, django_assert_num_queries
):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = staff
    with django_assert_num_queries(0):
        html = Template("{% include 'notifications/_bell.html' %}").render(
            Context({"request": request})
        )
    assert f'hx-get="{reverse("notifications:bell")}"' in html
    with django_assert_num_queries(1):
        html = Template("{% include 'notifications/_bell_count.html' %}").render(
            Context({"request": request})
        )
    assert 'data-unread="3"' in html
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert 'id="notification-bell"' in page and reverse("notifications:list") in page
    fragment = client.get(reverse("notifications:bell"), HTTP_HX_REQUEST="true")
    assert 'data-unread="3"' in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_the_list_shows_only_the_users_own_lines_unread_first(client, staff, other_staff, lines):
    Notification.objects.filter(pk=lines[0].pk).update(
        read_at=dt.datetime(2019, 6, 14, tzinfo=dt.UTC)
    )
    client.force_login(staff)
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 200
    shown = [n.pk for n in response.context["page_obj"].object_list]
    assert shown == [lines[2].pk, lines[1].pk, lines[0].pk]
    assert not set(shown) & set(
        Notification.objects.filter(user=other_staff).values_list("pk", flat=True)
    )
    unread = client.get(reverse("notifications:list"), {"trang_thai": "unread"})
    assert [n.pk for n in unread.context["page_obj"].object_list] == [lines[2].pk, lines[1].pk]
    read = client.get(reverse("notifications:list"), {"trang_thai": "read", "page": "x"})
    assert [n.pk for n in read.context["page_obj"].object_list] == [lines[0].pk]
    assert "Thông báo" in response.content.decode()


def test_mark_one_and_all_as_read_by_post(client, staff, lines):
    client.force_login(staff)
    assert client.get(reverse("notifications:read")).status_code == 405
    response = client.post(reverse("notifications:open"), {"id": lines[0].pk})
    assert response.status_code == 302 and response.url == lines[0].url
    assert unread_count(user=staff) == 2
    response = client.post(
        reverse("notifications:read"), {"id": lines[1].pk, "next": "https://evil.example/"}
    )
    assert response.url == reverse("notifications:list")
    assert unread_count(user=staff) == 1
    client.post(reverse("notifications:read_all"))
    assert unread_count(user=staff) == 0


def test_another_users_line_is_not_found(client, other_staff, lines):
    client.force_login(other_staff)
    assert client.post(reverse("notifications:read"), {"id": lines[0].pk}).status_code == 404
    assert client.post(reverse("notifications:open"), {"id": lines[0].pk}).status_code == 404
    assert client.post(reverse("notifications:open"), {"id": "x"}).status_code == 302
    assert Notification.objects.get(pk=lines[0].pk).read_at is None


def test_preferences_are_kept_per_rule_and_channel(client, staff, rule):
    client.force_login(staff)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'name="pref-{rule.pk}-email"' in html and "Thư điện tử" in html
    # The boxes as shown (the rules' defaults), but the recommendations' mail unticked.
    data = {
        channel["name"]: "on"
        for row in page.context["rows"]
        for channel in row["channels"]
        if channel["enabled"]
    }
    del data[f"pref-{rule.pk}-email"]
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    # Only the choice that differs from the rule's default is stored.
    assert list(NotificationPreference.objects.values_list("rule", "channel", "enabled")) == [
        (rule.pk, Channel.EMAIL, False)
    ]
    client.post(reverse("notifications:preferences"), {**data, f"pref-{rule.pk}-email": "on"})
    assert not NotificationPreference.objects.exists()


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "/dang-nhap/" in response.url


@pytest.mark.parametrize("role", ["leader", "staff", "committee", "admin", "delegate"])
def test_every_role_has_its_own_notification_centre(role, rule, term, committee):
    """What the permission matrix says of these URLs (every login, its own lines): each page
    answers each role, GET or, for the actions, an empty POST, without error or refusal."""
    from django.test import Client

    from accounts.services import user_create_with_role
    from core.roles import Role
    from council.models import Delegate
    from tests.conftest import PASSWORD, otp_verify_session
    from tests.delegates.conftest import delegate_login

    if role == "delegate":
        user, client = delegate_login(
            Delegate.objects.create(term=term, full_name="Hoàng Thị Đại Biểu", birth_year=1975)
        )
    else:
        roles = {
            "leader": Role.LEADER,
            "staff": Role.STAFF,
            "committee": Role.COMMITTEE_MEMBER,
            "admin": Role.ADMIN,
        }
        user = user_create_with_role(
            username=f"m-{role}", password=PASSWORD, role=roles[role], committee=committee
        )
        client = Client()
        client.force_login(user)
        if role == "admin":
            otp_verify_session(client, user)
    for name in ("list", "preferences", "bell"):
        response = client.get(reverse(f"notifications:{name}"))
        assert response.status_code == 200, (role, name)
    for name in ("open", "read", "read_all", "preferences"):
        response = client.post(reverse(f"notifications:{name}"), {})
        assert response.status_code == 302, (role, name, response.status_code)
        assert not response.url.startswith(reverse("login"))
