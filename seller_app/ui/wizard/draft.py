"""What the wizard is filling in, page by page, and how a page's input is checked.

Pages write the case-file form of their fields into `WizardDraft.data`; `check_case` runs the
domain validator (`case_from_json`) on the fields gathered so far, with neutral stand-ins for
the fields later pages will ask for, so each page is refused for its own mistakes only.
"""

from __future__ import annotations

import logging
import re
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

log = logging.getLogger(__name__)

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
    # Set when the wizard closes with its work kept: work still running (a photo import) saves
    # its result through it, since no page is left to show it.
    save_late: Callable[[], None] | None = field(default=None, repr=False, compare=False)
    closed: bool = field(default=False, compare=False)

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

    def add_photos(self, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add prepared photos not in the draft yet (by the original's SHA-256); returns the
        ones already there. The case-file photo list follows."""
        known = {photo["sha256"] for photo in self.photos}
        repeated = []
        for record in records:
            if record["sha256"] in known:
                repeated.append(record)
                continue
            self.photos.append(record)
            known.add(record["sha256"])
        self.put("photos", self.photo_refs() or None)
        return repeated

    def deliver_photos(self, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Photos prepared in the background arrive: add them, and when the wizard has closed
        meanwhile with its work kept, save them into the case (nothing else will). Returns the
        ones already there."""
        repeated = self.add_photos(records)
        if self.closed and self.save_late is not None:
            try:
                self.save_late()
            except Exception:  # noqa: BLE001 - no window left to tell; the log says why
                log.exception("could not save the photos that arrived after the wizard closed")
        return repeated

    def photo_refs(self) -> list[dict[str, Any]]:
        """The photos as the case file names them."""
        return [
            {
                key: value
                for key, value in {
                    "file": photo["prepared_path"],
                    "kind": photo["kind"],
                    "caption": photo.get("caption") or None,
                    "sha256": photo["sha256"],
                }.items()
                if value
            }
            for photo in self.photos
        ]

    def case(self, now: datetime) -> Case:
        """The complete case; raises `CaseError` when something is still missing or wrong."""
        return case_from_json(self.data, now)


def check_case(data: dict[str, Any], known: Iterable[str], now: datetime) -> CaseError | None:
    """The first problem with the `known` fields of `data` (a missing known field counts as
    missing), or None."""
    candidate = _candidate(data, set(known))
    return _first_error(candidate, set(known), now)


def collect_errors(
    data: dict[str, Any], known: Iterable[str], now: datetime, limit: int = 30
) -> list[CaseError]:
    """Every problem with the `known` fields of `data`, at most one per field, in the order the
    domain validator meets them.

    The validator stops at the first problem; to find the next one, the field it named is
    replaced by a neutral value (or left out) and the case checked again, until it passes.
    """
    known = set(known)
    candidate = _candidate(data, known)
    errors: list[CaseError] = []
    seen: set[tuple[str, str]] = set()
    fields: set[str] = set()
    for _ in range(limit):
        error = _first_error(candidate, known, now)
        if error is None or (error.field, error.code) in seen:
            break
        seen.add((error.field, error.code))
        if error.field not in fields:
            errors.append(error)
            fields.add(error.field)
        if not _neutralise(candidate, error.field):
            break
    return errors


def _candidate(data: dict[str, Any], known: set[str]) -> dict[str, Any]:
    candidate = {key: value for key, value in STAND_INS.items() if key not in known}
    candidate.update({key: data[key] for key in known if key in data})
    candidate["format"] = 1
    return candidate


def _first_error(candidate: dict[str, Any], known: set[str], now: datetime) -> CaseError | None:
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
        "inquired_at": case.inquired_at,
    }
    for key, moment in moments.items():
        if moment is not None and key.split(".")[0] in known and moment > now:
            return CaseError(key, "in_future", value=moment.strftime("%Y-%m-%d %H:%M"))
    return None


# Values that stand in for a refused field while the rest of the page is checked: valid alone
# and never the cause of another field's problem (a huge goods value is above any loss typed).
NEUTRAL: dict[str, Any] = {
    **STAND_INS,
    "goods_value": "999999999",
    "damage": {"extent": "full"},
    "mismatch": {"kind": "wrong_item"},
    "signer": {"who": "unknown"},
}


def _neutralise(candidate: dict[str, Any], field_path: str) -> bool:
    """Take the value `field_path` names out of the check; False when nothing changed."""
    parts = re.sub(r"\[\d+\]", "", field_path).split(".")
    top = parts[0]
    if len(parts) > 1 and isinstance(candidate.get(top), dict) and parts[1] in candidate[top]:
        inner = dict(candidate[top])
        del inner[parts[1]]
        candidate[top] = inner
        return True
    if top in NEUTRAL and candidate.get(top) != NEUTRAL[top]:
        candidate[top] = NEUTRAL[top]
        return True
    if top in candidate and top != "format":
        del candidate[top]
        return True
    return False


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
    existing_claims: Callable[[list[str], str | None], list[tuple[str, str, str]]] | None = None
    photo_processes: int | None = None
    """Worker processes preparing photos (None: one per core, the evidence package's pool)."""
    problems: Any = None
    """`save_problems.SaveProblems`: how a save that did not happen is said (another desk's
    change, the shop server away); None: a plain warning."""
