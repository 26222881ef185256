"""What the store hands back: frozen records, the claim status and its allowed transitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ..domain.case import Case, ClaimChannel, PhotoKind
from ..domain.events import EventKind


class CaseStatus(StrEnum):
    """Where a claim stands. New cases start as ``draft`` (complete, not yet filed)."""

    DRAFT = "draft"
    FILED = "filed"
    ANSWERED = "answered"
    AGREED = "agreed"
    PAID = "paid"
    REJECTED = "rejected"
    ESCALATED = "escalated"
    CLOSED = "closed"


S = CaseStatus
# draft -> filed -> answered -> agreed -> paid, or -> rejected -> escalated; closed from anywhere
# open. A courier may agree or reject without a separate answer; an escalation may end agreed.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.DRAFT: frozenset({S.FILED, S.CLOSED}),
    S.FILED: frozenset({S.ANSWERED, S.AGREED, S.REJECTED, S.CLOSED}),
    S.ANSWERED: frozenset({S.AGREED, S.REJECTED, S.CLOSED}),
    S.AGREED: frozenset({S.PAID, S.CLOSED}),
    S.REJECTED: frozenset({S.ESCALATED, S.CLOSED}),
    S.ESCALATED: frozenset({S.AGREED, S.PAID, S.CLOSED}),
    S.PAID: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}


@dataclass(frozen=True)
class CaseSummary:
    id: int
    status: CaseStatus
    tracking_numbers: tuple[str, ...]
    incident: str
    carrier: str | None
    amount_claimed: Decimal | None
    amount_recovered: Decimal | None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    created_by: str | None = None
    """The desk (its name) that made the case; None when it predates desks (issue 17)."""


@dataclass(frozen=True)
class CaseRecord:
    """A stored case. `version` is its row version: pass it back when saving a change
    (``expected_version=``) and a change another desk made meanwhile is reported
    (`ConcurrentEditError`) instead of overwritten. `created_by` / `updated_by` name the
    desks that made it and changed it last (None: from before desks were recorded)."""

    id: int
    case: Case
    status: CaseStatus
    amount_claimed: Decimal | None
    amount_recovered: Decimal | None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    created_by: str | None = None
    updated_by: str | None = None


@dataclass(frozen=True)
class StatusChange:
    status: CaseStatus
    at: datetime
    note: str
    desk: str | None = None  # which desk moved it (issue 17)


@dataclass(frozen=True)
class Draft:
    """Wizard input as the pages left it: `data` exactly as saved, and the page to resume on;
    `desk` the desk it belongs to."""

    id: int
    data: dict[str, Any]
    page: int
    updated_at: datetime
    desk: str | None = None


@dataclass(frozen=True)
class StoredPhoto:
    id: int
    case_id: int
    sha256: str
    name: str
    kind: PhotoKind
    caption: str
    size: int
    prepared_sha256: str | None
    added_at: datetime


@dataclass(frozen=True)
class StoredDocument:
    id: int
    case_id: int
    kind: str
    name: str
    sha256: str
    size: int
    redacted: bool
    created_at: datetime


@dataclass(frozen=True)
class CaseNote:
    id: int
    case_id: int
    at: datetime
    text: str
    desk: str | None = None


# --------------------------------------------------------------------------- follow-up events

# The status a recorded event leaves a case in, and the statuses it moves a case from. Events
# follow what happened, so they may move a case where a status picked by hand may not (a
# complaint escalates a case whether or not the courier answered first); an event recorded in
# any other status leaves the status alone. A courier event on a ``draft`` case first files it.
EVENT_STATUS: dict[EventKind, tuple[frozenset[CaseStatus], CaseStatus]] = {
    EventKind.FILED: (frozenset({S.DRAFT}), S.FILED),
    EventKind.REPLIED: (frozenset({S.FILED}), S.ANSWERED),
    EventKind.PROPOSAL: (frozenset({S.FILED, S.REJECTED}), S.ANSWERED),
    EventKind.REJECTED: (frozenset({S.FILED, S.ANSWERED}), S.REJECTED),
    EventKind.AGREED: (frozenset({S.FILED, S.ANSWERED, S.REJECTED, S.ESCALATED}), S.AGREED),
    EventKind.PAID: (
        frozenset({S.FILED, S.ANSWERED, S.REJECTED, S.AGREED, S.ESCALATED}),
        S.PAID,
    ),
    EventKind.COMPLAINED: (frozenset({S.FILED, S.ANSWERED, S.REJECTED, S.AGREED}), S.ESCALATED),
    EventKind.APPEALED: (frozenset({S.FILED, S.ANSWERED, S.REJECTED, S.AGREED}), S.ESCALATED),
}
# The event a status picked by hand stands for, recorded at that moment when the case has none.
STATUS_EVENT: dict[CaseStatus, EventKind] = {
    S.FILED: EventKind.FILED,
    S.ANSWERED: EventKind.REPLIED,
    S.REJECTED: EventKind.REJECTED,
    S.AGREED: EventKind.AGREED,
    S.PAID: EventKind.PAID,
    S.ESCALATED: EventKind.COMPLAINED,
}


@dataclass(frozen=True)
class LoggedEvent:
    """One entry of a case's event log: an event recorded (or taken back) and when that was.

    `at`, `amount`, `channel` and `ticket` are the event's own; `recorded_at` is when it was
    entered; `note` the seller's words about it (sealed at rest)."""

    id: int
    case_id: int
    kind: EventKind
    action: str  # "recorded" | "cleared"
    at: datetime | None
    amount: Decimal | None
    channel: ClaimChannel | None
    ticket: str | None
    recorded_at: datetime
    note: str
    desk: str | None = None  # which desk entered it (issue 17)
