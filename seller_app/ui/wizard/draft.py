"""What the wizard is filling in, page by page, and how a page's input is checked.

Pages write the case-file form of their fields into `WizardDraft.data`; `check_case` runs the
domain validator (`case_from_json`) on the fields gathered so far, with neutral stand-ins for
the fields later pages will ask for, so each page is refused for its own mistakes only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from seller_app.domain.case import Case, case_from_json
from seller_app.domain.catalog import Catalog
from seller_app.domain.errors import CaseError

from ..casebook import CaseRecord

# Valid values for the fields a later page has not asked for yet.
STAND_INS: dict[str, Any] = {
    "format": 1,
    "tracking_numbers": ["STANDIN000"],
    "region": "domestic",
    "posted_at": "2000-01-01T00:00",
    "incident": "loss",
    "service_fee": "0",
    "goods_value": "1",
    "weight_kg": "1",
}


@dataclass
class WizardDraft:
    """The case being entered: case-file fields, prepared photos and documents made."""

    record_id: str
    data: dict[str, Any]
    status: str = "draft"
    page: int = 0
    photos: list[dict[str, Any]] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)
    amount_claimed: str | None = None
    amount_recovered: str | None = None

    @classmethod
    def from_record(cls, record: CaseRecord) -> WizardDraft:
        return cls(
            record_id=record.id,
            data=dict(record.data),
            status=record.status,
            page=record.page,
            photos=[dict(photo) for photo in record.photos],
            documents=dict(record.documents),
            amount_claimed=record.amount_claimed,
            amount_recovered=record.amount_recovered,
        )

    def to_record(self, now: datetime) -> CaseRecord:
        return CaseRecord(
            id=self.record_id,
            data=dict(self.data),
            status=self.status,
            updated_at=now,
            page=self.page,
            amount_claimed=self.amount_claimed,
            amount_recovered=self.amount_recovered,
            documents=dict(self.documents),
            photos=tuple(dict(photo) for photo in self.photos),
        )

    def put(self, key: str, value: Any) -> None:
        """Set a field; ``None`` and empty text remove it (the case file leaves it out)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.data.pop(key, None)
        else:
            self.data[key] = value.strip() if isinstance(value, str) else value

    def case(self, now: datetime) -> Case:
        """The complete case; raises `CaseError` when something is still missing or wrong."""
        return case_from_json(self.data, now)


def check_case(data: dict[str, Any], known: Iterable[str], now: datetime) -> CaseError | None:
    """Validate the `known` fields of `data` (a missing known field counts as missing)."""
    known = set(known)
    candidate = {key: value for key, value in STAND_INS.items() if key not in known}
    candidate.update({key: data[key] for key in known if key in data})
    candidate["format"] = 1
    try:
        case = case_from_json(candidate, now)
    except CaseError as error:
        return error
    # What has happened cannot lie in the future (the domain reads stored cases at any later
    # time, so this is the wizard's check, against its clock).
    moments = {
        "posted_at": case.posted_at,
        "claim_at": case.claim_at,
        "signer.signed_at": case.signer.signed_at if case.signer else None,
        "buyer_requested_at": case.buyer_requested_at,
        "platform_escalated_at": case.platform_escalated_at,
    }
    for key, moment in moments.items():
        if moment is not None and key.split(".")[0] in known and moment > now:
            return CaseError(key, "in_future", value=moment.strftime("%Y-%m-%d %H:%M"))
    return None


@dataclass(frozen=True)
class WizardEnv:
    """What the pages need from outside: the domain catalog, the UI language, the injected
    clock, the settings (last folder), where prepared photos and documents go, and how to find
    the cases already claiming a tracking number (a second claim is flagged)."""

    catalog: Catalog
    lang: str
    clock: Callable[[], datetime]
    settings: QSettings
    files_dir: Path
    existing_claims: Callable[[list[str], str | None], list[tuple[str, str]]] | None = None
