"""Store records as JSON-ready dicts, for the command line and exports."""

from __future__ import annotations

from typing import Any

from ..domain.carriers import CarrierBook
from ..domain.case import case_to_json
from .export import yuan_text
from .records import CaseRecord, CaseSummary
from .redact import BuyerMask, redact_case_json
from .store import Store


def summary_to_dict(summary: CaseSummary, carriers: CarrierBook | None = None) -> dict[str, Any]:
    """`carriers` fills in the courier detected from the tracking numbers when none was chosen."""
    carrier = summary.carrier
    if carrier is None and carriers is not None:
        candidates = carriers.candidates(summary.tracking_numbers)
        carrier = candidates[0] if candidates else None
    return {
        "id": summary.id,
        "status": summary.status.value,
        "tracking_numbers": list(summary.tracking_numbers),
        "incident": summary.incident,
        "carrier": carrier,
        "amount_claimed": yuan_text(summary.amount_claimed),
        "amount_recovered": yuan_text(summary.amount_recovered),
        "updated_at": summary.updated_at.isoformat(),
    }


def record_to_dict(store: Store, record: CaseRecord, *, redact: bool = False) -> dict[str, Any]:
    """Everything the store keeps about a case (buyer data masked when `redact`, in free text
    too: notes, status notes, captions)."""
    case = case_to_json(record.case)
    mask = BuyerMask(case.get("buyer"))

    def free(text: str) -> str:
        return mask.text(text) if redact else text

    return {
        "id": record.id,
        "status": record.status.value,
        "amount_claimed": yuan_text(record.amount_claimed),
        "amount_recovered": yuan_text(record.amount_recovered),
        "created_at": record.created_at.isoformat(),
        "updated_at": record.updated_at.isoformat(),
        "case": redact_case_json(case) if redact else case,
        "history": [
            _with_desk(
                {
                    "status": change.status.value,
                    "at": change.at.isoformat(),
                    "note": free(change.note),
                },
                change.desk,
            )
            for change in store.status_history(record.id)
        ],
        "photos": [
            {
                "sha256": photo.sha256,
                "name": photo.name,
                "kind": photo.kind.value,
                "caption": free(photo.caption),
                "prepared": photo.prepared_sha256 is not None,
            }
            for photo in store.photos(record.id)
        ],
        "documents": [
            {"id": doc.id, "kind": doc.kind, "name": doc.name, "size": doc.size}
            for doc in store.documents(record.id)
        ],
        "notes": [
            _with_desk({"at": note.at.isoformat(), "text": free(note.text)}, note.desk)
            for note in store.notes(record.id)
        ],
        # several desks (issue 17): the row version to save against, and who made and changed it
        "version": record.version,
        "created_by": record.created_by,
        "updated_by": record.updated_by,
    }


def _with_desk(item: dict[str, Any], desk: str | None) -> dict[str, Any]:
    """`item` with the desk that made it, when the store knows (issue 17)."""
    if desk:
        item["desk"] = desk
    return item
