"""What the store hands back: frozen records, the claim status and its allowed transitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ..domain.case import Case, PhotoKind


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


@dataclass(frozen=True)
class CaseRecord:
    id: int
    case: Case
    status: CaseStatus
    amount_claimed: Decimal | None
    amount_recovered: Decimal | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class StatusChange:
    status: CaseStatus
    at: datetime
    note: str


@dataclass(frozen=True)
class Draft:
    """Wizard input as the pages left it: `data` exactly as saved, and the page to resume on."""

    id: int
    data: dict[str, Any]
    page: int
    updated_at: datetime


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
