"""What the UI needs from the case store, in one small interface (`CaseBook`).

A draft is a case record in status ``draft``: the partial case JSON the wizard has gathered, the
page it was on and what it produced. `store_book.StoreCaseBook` implements the interface on
``seller_app.store.Store`` (sealed drafts, cases, photos, documents).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseRecord:
    """One claim as the app keeps it.

    `data` is the case in the case-file format (possibly incomplete while a draft), `page` the
    wizard page to resume at, `documents` the files made for it (``claim_form``, ``statement``,
    ``calendar``), `photos` the prepared evidence photos as plain dicts. `version` is a stored
    case's row version as read (issue 17): saving a record whose case another desk changed
    meanwhile raises `seller_app.store.ConcurrentEditError` (its ``desk`` and ``at`` say who
    and when) instead of overwriting that change; reload with `CaseBook.get`.
    """

    id: str
    data: dict[str, Any]
    status: str
    updated_at: datetime
    page: int = 0
    amount_claimed: str | None = None
    amount_recovered: str | None = None
    documents: dict[str, str] = field(default_factory=dict)
    photos: tuple[dict[str, Any], ...] = ()
    version: int | None = None  # several desks (issue 17)

    @classmethod
    def new(cls, now: datetime) -> CaseRecord:
        import uuid

        return cls(id=f"new-{uuid.uuid4().hex}", data={"format": 1}, status="draft", updated_at=now)

    def with_changes(self, **changes: Any) -> CaseRecord:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "data": self.data,
            "status": self.status,
            "updated_at": self.updated_at.isoformat(),
            "page": self.page,
            "amount_claimed": self.amount_claimed,
            "amount_recovered": self.amount_recovered,
            "documents": self.documents,
            "photos": list(self.photos),
            "version": self.version,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> CaseRecord:
        return cls(
            id=str(raw["id"]),
            data=dict(raw["data"]),
            status=str(raw["status"]),
            updated_at=datetime.fromisoformat(raw["updated_at"]),
            page=int(raw.get("page", 0)),
            amount_claimed=raw.get("amount_claimed"),
            amount_recovered=raw.get("amount_recovered"),
            documents=dict(raw.get("documents") or {}),
            photos=tuple(raw.get("photos") or ()),
            version=raw.get("version"),
        )


class CaseBook(Protocol):
    def save(self, record: CaseRecord, *, finished: bool = False) -> str:
        """Save `record`; returns its id (a draft's id changes when it becomes a case).
        `finished`: the wizard is done with it (its working files may go)."""
        ...

    def get(self, record_id: str) -> CaseRecord | None: ...

    def records(self) -> list[CaseRecord]: ...

    def delete(self, record_id: str) -> None: ...

    def next_statuses(self, record_id: str) -> list[str]: ...

    def set_status(
        self, record_id: str, status: str, now: datetime, recovered: str | None = None
    ) -> None: ...

    def claims_for_tracking(
        self, numbers: list[str], exclude: str | None = None
    ) -> list[tuple[str, str, str]]:
        """(record id, status, desk) of the cases that already claim one of these tracking
        numbers, other than record `exclude`; desk is the name of the other desk that made it on
        a shop server, "" for this desk's own (issue 17)."""
        ...

    def record_event(self, record_id: str, event: Any, now: datetime, note: str = "") -> str:
        """Record a follow-up event (`seller_app.domain.events.CaseEvent`) on a stored case;
        returns the status it leaves the case in."""
        ...

    def clear_event(self, record_id: str, kind: Any, now: datetime, note: str = "") -> None: ...

    def event_log(self, record_id: str) -> list[Any]: ...

    # the case view (issue 14)

    def folder(self, record_id: str) -> CaseFolder: ...

    def read_document(self, document_id: int) -> bytes: ...

    def read_photo(self, sha256: str) -> bytes: ...

    def add_document(
        self, record_id: str, kind: str, name: str, data: bytes, now: datetime
    ) -> None: ...

    def add_note(self, record_id: str, text: str, now: datetime) -> None: ...

    def export_pack(self, record_id: str, dest: Path, *, redact: bool) -> Path: ...


@dataclass(frozen=True)
class CaseFolder:
    """What the case view shows about one stored case (`CaseBook.folder`): the record as the
    list has it, the domain `Case`, when it was made, its status changes, follow-up event log,
    notes, documents and photos (the store's records: ``seller_app.store.records``)."""

    record: CaseRecord
    case: Any
    created_at: datetime
    history: tuple[Any, ...] = ()
    events: tuple[Any, ...] = ()
    notes: tuple[Any, ...] = ()
    documents: tuple[Any, ...] = ()
    photos: tuple[Any, ...] = ()
    created_by: str | None = None
    """The desk that made the case (issue 17; None before desks were recorded)."""
    shared: bool = False
    """The case lives in the shop's shared store (several desks work on it)."""
