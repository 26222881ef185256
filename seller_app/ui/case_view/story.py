"""What the case view says about a case, in plain Python (no widgets): its timeline, which
follow-up events fit next, and the open deadlines.

The timeline merges what happened (the events the case records, `seller_app.domain.events`),
what the seller entered and took back (the event log, with notes), the status changes and the
case notes, oldest first; on a shop server each line names the desk that made it (issue 17:
`StatusChange.desk`, `LoggedEvent.desk`, `CaseNote.desk`). `next_steps` suggests the one to
three events a seller most likely records next for the case's status; every event stays
available in the view's menu (recording one again corrects it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from seller_app.domain.case import Case
from seller_app.domain.events import (
    BUYER_EVENTS,
    EventKind,
    case_events,
    event_of,
    event_text,
    event_title,
)
from seller_app.domain.schedule import build_schedule, deadline_detail, deadline_title
from seller_app.domain.texts import Texts

from ..casebook import CaseFolder

# Which entries of the timeline are what: the view colours them.
EVENT, UNDONE, STATUS, NOTE, CREATED = "event", "undone", "status", "note", "created"


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: when, what kind of line, and its text (with the seller's note
    when there is one)."""

    at: datetime
    kind: str
    text: str
    note: str = ""
    event: EventKind | None = None
    desk: str | None = None
    """The desk (after-sales PC) that entered it; None when not recorded (before issue 17)."""


def _event_line(event: Any, texts: Texts, lang: str) -> str:
    """The event's words without the leading "2026-11-16 10:00 " (the view shows the time in a
    column of its own)."""
    return event_text(event, texts, lang).split(" ", 2)[2]


def timeline(
    folder: CaseFolder,
    texts: Texts,
    lang: str,
    status_name: Any,
    words: dict[str, str],
) -> list[Entry]:
    """The case's story, oldest first. `status_name(status)` names a status in the UI's words;
    `words` holds the view's own phrases (``created``, ``status``, ``undone``, ``note``), each a
    template with ``{text}``."""
    case: Case = folder.case
    notes: dict[EventKind, str] = {}
    desks: dict[EventKind, str | None] = {}  # who entered each event as it stands now
    entries: list[Entry] = [
        Entry(folder.created_at, CREATED, words["created"], desk=folder.created_by)
    ]
    for logged in folder.events:
        desk = getattr(logged, "desk", None)
        if logged.action == "cleared":
            title = event_title(logged.kind, texts, lang)
            entries.append(
                Entry(
                    logged.recorded_at,
                    UNDONE,
                    words["undone"].format(text=title),
                    logged.note,
                    desk=desk,
                )
            )
            notes.pop(logged.kind, None)
            desks.pop(logged.kind, None)
        else:
            desks[logged.kind] = desk
            if logged.note:
                notes[logged.kind] = logged.note
    for event in case_events(case):
        line = _event_line(event, texts, lang)
        entries.append(
            Entry(
                event.at,
                EVENT,
                line,
                notes.get(event.kind, ""),
                event.kind,
                desks.get(event.kind),
            )
        )
    said = {(logged.recorded_at, logged.note) for logged in folder.events if logged.note}
    for change in folder.history:
        status = "ready" if change.status.value == "draft" else change.status.value
        text = words["status"].format(text=status_name(status))
        # A status moved by an event carries the event's note: said once, on the event.
        note = "" if (change.at, change.note) in said else change.note
        entries.append(Entry(change.at, STATUS, text, note, desk=getattr(change, "desk", None)))
    for note in folder.notes:
        entries.append(Entry(note.at, NOTE, words["note"].format(text=note.text), desk=note.desk))
    order = {CREATED: 0, EVENT: 1, STATUS: 2, UNDONE: 3, NOTE: 4}
    return sorted(entries, key=lambda entry: (entry.at, order[entry.kind]))


# --------------------------------------------------------------------------- what comes next

# The events a seller most likely records next, by status (the UI's status names).
NEXT_STEPS: dict[str, tuple[EventKind, ...]] = {
    "ready": (EventKind.FILED,),
    "filed": (EventKind.PROPOSAL, EventKind.REPLIED, EventKind.REJECTED),
    "answered": (EventKind.AGREED, EventKind.COMPLAINED, EventKind.PAID),
    "rejected": (EventKind.COMPLAINED,),
    "agreed": (EventKind.PAID,),
    "escalated": (EventKind.APPEALED, EventKind.AGREED, EventKind.PAID),
}


def next_steps(case: Case, status: str) -> tuple[EventKind, ...]:
    """The suggested next events for a case in `status`; the appeal only once a complaint is
    recorded (12305 takes only matters complained about first), nothing already recorded."""
    if status == "ready" and case.claim_at is not None:
        status = "filed"  # sent, though the status was not moved (a case file imported so)
    steps = []
    for kind in NEXT_STEPS.get(status, ()):
        if kind is EventKind.APPEALED and case.complaint_at is None:
            kind = EventKind.COMPLAINED
        if event_of(case, kind) is None and kind not in steps:
            steps.append(kind)
    return tuple(steps)


def can_record(case: Case, kind: EventKind) -> bool:
    """Whether `kind` can be recorded at all yet: the courier's side needs the claim sent first,
    an appeal a complaint first, the platform stepping in a buyer's request first."""
    if kind in BUYER_EVENTS:
        return kind is not EventKind.PLATFORM_ESCALATED or case.buyer_requested_at is not None
    if kind is EventKind.FILED:
        return True
    if case.claim_at is None:
        return False
    return kind is not EventKind.APPEALED or case.complaint_at is not None


# --------------------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class DueLine:
    kind: str
    due: datetime
    legal_due: datetime | None
    title: str
    detail: str


def open_deadlines(case: Case, texts: Texts, lang: str) -> list[DueLine]:
    """The case's open deadlines from its real events, soonest first."""
    return [
        DueLine(
            deadline.kind,
            deadline.due,
            deadline.legal_due,
            deadline_title(deadline, texts, lang),
            deadline_detail(deadline, texts, lang),
        )
        for deadline in build_schedule(case)
    ]
