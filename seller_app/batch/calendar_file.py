"""One .ics for the whole run, streamed: the workers send each case's events as iCalendar text
(`RowResult.calendar_events`, built by `seller_app.documents.calendar.build_calendar`, so UIDs
are the same as a single case's export and calendar apps update rather than duplicate them);
this writer appends them to a file between one header and one Asia/Shanghai VTIMEZONE, so memory
does not grow with the row count. Written beside and renamed at the end, cancelled runs included.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import IO

from icalendar import Calendar

from ..documents.calendar import PRODID, shanghai_timezone
from .claim import RowResult

CALENDAR_FILE = "claims.ics"


class CombinedCalendar:
    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self.events = 0
        self._part = path.with_name(path.name + ".part")
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> CombinedCalendar:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        header = Calendar()
        header.add("prodid", PRODID)
        header.add("version", "2.0")
        header.add("calscale", "GREGORIAN")
        header.add("method", "PUBLISH")
        header.add("x-wr-calname", self.name)
        header.add("x-wr-timezone", "Asia/Shanghai")
        text = bytes(header.to_ical())
        self._handle = self._part.open("wb")
        self._handle.write(text[: text.rindex(b"END:VCALENDAR")])
        return self

    def add(self, result: RowResult) -> None:
        assert self._handle is not None
        if result.calendar_events:
            self._handle.write(result.calendar_events)
            self.events += result.calendar_events.count(b"BEGIN:VEVENT")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._handle is not None
        if self.events:
            self._handle.write(bytes(shanghai_timezone().to_ical()))
        self._handle.write(b"END:VCALENDAR\r\n")
        self._handle.close()
        self._part.replace(self.path)
