"""The feeds read back by two client libraries (vobject and icalendar): the expected events
with their dates, times and time zone, nothing of another council, no citizen's data, the
private feeds behind their keys, 304 for a current copy, and a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from calendars.models import CalendarToken
from calendars.services import calendar_token_issue, calendar_token_revoke
from core.roles import Role
from core.services import record_delete, record_save
from tests.calendars.conftest import (
    CITIZEN_NAME,
    CITIZEN_PHONE,
    SENDER_NAME,
    SENDER_PHONE,
    VISITORS,
    days,
)
from tests.calendars.helpers import calendar_properties, is_whole_day, parse

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
PERSONAL = (CITIZEN_NAME, CITIZEN_PHONE, SENDER_NAME, SENDER_PHONE, VISITORS, "Thôn Tây")


def _public(client, world, **query):
    url = reverse("calendars:public", kwargs={"council_id": world.council.pk})
    return client.get(url, query)


def _internal_url(token: CalendarToken) -> str:
    return reverse("calendars:internal", kwargs={"token": token.key})


def _delegate_url(token: CalendarToken) -> str:
    return reverse("calendars:delegate", kwargs={"token": token.key})


def uid(kind: str, obj, world) -> str:
    return f"{kind}-{obj.pk}@{world.council.pk}.hdnd"


def _assert_no_personal_data(body: bytes) -> None:
    text = body.decode()
    for value in (*PERSONAL, "98765", "Ghi chú nội bộ"):
        assert value not in text


# --- The public feed -------------------------------------------------------------------------


def test_the_public_feed_has_the_council_s_sessions_voter_meetings_and_published_slots(
    client, world, other_world
):
    response = _public(client, world)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'inline; filename="hdnd-{world.council.pk}-cong-khai.ics"'
    )
    events = parse(response.content)
    assert set(events) == {
        uid("session", world.session, world),
        uid("voter-meeting", world.meeting_of_delegate, world),
        uid("voter-meeting", world.meeting_of_group, world),
        uid("voter-meeting", world.meeting_of_colleague, world),
        uid("reception", world.slot_published, world),
        uid("reception", world.slot_of_delegate, world),
        # Held five days ago: its reception's citizens are not in the feed.
        uid("reception", world.slot_held, world),
    }
    _assert_no_personal_data(response.content)
    assert "Bên Cạnh" not in response.content.decode()


def test_a_session_is_a_whole_day_event_from_its_opening_to_its_closing_day(client, world):
    events = parse(_public(client, world).content)
    session = events[uid("session", world.session, world)]
    assert session["summary"] == "Kỳ họp thứ 5 (chuyên đề) HĐND tỉnh Thử Nghiệm khóa XVII"
    assert is_whole_day(session["start"]) and session["start"] == days(20)
    assert session["end"] == days(23)  # DTEND is the day after the closing day
    assert session["location"] == "Hội trường tầng 3"
    assert session["url"] == (
        f"http://testserver/cong-khai/{world.council.pk}/ky-hop/{world.session.pk}/"
    )
    assert session["stamp"] == world.session.updated_at.replace(microsecond=0)


def test_the_session_url_opens_the_portal_s_session_page(client, world):
    events = parse(_public(client, world).content)
    url = events[uid("session", world.session, world)]["url"]
    page = client.get(url.removeprefix("http://testserver"))
    assert page.status_code == 200
    assert "Kỳ họp thứ 5" in page.content.decode()


def test_a_reception_slot_is_timed_in_ho_chi_minh_city(client, world):
    response = _public(client, world)
    slot = parse(response.content)[uid("reception", world.slot_published, world)]
    assert slot["start"] == dt.datetime.combine(days(5), dt.time(8, 0), tzinfo=HCM)
    assert slot["end"] == dt.datetime.combine(days(5), dt.time(11, 30), tzinfo=HCM)
    assert slot["start"].utcoffset() == dt.timedelta(hours=7)
    assert slot["summary"] == "Tiếp công dân: Chủ tịch HĐND"
    assert slot["location"] == "Trụ sở tiếp công dân"
    text = response.content.decode()
    assert f"DTSTART;TZID=Asia/Ho_Chi_Minh:{days(5):%Y%m%d}T080000" in text
    calendar = calendar_properties(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert calendar["X-WR-TIMEZONE"] == "Asia/Ho_Chi_Minh"
    assert calendar["X-WR-CALNAME"] == "Lịch công khai HĐND tỉnh Thử Nghiệm"
    assert str(calendar["PRODID"]).startswith("-//")


def test_a_voter_meeting_shows_its_place_topic_and_delegates_not_its_minutes(client, world):
    meeting = parse(_public(client, world).content)[
        uid("voter-meeting", world.meeting_of_delegate, world)
    ]
    assert meeting["start"] == days(10) and meeting["end"] == days(11)
    assert meeting["summary"] == "Tiếp xúc cử tri (trước kỳ họp): Xã Tiếp Xúc"
    assert meeting["location"] == "Nhà văn hóa thôn Đông, Xã Tiếp Xúc"
    assert "Chuẩn bị kỳ họp thứ năm" in meeting["description"]
    assert "Nguyễn Thị Đại Biểu" in meeting["description"]
    assert "98765" not in meeting["description"]  # the voters' count


def test_an_unpublished_slot_is_not_in_the_public_feed(client, world):
    events = parse(_public(client, world).content)
    assert uid("reception", world.slot_unpublished, world) not in events


def test_items_older_than_two_years_are_left_out_and_the_feed_says_so(client, world):
    response = _public(client, world)
    assert uid("session", world.old_session, world) not in parse(response.content)
    since = timezone.localdate() - dt.timedelta(days=730)
    assert f"từ ngày {since:%d/%m/%Y}" in str(calendar_properties(response.content)["X-WR-CALDESC"])


def test_the_public_feed_is_filtered_by_kind(client, world):
    sessions = parse(_public(client, world, loai="ky-hop").content)
    assert set(sessions) == {uid("session", world.session, world)}
    both = parse(_public(client, world, loai="ky-hop,tiep-xuc-cu-tri").content)
    assert uid("session", world.session, world) in both
    assert uid("reception", world.slot_published, world) not in both
    assert uid("voter-meeting", world.meeting_of_group, world) in both
    assert _public(client, world, loai="thuong-truc").status_code == 404


def test_a_cancelled_item_disappears_from_the_feed(client, world):
    record_delete(instance=world.slot_published)
    events = parse(_public(client, world).content)
    assert uid("reception", world.slot_published, world) not in events


def test_the_public_feed_of_an_unknown_council_is_not_found(client, world):
    assert client.get(reverse("calendars:public", kwargs={"council_id": 9999})).status_code == 404


def test_the_public_feed_may_be_kept_by_shared_caches(client, world):
    response = _public(client, world)
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]


# --- Conditional requests --------------------------------------------------------------------


def test_a_current_copy_gets_304_by_its_etag_and_a_change_gets_the_new_feed(client, world):
    first = _public(client, world)
    etag = first["ETag"]
    assert etag.startswith('"') and first["Last-Modified"]
    url = reverse("calendars:public", kwargs={"council_id": world.council.pk})
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert "public" in not_modified["Cache-Control"]
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304

    world.slot_published.location = "Hội trường mới"
    record_save(instance=world.slot_published)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Hội trường mới" in changed.content.decode()


def test_a_removed_item_is_a_new_feed_even_for_if_modified_since(client, world):
    """Removing a row changes no row's updated_at: Last-Modified is when the body changed."""
    url = reverse("calendars:public", kwargs={"council_id": world.council.pk})
    first = client.get(url)
    record_delete(instance=world.slot_unpublished)  # not in the public feed: no change
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    record_delete(instance=world.slot_published)
    after = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]


# --- The internal feed -----------------------------------------------------------------------


def test_the_internal_feed_adds_the_council_s_internal_items(client, world, other_world, staff):
    token = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    response = client.get(_internal_url(token))
    assert response.status_code == 200
    events = parse(response.content)
    expected = {
        uid("session", world.session, world),
        uid("question-registration", world.session, world),
        uid("voter-meeting", world.meeting_of_delegate, world),
        uid("voter-meeting", world.meeting_of_group, world),
        uid("voter-meeting", world.meeting_of_colleague, world),
        uid("reception", world.slot_published, world),
        uid("reception", world.slot_unpublished, world),
        uid("reception", world.slot_of_delegate, world),
        uid("standing-meeting", world.standing_with_delegate, world),
        uid("standing-meeting", world.standing_without, world),
        uid("oversight", world.activity, world),
        uid("recommendation", world.open_recommendation, world),
    }
    assert expected <= set(events)
    assert uid("recommendation", world.done_recommendation, world) not in events
    assert uid("session", world.old_session, world) not in events
    assert all(key.endswith(f"@{world.council.pk}.hdnd") for key in events)
    _assert_no_personal_data(response.content)
    assert "Bên Cạnh" not in response.content.decode()
    assert response["Cache-Control"] in ("private, no-store", "no-store, private")

    closing = events[uid("question-registration", world.session, world)]
    assert closing["start"] == dt.datetime.combine(days(15), dt.time(17, 0), tzinfo=HCM)
    assert closing["summary"] == "Hết hạn đăng ký chất vấn tại Kỳ họp thứ 5"
    standing = events[uid("standing-meeting", world.standing_with_delegate, world)]
    assert standing["start"] == dt.datetime.combine(days(3), dt.time(14, 0), tzinfo=HCM)
    assert standing["summary"] == "Thường trực HĐND: Phiên họp tháng này"
    assert standing["location"] == "Phòng họp Thường trực"
    untimed = events[uid("standing-meeting", world.standing_without, world)]
    assert untimed["start"] == days(4) and untimed["end"] == days(5)
    activity = events[uid("oversight", world.activity, world)]
    assert (activity["start"], activity["end"]) == (days(30), days(34))
    deadline = events[uid("recommendation", world.open_recommendation, world)]
    assert deadline["start"] == days(60)
    assert "Hoàn thành cấp giấy chứng nhận" in deadline["description"]


def test_the_internal_feed_records_its_last_use(client, world, staff):
    token = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    assert token.last_used_at is None
    client.get(_internal_url(token))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_unknown_or_revoked_key_is_not_found(client, world, staff):
    old = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    assert client.get(_internal_url(old)).status_code == 200
    new = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    assert client.get(_internal_url(old)).status_code == 404
    assert client.get(_internal_url(new)).status_code == 200
    calendar_token_revoke(user=staff, kind=CalendarToken.Kind.INTERNAL)
    assert client.get(_internal_url(new)).status_code == 404
    unknown = reverse("calendars:internal", kwargs={"token": "x" * 43})
    assert client.get(unknown).status_code == 404
    # A delegate's key does not open the internal feed, nor the other way round.
    assert client.get(_delegate_url(new)).status_code == 404


def test_a_key_stops_working_when_its_owner_loses_the_role_or_the_login(client, world, staff):
    token = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    staff.groups.set([Group.objects.get_or_create(name=Role.DELEGATE.value)[0]])
    assert client.get(_internal_url(token)).status_code == 404
    staff.groups.set([Group.objects.get(name=Role.STAFF.value)])
    assert client.get(_internal_url(token)).status_code == 200
    staff.is_active = False
    staff.save(update_fields=["is_active"])
    assert client.get(_internal_url(token)).status_code == 404


def test_a_commune_s_staff_feed_is_the_commune_s(client, world, other_world):
    from accounts.services import user_create_with_role

    theirs = user_create_with_role(
        username="benkia", password="x-long-pass-1", role=Role.STAFF, council=other_world.council
    )
    token = calendar_token_issue(user=theirs, kind=CalendarToken.Kind.INTERNAL)
    events = parse(client.get(_internal_url(token)).content)
    assert uid("reception", other_world.slot_unpublished, other_world) in events
    assert all(key.endswith(f"@{other_world.council.pk}.hdnd") for key in events)


def test_the_private_feeds_answer_304_too(client, world, staff):
    token = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    first = client.get(_internal_url(token))
    again = client.get(_internal_url(token), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "no-store" in again["Cache-Control"]


# --- The delegate's feed ---------------------------------------------------------------------


def test_the_delegate_feed_holds_only_the_delegate_s_items(
    client, world, other_world, delegate_user
):
    token = calendar_token_issue(user=delegate_user, kind=CalendarToken.Kind.DELEGATE)
    response = client.get(_delegate_url(token))
    assert response.status_code == 200
    events = parse(response.content)
    assert set(events) == {
        uid("session", world.session, world),
        uid("question-registration", world.session, world),
        uid("voter-meeting", world.meeting_of_delegate, world),
        uid("voter-meeting", world.meeting_of_group, world),  # their Tổ đại biểu's
        uid("reception", world.slot_of_delegate, world),
        uid("standing-meeting", world.standing_with_delegate, world),
        uid("oversight", world.activity, world),
    }
    _assert_no_personal_data(response.content)
    name = str(calendar_properties(response.content)["X-WR-CALNAME"])
    assert name == "Lịch của đại biểu Nguyễn Thị Đại Biểu"
    assert "no-store" in response["Cache-Control"]


def test_a_delegate_chairing_a_standing_meeting_has_it(client, world, delegate_user):
    world.standing_without.chaired_by = world.delegate
    record_save(instance=world.standing_without)
    token = calendar_token_issue(user=delegate_user, kind=CalendarToken.Kind.DELEGATE)
    events = parse(client.get(_delegate_url(token)).content)
    assert uid("standing-meeting", world.standing_without, world) in events


def test_a_staff_member_has_no_delegate_feed(client, world, staff):
    token = CalendarToken.objects.create(user=staff, kind=CalendarToken.Kind.DELEGATE, key="k" * 43)
    assert client.get(_delegate_url(token)).status_code == 404


# --- Queries ---------------------------------------------------------------------------------


def _more_items(world, staff_user, n: int) -> None:
    """n more of each kind, with delegates on the voter meetings and standing meetings."""
    from sessions.models import Session
    from standing.models import StandingMeeting
    from standing.services import meeting_save
    from voters.models import ReceptionSchedule, VoterMeeting

    for i in range(n):
        Session.objects.create(
            term=world.term,
            number=10 + i,
            start_date=days(100 + i),
            end_date=days(101 + i),
            question_registration_closes=timezone.now() + dt.timedelta(days=90 + i),
        )
        meeting = record_save(
            instance=VoterMeeting(
                term=world.term,
                location_unit=world.meeting_of_group.location_unit,
                date=days(50 + i),
                timing=VoterMeeting.Timing.THEMATIC,
                delegate_group=world.group,
            )
        )
        meeting.delegates.set([world.delegate, world.colleague])
        record_save(
            instance=ReceptionSchedule(
                council=world.council,
                date=days(70 + i),
                start_time=dt.time(14, 0),
                host_kind=ReceptionSchedule.HostKind.DELEGATE,
                host=world.delegate.full_name,
                host_delegate=world.delegate,
                location="Trụ sở",
            )
        )
        meeting_save(
            meeting=StandingMeeting(term=world.term, date=days(80 + i)),
            members=[world.delegate, world.colleague],
        )


@pytest.mark.parametrize("extra", [0, 6])
def test_the_feeds_read_a_bounded_number_of_queries(
    client, world, staff, delegate_user, staff_user, extra, django_assert_max_num_queries
):
    _more_items(world, staff_user, extra)
    internal = calendar_token_issue(user=staff, kind=CalendarToken.Kind.INTERNAL)
    own = calendar_token_issue(user=delegate_user, kind=CalendarToken.Kind.DELEGATE)
    # The public feed: the council, then one query per kind (the voter meetings' delegates one
    # more). The private feeds add the key, the owner's roles and council (or delegate), the
    # internal kinds, and the key's last use.
    with django_assert_max_num_queries(5):
        assert _public(client, world).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(_internal_url(internal)).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(_delegate_url(own)).status_code == 200
