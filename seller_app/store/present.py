"""Store records as JSON-ready dicts, for the command line and exports."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..domain.case import case_to_json
from .records import CaseRecord, CaseSummary
from .redact import redact_case_json
from .store import Store


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def summary_to_dict(summary: CaseSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "status": summary.status.value,
        "tracking_numbers": list(summary.tracking_numbers),
        "incident": summary.incident,
        "carrier": summary.carrier,
        "amount_claimed": _money(summary.amount_claimed),
        "amount_recovered": _money(summary.amount_recovered),
        "updated_at": summary.updated_at.isoformat(),
    }


def record_to_dict(store: Store, record: CaseRecord, *, redact: bool = False) -> dict[str, Any]:
    """Everything the store keeps about a case (buyer data masked when `redact`)."""
    case = case_to_json(record.case)
    return {
        "id": record.id,
        "status": record.status.value,
        "amount_claimed": _money(record.amount_claimed),
        "amount_recovered": _money(record.amount_recovered),
        "created_at": record.created_at.isoformat(),
        "updated_at": record.updated_at.isoformat(),
        "case": redact_case_json(case) if redact else case,
        "history": [
            {"status": change.status.value, "at": change.at.isoformat(), "note": change.note}
            for change in store.status_history(record.id)
        ],
        "photos": [
            {
                "sha256": photo.sha256,
                "name": photo.name,
                "kind": photo.kind.value,
                "caption": photo.caption,
                "prepared": photo.prepared_sha256 is not None,
            }
            for photo in store.photos(record.id)
        ],
        "documents": [
            {"id": doc.id, "kind": doc.kind, "name": doc.name, "size": doc.size}
            for doc in store.documents(record.id)
        ],
        "notes": [
            {"at": note.at.isoformat(), "text": note.text} for note in store.notes(record.id)
        ],
    }
