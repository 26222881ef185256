"""The case book while the store opens (`OpeningBook`), in a module of its own: the main window
needs it before its first frame, the case book's records (dataclasses) only once the store is
open (issue 16)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .casebook import CaseFolder, CaseRecord


class OpeningBook:
    """Stands in while the store opens on the thread pool: nothing to list, nothing saved."""

    def save(self, record: CaseRecord, *, finished: bool = False) -> str:
        raise RuntimeError("the case store is not open yet")

    def get(self, record_id: str) -> CaseRecord | None:
        return None

    def records(self) -> list[CaseRecord]:
        return []

    def delete(self, record_id: str) -> None:
        return None

    def next_statuses(self, record_id: str) -> list[str]:
        return []

    def set_status(
        self, record_id: str, status: str, now: datetime, recovered: str | None = None
    ) -> None:
        raise RuntimeError("the case store is not open yet")

    def claims_for_tracking(
        self, numbers: list[str], exclude: str | None = None
    ) -> list[tuple[str, str, str]]:
        return []

    def record_event(self, record_id: str, event: Any, now: datetime, note: str = "") -> str:
        raise RuntimeError("the case store is not open yet")

    def clear_event(self, record_id: str, kind: Any, now: datetime, note: str = "") -> None:
        raise RuntimeError("the case store is not open yet")

    def event_log(self, record_id: str) -> list[Any]:
        return []

    def folder(self, record_id: str) -> CaseFolder:
        raise RuntimeError("the case store is not open yet")

    def read_document(self, document_id: int) -> bytes:
        raise RuntimeError("the case store is not open yet")

    def read_photo(self, sha256: str) -> bytes:
        raise RuntimeError("the case store is not open yet")

    def add_document(
        self, record_id: str, kind: str, name: str, data: bytes, now: datetime
    ) -> None:
        raise RuntimeError("the case store is not open yet")

    def add_note(self, record_id: str, text: str, now: datetime) -> None:
        raise RuntimeError("the case store is not open yet")

    def export_pack(self, record_id: str, dest: Path, *, redact: bool) -> Path:
        raise RuntimeError("the case store is not open yet")
