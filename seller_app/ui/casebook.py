"""The one place the app saves and loads cases and drafts (the seam the real store plugs into).

A draft is a case record in status ``draft``: the partial case JSON the wizard has gathered, the
page it was on and what it produced. `CaseBook` is what the UI needs; `JsonCaseBook` keeps each
record as a JSON file (written atomically) until ``seller_app.store.Store`` takes over.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

STATUSES = ("draft", "ready", "filed", "paid", "rejected", "closed")


@dataclass(frozen=True)
class CaseRecord:
    """One claim as the app keeps it.

    `data` is the case in the case-file format (possibly incomplete while a draft), `page` the
    wizard page to resume at, `documents` the files made for it (``claim_form``, ``statement``,
    ``calendar``), `photos` the prepared evidence photos as plain dicts.
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

    @classmethod
    def new(cls, now: datetime) -> CaseRecord:
        import uuid

        return cls(id=uuid.uuid4().hex, data={"format": 1}, status="draft", updated_at=now)

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
        )


class CaseBook(Protocol):
    def save(self, record: CaseRecord) -> None: ...

    def get(self, record_id: str) -> CaseRecord | None: ...

    def records(self) -> list[CaseRecord]: ...

    def delete(self, record_id: str) -> None: ...


class JsonCaseBook:
    """Records as ``<dir>/<id>.json``; a damaged file is skipped and logged, never fatal."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def _path(self, record_id: str) -> Path:
        return self.directory / f"{record_id}.json"

    def save(self, record: CaseRecord) -> None:
        import tempfile

        text = json.dumps(record.to_json(), ensure_ascii=False, indent=1)
        handle, temp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, self._path(record.id))

    def get(self, record_id: str) -> CaseRecord | None:
        path = self._path(record_id)
        if not path.exists():
            return None
        return CaseRecord.from_json(json.loads(path.read_text(encoding="utf-8")))

    def records(self) -> list[CaseRecord]:
        found = []
        for path in sorted(self.directory.glob("*.json")):
            try:
                found.append(CaseRecord.from_json(json.loads(path.read_text(encoding="utf-8"))))
            except (ValueError, KeyError, TypeError):
                log.warning("skipping unreadable case file %s", path)
        return sorted(found, key=lambda record: record.updated_at, reverse=True)

    def delete(self, record_id: str) -> None:
        self._path(record_id).unlink(missing_ok=True)
