"""What each calendar feed holds, as a list of FeedEvent: the public feed reads the publication
rules where they live (sessions.selectors.sessions_public, voters.selectors.voter_meetings_public,
voters.selectors.reception_schedule_public); the internal and the delegate's feeds add the
council's internal items. No feed names a citizen: the rows read here are officials' meetings
and schedules, never petitions, letters or reception visits.

Each kind of item is one query (the voter meetings' delegates one more), however many items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from calendars.models import CalendarToken
from core.scoping import of_council
from council.models import Council, Delegate
from oversight.models import OversightActivity, OversightRecommendation
from sessions.models import Session
from sessions.selectors import sessions_public
from standing.models import StandingMeeting
from voters.models import ReceptionSchedule, VoterMeeting
from voters.selectors import reception_schedule_public, voter_meetings_public

# The kinds of the public feed, as ?loai= names them.
SESSIONS = "ky-hop"
VOTER_MEETINGS = "tiep-xuc-cu-tri"
RECEPTION = "tiep-cong-dan"
PUBLIC_KINDS = (SESSIONS, VOTER_MEETINGS, RECEPTION)

# The URL of a session's page on the public portal, from the council's and the session's ids.
SessionUrl = Callable[[int, int], str]


@dataclass(frozen=True)
class FeedEvent:
    """One VEVENT. `start` and `end` are dates for a whole-day item (`end` the day after the
    last, as iCalendar counts), aware datetimes for a timed one (`end` None: no end given)."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    stamp: dt.datetime  # the row's updated_at: DTSTAMP and LAST-MODIFIED
    location: str = ""
    description: str = ""
    url: str = ""
    category: str = ""


def feed_since(today: dt.date | None = None) -> dt.date:
    """The first day a feed reaches back to (CALENDAR_FEED_PAST_DAYS, two years by default):
    older items only weigh on every calendar app's every refresh; future ones are all there."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=settings.CALENDAR_FEED_PAST_DAYS)


def token_active(*, key: str, kind: str) -> CalendarToken | None:
    """The unrevoked key `key` of `kind` with its active owner (None: unknown, revoked, or its
    owner's login switched off)."""
    return (
        CalendarToken.objects.select_related("user")
        .filter(key=key, kind=kind, revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def tokens_active(*, user) -> dict[str, CalendarToken]:
    """The user's unrevoked keys by kind."""
    return {t.kind: t for t in CalendarToken.objects.filter(user=user, revoked_at__isnull=True)}


# --- Feeds ---------------------------------------------------------------------------------


def public_feed_events(
    *, council: Council, kinds: Iterable[str], since: dt.date, session_url: SessionUrl
) -> list[FeedEvent]:
    kinds = set(kinds)
    events: list[FeedEvent] = []
    if SESSIONS in kinds:
        events += session_events(sessions_public(council=council), since, session_url)
    if VOTER_MEETINGS in kinds:
        events += voter_meeting_events(voter_meetings_public(council=council), since)
    if RECEPTION in kinds:
        events += reception_slot_events(reception_schedule_public(council=council), since)
    return _in_order(events)


def internal_feed_events(
    *, council: Council, since: dt.date, session_url: SessionUrl
) -> list[FeedEvent]:
    """Everything of the council: the public items, every reception slot (published or not),
    the Thường trực's meetings, oversight activities, the deadlines of open recommendations and
    the closing of the sessions' question registration."""
    sessions = list(_sessions_since(sessions_public(council=council), since))
    return _in_order(
        session_events(sessions, since, session_url)
        + question_registration_events(sessions, since, session_url)
        + voter_meeting_events(voter_meetings_public(council=council), since)
        + reception_slot_events(of_council(ReceptionSchedule.objects.all(), council), since)
        + standing_meeting_events(of_council(StandingMeeting.objects.all(), council), since)
        + oversight_activity_events(of_council(OversightActivity.objects.all(), council), since)
        + recommendation_deadline_events(
            of_council(OversightRecommendation.objects.all(), council), since
        )
    )


def delegate_feed_events(
    *, delegate: Delegate, since: dt.date, session_url: SessionUrl
) -> list[FeedEvent]:
    """A delegate's own calendar: the sessions of their term and their question registration's
    closing, the voter meetings they or their group hold, the reception slots they host, the
    Thường trực meetings they attend or chair and the oversight teams they are on."""
    sessions = list(_sessions_since(Session.objects.filter(term=delegate.term_id), since))
    meetings = VoterMeeting.objects.filter(
        pk__in=VoterMeeting.delegates.through.objects.filter(delegate=delegate).values(
            "votermeeting"
        )
    )
    if delegate.delegate_group_id is not None:
        meetings = VoterMeeting.objects.filter(
            Q(pk__in=meetings.values("pk")) | Q(delegate_group=delegate.delegate_group_id)
        )
    members = StandingMeeting.members.through.objects.filter(delegate=delegate)
    teams = OversightActivity.members.through.objects.filter(delegate=delegate)
    return _in_order(
        session_events(sessions, since, session_url)
        + question_registration_events(sessions, since, session_url)
        + voter_meeting_events(meetings.filter(term=delegate.term_id), since)
        + reception_slot_events(ReceptionSchedule.objects.filter(host_delegate=delegate), since)
        + standing_meeting_events(
            StandingMeeting.objects.filter(
                Q(pk__in=members.values("standingmeeting")) | Q(chaired_by=delegate)
            ),
            since,
        )
        + oversight_activity_events(
            OversightActivity.objects.filter(pk__in=teams.values("oversightactivity")), since
        )
    )


def _in_order(events: list[FeedEvent]) -> list[FeedEvent]:
    """By start, then uid: the same rows give the same bytes (the feed's ETag)."""
    return sorted(events, key=lambda e: (_as_datetime(e.start), e.uid))


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time.min, tzinfo=timezone.get_default_timezone())


def _uid(kind: str, pk: int, council_id: int) -> str:
    """Stable across fetches and feeds: a calendar app updates the event instead of adding
    another, and the same session in the public and the internal feed is one event."""
    return f"{kind}-{pk}@{council_id}.hdnd"


def _local(day: dt.date, at: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, at, tzinfo=timezone.get_default_timezone())


def _lines(*pairs: tuple[str, str]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs if value)


# --- Items ---------------------------------------------------------------------------------


def _sessions_since(qs: QuerySet[Session], since: dt.date) -> QuerySet[Session]:
    return qs.filter(end_date__gte=since).select_related("term__council").order_by("start_date")


def session_events(
    sessions: QuerySet[Session] | list[Session], since: dt.date, session_url: SessionUrl
) -> list[FeedEvent]:
    if isinstance(sessions, QuerySet):
        sessions = _sessions_since(sessions, since)
    events = []
    for session in sessions:
        council = session.term.council
        events.append(
            FeedEvent(
                uid=_uid("session", session.pk, council.pk),
                summary=_("Kỳ họp thứ %(number)s (%(kind)s) %(council)s khóa %(term)s")
                % {
                    "number": session.number,
                    "kind": session.kind_label,
                    "council": council.short_name or council.name,
                    "term": session.term.roman,
                },
                start=session.start_date,
                end=session.end_date + dt.timedelta(days=1),
                stamp=session.updated_at,
                location=session.venue,
                description=_lines((_("Hình thức"), session.get_format_display())),
                url=session_url(council.pk, session.pk),
                category=_("Kỳ họp"),
            )
        )
    return events


def question_registration_events(
    sessions: list[Session], since: dt.date, session_url: SessionUrl
) -> list[FeedEvent]:
    """The moment the delegates' registration of questions for a session closes."""
    events = []
    for session in sessions:
        closes = session.question_registration_closes
        if closes is None or timezone.localdate(closes) < since:
            continue
        council = session.term.council
        events.append(
            FeedEvent(
                uid=_uid("question-registration", session.pk, council.pk),
                summary=_("Hết hạn đăng ký chất vấn tại Kỳ họp thứ %(number)s")
                % {"number": session.number},
                start=timezone.localtime(closes, timezone.get_default_timezone()),
                end=None,
                stamp=session.updated_at,
                url=session_url(council.pk, session.pk),
                category=_("Chất vấn"),
            )
        )
    return events


def voter_meeting_events(qs: QuerySet[VoterMeeting], since: dt.date) -> list[FeedEvent]:
    """Date, place, topic and the delegates: never the minutes or the voters' count."""
    rows = (
        qs.filter(date__gte=since)
        .select_related("term", "location_unit", "delegate_group")
        .prefetch_related(Prefetch("delegates", queryset=Delegate.objects.only("pk", "full_name")))
        .order_by("date", "pk")
    )
    events = []
    for meeting in rows:
        place = meeting.location_unit.name
        events.append(
            FeedEvent(
                uid=_uid("voter-meeting", meeting.pk, meeting.term.council_id),
                summary=_("Tiếp xúc cử tri (%(timing)s): %(place)s")
                % {"timing": meeting.get_timing_display().lower(), "place": place},
                start=meeting.date,
                end=meeting.date + dt.timedelta(days=1),
                stamp=meeting.updated_at,
                location=", ".join(p for p in (meeting.venue, place) if p),
                description=_lines(
                    (_("Nội dung"), meeting.topic),
                    (_("Tổ đại biểu"), str(meeting.delegate_group or "")),
                    (_("Đại biểu"), ", ".join(d.full_name for d in meeting.delegates.all())),
                ),
                category=_("Tiếp xúc cử tri"),
            )
        )
    return events


def reception_slot_events(qs: QuerySet[ReceptionSchedule], since: dt.date) -> list[FeedEvent]:
    """The officials' slots of the reception schedule: who receives, when, where. The slot's
    note and the reception held (its visitors) stay out."""
    events = []
    for slot in qs.filter(date__gte=since).order_by("date", "start_time", "pk"):
        events.append(
            FeedEvent(
                uid=_uid("reception", slot.pk, slot.council_id),
                summary=_("Tiếp công dân: %(host)s") % {"host": slot.host},
                start=_local(slot.date, slot.start_time),
                end=_local(slot.date, slot.end_time) if slot.end_time else None,
                stamp=slot.updated_at,
                location=slot.location,
                description=_lines((_("Chủ trì"), slot.get_host_kind_display())),
                category=_("Tiếp công dân"),
            )
        )
    return events


def standing_meeting_events(qs: QuerySet[StandingMeeting], since: dt.date) -> list[FeedEvent]:
    events = []
    for meeting in qs.filter(date__gte=since).select_related("term").order_by("date", "pk"):
        whole_day = meeting.time is None
        events.append(
            FeedEvent(
                uid=_uid("standing-meeting", meeting.pk, meeting.term.council_id),
                summary=_("Thường trực HĐND: %(meeting)s") % {"meeting": meeting},
                start=meeting.date if whole_day else _local(meeting.date, meeting.time),
                end=meeting.date + dt.timedelta(days=1) if whole_day else None,
                stamp=meeting.updated_at,
                location=meeting.place,
                description=_lines((_("Loại phiên họp"), meeting.get_kind_display())),
                category=_("Thường trực HĐND"),
            )
        )
    return events


def oversight_activity_events(qs: QuerySet[OversightActivity], since: dt.date) -> list[FeedEvent]:
    rows = (
        qs.filter(Q(end_date__gte=since) | Q(end_date__isnull=True, start_date__gte=since))
        .select_related("term", "committee")
        .order_by("start_date", "pk")
    )
    events = []
    for activity in rows:
        last = activity.end_date or activity.start_date
        events.append(
            FeedEvent(
                uid=_uid("oversight", activity.pk, activity.term.council_id),
                summary=f"{activity.get_kind_display()}: {activity.topic}",
                start=activity.start_date,
                end=last + dt.timedelta(days=1),
                stamp=activity.updated_at,
                description=_lines(
                    (_("Chủ thể giám sát"), activity.get_actor_display()),
                    (_("Ban"), str(activity.committee or "")),
                    (_("Số kế hoạch"), activity.plan_number),
                ),
                category=_("Giám sát"),
            )
        )
    return events


def recommendation_deadline_events(
    qs: QuerySet[OversightRecommendation], since: dt.date
) -> list[FeedEvent]:
    """The deadline of each recommendation not done yet (done is the only state that closes
    one, as oversight.selectors.overdue_q counts them)."""
    rows = (
        qs.filter(deadline__gte=since)
        .exclude(status=OversightRecommendation.Status.DONE)
        .select_related("activity__term", "addressee")
        .order_by("deadline", "pk")
    )
    events = []
    for recommendation in rows:
        events.append(
            FeedEvent(
                uid=_uid(
                    "recommendation", recommendation.pk, recommendation.activity.term.council_id
                ),
                summary=_("Hạn thực hiện kiến nghị: %(addressee)s")
                % {"addressee": recommendation.addressee},
                start=recommendation.deadline,
                end=recommendation.deadline + dt.timedelta(days=1),
                stamp=recommendation.updated_at,
                description=_lines(
                    (_("Kiến nghị"), recommendation.content),
                    (_("Hoạt động giám sát"), recommendation.activity.topic),
                    (_("Tình trạng"), recommendation.get_status_display()),
                ),
                category=_("Kiến nghị sau giám sát"),
            )
        )
    return events
