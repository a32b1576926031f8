"""Reads an iCalendar file with Python's icalendar (Debian's python3-icalendar, the library pretalx, Indico and the
original Open Event Server use) and prints what it understood of every VEVENT as JSON: UID, start and end as
POSIX seconds (so the TZID and VTIMEZONE resolution is checked), STATUS, SEQUENCE and SUMMARY."""
import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar


def seconds(value):
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise SystemExit("not a date-time: %r" % (value,))
    if value.tzinfo is None:
        raise SystemExit("floating date-time: %r" % (value,))
    return int(value.astimezone(timezone.utc).timestamp())


with open(sys.argv[1], "rb") as source:
    calendar = Calendar.from_ical(source.read())
if calendar.errors:
    raise SystemExit("parse errors: %r" % (calendar.errors,))
events = []
for component in calendar.walk("VEVENT"):
    if component.errors:
        raise SystemExit("parse errors in %s: %r" % (component.get("UID"), component.errors))
    end = component.get("DTEND")
    events.append({
        "uid": str(component.get("UID")),
        "start": seconds(component.decoded("DTSTART")),
        "end": seconds(component.decoded("DTEND")) if end is not None else None,
        "status": str(component.get("STATUS")) if component.get("STATUS") is not None else None,
        "sequence": int(component.get("SEQUENCE", 0)),
        "summary": str(component.get("SUMMARY")),
    })
print(json.dumps({"name": str(calendar.get("X-WR-CALNAME")), "events": events}))
