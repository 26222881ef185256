"""The follow-up schedule as an iCalendar (.ics) file that calendar apps import.

One VEVENT per deadline at its due time (Asia/Shanghai, with a VTIMEZONE), one VALARM per reminder
as a trigger relative to the start, and a UID derived from the case and the deadline kind: exporting
the same case again gives the same UIDs, so calendar apps update the events instead of adding
copies (RFC 5545 3.8.4.7; a later DTSTAMP marks the newer version).

As the case moves on (the claim sent, the courier answering, the money paid), deadlines are met:
an export then carries them as cancelled events (STATUS:CANCELLED, no alarms) under the same UIDs,
so a calendar that imported an earlier export drops or strikes them. SEQUENCE counts the case's
recorded events, so each later export is the newer revision. ``file_claim`` and ``claim_deadline``
are the same day before and after the claim is sent: they share one UID, and the event is retitled.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event, Timezone

from ..domain.case import SHANGHAI, Case
from ..domain.events import case_events
from ..domain.present import render_note
from ..domain.schedule import Deadline, deadline_detail, deadline_title
from ..domain.texts import Texts

PRODID = "-//seller-claims//理赔助手 follow-up schedule//ZH"
UID_DOMAIN = "seller-claims.local"
EVENT_LENGTH = timedelta(minutes=30)
NEW_FILE_MODE = 0o644
# Kinds that are one calendar event under another kind's UID (see the module docstring).
UID_KIND = {"file_claim": "claim_deadline"}


def case_key(case: Case) -> str:
    """What identifies a case across exports: its first tracking number and its order id."""
    return f"{case.tracking_numbers[0]}|{case.order_id or ''}"


def event_uid(case: Case, kind: str) -> str:
    """Stable per case and kind: ``SF1234567890123-courier_reply-3f2a9c1b0d4e@seller-claims.local``.

    The hash covers the first tracking number and the order id (`case_key`), so two orders shipped
    under one tracking number still get separate events.
    """
    kind = UID_KIND.get(kind, kind)
    digest = hashlib.sha256(f"{case_key(case)}|{kind}".encode()).hexdigest()[:12]
    return f"{case.tracking_numbers[0]}-{kind}-{digest}@{UID_DOMAIN}"


def _description(case: Case, deadline: Deadline, texts: Texts, lang: str) -> str:
    lines = [deadline_detail(deadline, texts, lang)]
    lines += [
        render_note(texts, "schedule_warnings", note, lang)["text"] for note in deadline.warnings
    ]
    clause = texts.clauses.get(deadline.basis)  # named as numbered today (issue 12)
    basis = clause.label(lang) if clause else deadline.basis
    lines.append(texts.get("calendar", "basis", lang, basis=basis))
    if case.order_id:
        lines.append(texts.get("calendar", "order", lang, order_id=case.order_id))
    return "\n".join(lines)


def build_calendar(
    case: Case,
    deadlines: Sequence[Deadline],
    texts: Texts,
    lang: str,
    *,
    stamp: datetime | None = None,
    settled: Sequence[Deadline] = (),
) -> Calendar:
    """The iCalendar object; `stamp` (DTSTAMP) defaults to the current time. `settled`: the
    deadlines the case has met since (`schedule.settled_deadlines`), exported as cancelled."""
    stamp = stamp if stamp is not None else datetime.now(UTC)
    tracking = case.tracking_numbers[0]
    sequence = len(case_events(case))
    open_uids = {event_uid(case, deadline.kind) for deadline in deadlines}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", texts.get("calendar", "name", lang, tracking=tracking))
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for deadline in deadlines:
        due = deadline.due.astimezone(SHANGHAI)
        summary = texts.get(
            "calendar",
            "summary",
            lang,
            title=deadline_title(deadline, texts, lang),
            tracking=tracking,
        )
        event = Event()
        event.add("uid", event_uid(case, deadline.kind))
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", due)
        event.add("dtend", due + EVENT_LENGTH)
        event.add("summary", summary)
        event.add("description", _description(case, deadline, texts, lang))
        event.add("categories", [deadline.kind])
        event.add("transp", "TRANSPARENT")
        event.add("sequence", sequence)
        for reminder in deadline.reminders:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", reminder - due)
            event.add_component(alarm)
        calendar.add_component(event)
    for deadline in settled:
        uid = event_uid(case, deadline.kind)
        if uid in open_uids:
            continue
        due = deadline.due.astimezone(SHANGHAI)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", due)
        event.add("dtend", due + EVENT_LENGTH)
        event.add(
            "summary",
            texts.get(
                "calendar",
                "settled",
                lang,
                title=deadline_title(deadline, texts, lang),
                tracking=tracking,
            ),
        )
        event.add("categories", [deadline.kind])
        event.add("status", "CANCELLED")
        event.add("transp", "TRANSPARENT")
        event.add("sequence", sequence)
        calendar.add_component(event)
    if deadlines or settled:
        calendar.add_component(shanghai_timezone())
    return calendar


@functools.cache
def _shanghai_timezone_ical() -> bytes:
    probe = Calendar()
    event = Event()
    event.add("dtstart", datetime(2026, 1, 1, tzinfo=SHANGHAI))
    probe.add_component(event)
    probe.add_missing_timezones()  # icalendar derives the VTIMEZONE from zoneinfo: ~15 ms
    return b"".join(bytes(tz.to_ical()) for tz in probe.walk("VTIMEZONE"))


@functools.cache
def shanghai_timezone() -> Timezone:
    """The Asia/Shanghai VTIMEZONE every exported event refers to (built and parsed once per
    process: parsing it again cost ~1 ms of every claim in a batch; calendars only read it)."""
    return Timezone.from_ical(_shanghai_timezone_ical())


def ics_bytes(
    case: Case,
    deadlines: Sequence[Deadline],
    texts: Texts,
    lang: str,
    *,
    stamp: datetime | None = None,
    settled: Sequence[Deadline] = (),
) -> bytes:
    """The .ics file content (UTF-8, CRLF lines folded at 75 octets)."""
    return bytes(
        build_calendar(case, deadlines, texts, lang, stamp=stamp, settled=settled).to_ical()
    )


def write_ics(
    case: Case,
    deadlines: Sequence[Deadline],
    texts: Texts,
    lang: str,
    path: Path,
    *,
    stamp: datetime | None = None,
    settled: Sequence[Deadline] = (),
) -> Path:
    """Write the .ics atomically: a failed write leaves any earlier file at `path` untouched."""
    data = ics_bytes(case, deadlines, texts, lang, stamp=stamp, settled=settled)
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    handle, temp_name = tempfile.mkstemp(prefix=".", suffix=".ics.tmp", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
        os.chmod(temp_name, mode)  # mkstemp makes 0600; a calendar file is an ordinary document
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


__all__ = ["build_calendar", "case_key", "event_uid", "ics_bytes", "write_ics"]
