"""Reading a feed back with two client libraries: vobject (what many calendar tools use) and
icalendar. Both must parse it, and both must see the same events."""

from __future__ import annotations

import datetime as dt

import icalendar
import vobject


def parse(body: bytes) -> dict[str, dict]:
    """Every VEVENT by UID: summary, start, end, location, url, description (as vobject reads
    them), after checking icalendar reads the same UIDs and starts."""
    text = body.decode("utf-8")
    calendar = vobject.readOne(text)
    events = {}
    for vevent in calendar.contents.get("vevent", []):
        events[vevent.uid.value] = {
            "summary": vevent.summary.value,
            "start": vevent.dtstart.value,
            "end": vevent.dtend.value if hasattr(vevent, "dtend") else None,
            "location": vevent.location.value if hasattr(vevent, "location") else "",
            "url": vevent.url.value if hasattr(vevent, "url") else "",
            "description": vevent.description.value if hasattr(vevent, "description") else "",
            "stamp": vevent.dtstamp.value,
        }
    again = icalendar.Calendar.from_ical(body)
    assert {str(e["UID"]): e.decoded("DTSTART") for e in again.walk("VEVENT")} == {
        uid: event["start"] for uid, event in events.items()
    }
    return events


def calendar_properties(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


def is_whole_day(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
