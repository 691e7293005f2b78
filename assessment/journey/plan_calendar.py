"""The check-in dates as an iCalendar file (RFC 5545), made with the `icalendar` library.

Reminders without identity: no name, no email, no link, no resume code, only all-day events on
the suggested dates. Each event's UID is a one-way hash of the assessment key and the date, so
downloading the file again updates the same events instead of adding copies, and the UID says
nothing about the person.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event


def check_in_calendar(dates: list[dt.date], key: str, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//PainMap//Check-ins//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("PainMap check-ins"))
    stamp = timezone.now()
    for n, day in enumerate(dates, start=1):
        event = Event()
        event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, f'{host}/{key}/{day}')}@painmap")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", _("PainMap check-in %(n)s") % {"n": n})
        event.add(
            "description",
            _(
                "Time for your weekly PainMap check-in. Open PainMap and use your resume code "
                "to continue."
            ),
        )
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("PainMap check-in"))
        alarm.add("trigger", dt.timedelta(hours=9))  # 09:00 on the day
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
