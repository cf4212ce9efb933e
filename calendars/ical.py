"""A feed's events written as iCalendar (RFC 5545) by the icalendar library: one VEVENT per
item, timed items in Asia/Ho_Chi_Minh with its VTIMEZONE, the calendar named for the apps that
read X-WR-CALNAME (Google, Apple, Outlook) and for those that read NAME (RFC 7986)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event
from icalendar.prop import vDuration

from calendars.selectors import FeedEvent

PRODID = "-//Van phong HDND//Lich HDND//VI"
# How often a calendar app should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL): the
# apps mostly choose for themselves, but those that read it need not poll more often.
REFRESH = dt.timedelta(hours=6)


def feed_ical(*, name: str, uid: str, description: str, events: Iterable[FeedEvent]) -> bytes:
    calendar = Calendar.new(
        name=name,
        description=description,
        prodid=PRODID,
        uid=uid,  # fixed, not the library's random one: the same rows give the same bytes
        refresh_interval=REFRESH,
    )
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    calendar.add("x-published-ttl", vDuration(REFRESH))
    for item in events:
        calendar.add_component(_event(item))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(item: FeedEvent) -> Event:
    stamp = item.stamp.astimezone(dt.UTC)
    return Event.new(
        uid=item.uid,
        summary=item.summary,
        start=item.start,
        end=item.end,
        stamp=stamp,
        last_modified=stamp,
        location=item.location or None,
        description=item.description or None,
        url=item.url or None,
        categories=[item.category] if item.category else (),
    )
