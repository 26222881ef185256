"""Put each claim a run made into the case store, once per parcel.

A case is the same parcel when its first tracking number and its order id match (the batch key).
A re-run updates a case still in ``draft`` and leaves alone one the seller has already moved on
(filed, paid ...), so importing the same export twice never duplicates or rewinds a case. The
claim form is attached once per file name, each matched photo once per content (SHA-256).
Called from one thread (the CLI's main thread or the GUI thread), as the store expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.case import Case, case_from_json
from ..store import CaseStatus, Store
from .claim import RowResult

FORM_DOCUMENT_KIND = "claim_form"


@dataclass(frozen=True)
class Filed:
    case_id: int
    action: str  # "added" | "updated" | "kept"
    duplicates: tuple[int, ...] = ()
    """Other stored cases already claiming one of its tracking numbers (a second claim)."""


class CaseFiler:
    def __init__(self, store: Store, now: datetime) -> None:
        self.store = store
        self.now = now

    def _existing(self, case: Case) -> tuple[int, CaseStatus] | None:
        for summary in self.store.list_cases(tracking=case.tracking_numbers[0]):
            record = self.store.get_case(summary.id)
            same = record.case.tracking_numbers[0] == case.tracking_numbers[0]
            if same and record.case.order_id == case.order_id:
                return record.id, record.status
        return None

    def __call__(self, result: RowResult) -> Filed:
        case = case_from_json(dict(result.case_data), self.now)
        found = self._existing(case)
        if found is None:
            earlier = self.store.claims_for_tracking(case.tracking_numbers)
            case_id = self.store.add_case(case, self.now, amount_claimed=result.claim_amount)
            filed = Filed(case_id, "added", tuple(summary.id for summary in earlier))
        elif found[1] is CaseStatus.DRAFT:
            case_id = found[0]
            self.store.update_case(case_id, case, self.now)
            self.store.set_amounts(case_id, self.now, claimed=result.claim_amount)
            filed = Filed(case_id, "updated")
        else:
            return Filed(found[0], "kept")
        stored = {photo.sha256 for photo in self.store.photos(case_id)}
        for photo in result.photos:
            if photo.sha256 not in stored:
                self.store.add_photo(
                    case_id,
                    photo.source,
                    self.now,
                    kind=photo.kind,
                    caption=photo.caption,
                    prepared=photo.prepared_path,
                )
        if result.note_texts:
            noted = {note.text for note in self.store.notes(case_id)}
            for text in result.note_texts:
                if text not in noted:
                    self.store.add_note(case_id, text, self.now)
        if result.form_file is not None:
            names = {d.name for d in self.store.documents(case_id) if d.kind == FORM_DOCUMENT_KIND}
            if result.form_file.name not in names:
                self.store.add_document(
                    case_id, FORM_DOCUMENT_KIND, result.form_file.name, result.form_file, self.now
                )
        return filed
