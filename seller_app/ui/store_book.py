"""The case book on the real store (``seller_app.store.Store``): drafts sealed while the wizard
runs, cases with their photos and documents once it finishes.

Record ids say where a record lives: ``d<n>`` a wizard draft, ``c<n>`` a case. A draft's payload
is the wizard state (case fields, photos, documents made); a finished wizard turns it into a case
with its photos and documents, and only then deletes the draft (a failure leaves the draft).
The store's ``draft`` status (complete, not filed) is shown as ``ready``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import shutil
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from seller_app.domain.case import PhotoKind, case_from_json, case_to_json
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.store import Store
from seller_app.store.records import (
    TRANSITIONS,
    CaseNote,
    CaseStatus,
    LoggedEvent,
    StatusChange,
    StoredDocument,
    StoredPhoto,
)

from .casebook import CaseFolder, CaseRecord

log = logging.getLogger(__name__)

PHOTO_INDEX = "photo_index"
LAST_PAGE = 5


def _case_id(record_id: str) -> int:
    if not record_id.startswith("c"):
        raise ValueError(f"{record_id} is not a stored case")
    return int(record_id[1:])


def to_ui_status(status: CaseStatus) -> str:
    return "ready" if status is CaseStatus.DRAFT else status.value


def to_store_status(status: str) -> CaseStatus:
    return CaseStatus.DRAFT if status == "ready" else CaseStatus(status)


def _money(value: str | None) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _checks_version(change: Callable[..., None]) -> Callable[..., None]:
    """A change of stored case ``record_id`` (the first argument) made only if the case is
    still at the version this book handed out (`ConcurrentEditError` otherwise), and the
    version it leaves noted (issue 17)."""

    @functools.wraps(change)
    def checked(self: StoreCaseBook, record_id: str, *args: Any, **kwargs: Any) -> None:
        case_id = _case_id(record_id)
        expected = self._expected(record_id)
        if expected is not None:
            self.store.check_version(case_id, expected)
        change(self, record_id, *args, **kwargs)
        self._noted(case_id)

    return checked


class StoreCaseBook:
    def __init__(self, store: Store, files_dir: Path) -> None:
        self.store = store
        self.files_dir = files_dir
        # Several desks (issue 17): each stored case's row version as this book last handed it
        # out to be worked on (`get`) or saved it. A save or a status change is checked against
        # it, so a change another desk made meanwhile raises `ConcurrentEditError` (the GUI
        # offers to reload) instead of being overwritten. The list (`records`) does not move it.
        self._versions: dict[str, int] = {}

    def _expected(self, record_id: str, given: int | None = None) -> int | None:
        """The latest version of the case this desk has seen: the record's own, or a later one
        this book saved itself (its own saves are never a conflict)."""
        seen = [v for v in (given, self._versions.get(record_id)) if v is not None]
        return max(seen) if seen else None

    def _noted(self, case_id: int) -> None:
        self._versions[f"c{case_id}"] = self.store.get_case(case_id).version

    # ------------------------------------------------------------------ saving

    def save(self, record: CaseRecord, *, finished: bool = False) -> str:
        """Save `record`; returns its id, which changes when a draft becomes a case.

        `finished`: the wizard is done with it, so the plain working copies of its photos and
        documents are removed once the store holds sealed ones (not on the saves while the
        wizard runs: its pages still read those files).
        """
        if record.status == "draft":
            draft_id = int(record.id[1:]) if record.id.startswith("d") else None
            payload = {
                "case": record.data,
                "photos": list(record.photos),
                "documents": record.documents,
                "amount_claimed": record.amount_claimed,
            }
            new_id = self.store.save_draft(payload, record.page, record.updated_at, draft_id)
            return f"d{new_id}"
        record_id = self._save_case(record)
        if finished:
            self._forget_work_files(record)
        return record_id

    def _save_case(self, record: CaseRecord) -> str:
        now = record.updated_at
        case = case_from_json(record.data, now)
        claimed = _money(record.amount_claimed)
        if record.id.startswith("c"):
            case_id = int(record.id[1:])
            expected = self._expected(record.id, record.version)
            stored = self.store.get_case(case_id)
            if expected is not None and expected != stored.version:
                self.store.check_version(case_id, expected)  # raises ConcurrentEditError
            changed = case_to_json(stored.case) != case_to_json(case)
            if changed:
                self.store.update_case(case_id, case, now)
            if claimed is not None and claimed != stored.amount_claimed:
                self.store.set_amounts(case_id, now, claimed=claimed)
                changed = True
            photos = {photo.sha256 for photo in self.store.photos(case_id)}
            changed = changed or any(p["sha256"] not in photos for p in record.photos)
            # A case merely looked at makes its documents again, byte for byte different (the
            # PDF's date and id) but saying the same: those are not stored again.
            self._store_files(case_id, record, now, new_documents=changed)
        else:
            case_id = self._case_from_draft(record, case, claimed, now)
        wanted = to_store_status(record.status)
        current = self.store.get_case(case_id).status
        if wanted != current and wanted in TRANSITIONS[current]:
            self.store.set_status(case_id, wanted, now)
        self._noted(case_id)
        return f"c{case_id}"

    def _case_from_draft(
        self, record: CaseRecord, case: Any, claimed: Decimal | None, now: datetime
    ) -> int:
        """Turn a draft into a case: the case, its photos and documents first, the draft last,
        so a failure (an unreadable photo, a full disk) leaves the draft to try again. The case
        made before the failure is remembered in the draft and filled in on the next try."""
        draft_id = int(record.id[1:]) if record.id.startswith("d") else None
        pending = None
        if draft_id is not None:
            pending = self.store.load_draft(draft_id).data.get("case_id")
        if pending is not None:
            case_id = int(pending)
            self.store.update_case(case_id, case, now)
            if claimed is not None:
                self.store.set_amounts(case_id, now, claimed=claimed)
        else:
            case_id = self.store.add_case(case, now, amount_claimed=claimed)
        try:
            self._store_files(case_id, record, now)
        except Exception:
            if draft_id is not None and pending is None:
                payload = {**self.store.load_draft(draft_id).data, "case_id": case_id}
                self.store.save_draft(payload, record.page, now, draft_id)
            raise
        if draft_id is not None:
            self.store.delete_draft(draft_id)
        return case_id

    def _store_files(
        self, case_id: int, record: CaseRecord, now: datetime, new_documents: bool = True
    ) -> None:
        """Add the photos and documents the store does not hold yet (by SHA-256); with
        `new_documents` False, only documents of a kind the case has none of yet."""
        stored = {photo.sha256 for photo in self.store.photos(case_id)}
        for photo in record.photos:
            if photo["sha256"] in stored:
                continue
            source, prepared = Path(photo["source"]), Path(photo["prepared_path"])
            original = source if source.exists() else prepared
            self.store.add_photo(
                case_id,
                original,
                now,
                kind=PhotoKind(photo["kind"]),
                caption=photo.get("caption", ""),
                prepared=prepared,
            )
        held = self.store.documents(case_id)
        documents = {document.sha256 for document in held}
        kinds = {document.kind for document in held}
        for kind, path in record.documents.items():
            if not Path(path).exists() or (kind in kinds and not new_documents):
                continue
            data = Path(path).read_bytes()
            if hashlib.sha256(data).hexdigest() not in documents:
                self.store.add_document(case_id, kind, Path(path).name, data, now)
        # Where the prepared copies were unsealed changes from one opening to the next; the
        # index keeps what identifies a photo, so an unchanged list is not stored again.
        photos = [
            {k: v for k, v in photo.items() if k != "prepared_path"} for photo in record.photos
        ]
        index = json.dumps(photos, ensure_ascii=False).encode("utf-8")
        if hashlib.sha256(index).hexdigest() not in documents:
            self.store.add_document(case_id, PHOTO_INDEX, "photos.json", index, now)

    def _forget_work_files(self, record: CaseRecord) -> None:
        """The store now holds sealed copies: remove the plain working copies of this case."""
        paths = [Path(p) for p in record.documents.values()]
        paths += [Path(photo["prepared_path"]) for photo in record.photos]
        folders = set()
        for path in paths:
            try:
                folders.add(self.files_dir / path.relative_to(self.files_dir).parts[0])
            except ValueError:
                continue  # not a working copy of ours
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)

    def tidy_work_files(self) -> None:
        """Remove the plain working copies no draft needs (at startup, before any wizard):
        copies of cases are in the store and unsealed again when a case is opened; anything
        else (a waybill photo read by an older version, a crashed import) belongs to nothing."""
        if not self.files_dir.is_dir():
            return
        keep = {f"d{draft.id}" for draft in self.store.list_drafts()}
        for entry in self.files_dir.iterdir():
            if entry.name in keep and entry.is_dir():
                continue
            log.info("removing the stray work file %s", entry.name)
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)

    # ------------------------------------------------------------------ reading

    def document(self, record_id: str, kind: str) -> bytes | None:
        """The newest stored document of `kind` (``claim_form``, ``statement``, ``calendar``)."""
        if not record_id.startswith("c"):
            return None
        found = [d for d in self.store.documents(int(record_id[1:])) if d.kind == kind]
        return self.store.read_document(found[-1].id) if found else None

    def get(self, record_id: str) -> CaseRecord | None:
        try:
            if record_id.startswith("d"):
                return self._draft_record(self.store.load_draft(int(record_id[1:])))
            if record_id.startswith("c"):
                record = self._case_record(int(record_id[1:]), with_files=True)
                if record.version is not None:
                    self._versions[record_id] = record.version
                return record
        except (ValueError, LookupError) as error:
            log.warning("no record %s: %s", record_id, error)
        except Exception as error:  # noqa: BLE001 - a missing record is reported, not raised
            if type(error).__name__ == "NotFoundError":
                return None
            raise
        return None

    def _draft_record(self, draft: Any) -> CaseRecord:
        payload = draft.data
        return CaseRecord(
            id=f"d{draft.id}",
            data=dict(payload.get("case") or {"format": 1}),
            status="draft",
            updated_at=draft.updated_at,
            page=draft.page,
            amount_claimed=payload.get("amount_claimed"),
            documents=dict(payload.get("documents") or {}),
            photos=tuple(payload.get("photos") or ()),
        )

    def _case_record(self, case_id: int, with_files: bool = False) -> CaseRecord:
        stored = self.store.get_case(case_id)
        photos: tuple[dict[str, Any], ...] = ()
        if with_files:
            photos = self._restore_photos(case_id)
        return CaseRecord(
            id=f"c{case_id}",
            data=case_to_json(stored.case),
            status=to_ui_status(stored.status),
            updated_at=stored.updated_at,
            page=LAST_PAGE,
            amount_claimed=_text(stored.amount_claimed),
            amount_recovered=_text(stored.amount_recovered),
            photos=photos,
            version=stored.version,
        )

    def _restore_photos(self, case_id: int) -> tuple[dict[str, Any], ...]:
        """The wizard's photo list of a stored case, prepared copies unsealed into a work dir."""
        index = [d for d in self.store.documents(case_id) if d.kind == PHOTO_INDEX]
        if not index:
            return ()
        photos = json.loads(self.store.read_document(index[-1].id).decode("utf-8"))
        prepared = {p.sha256: p.prepared_sha256 for p in self.store.photos(case_id)}
        out = self.files_dir / f"c{case_id}" / "photos"
        out.mkdir(parents=True, exist_ok=True)
        restored = []
        for photo in photos:
            digest = prepared.get(photo["sha256"])
            if digest is None:
                continue
            target = out / f"{digest}.jpg"
            if not target.exists():
                target.write_bytes(self.store.read_photo(digest))
            restored.append({**photo, "prepared_path": str(target)})
        return tuple(restored)

    def records(self) -> list[CaseRecord]:
        found = [self._draft_record(draft) for draft in self.store.list_drafts()]
        found += [self._case_record(summary.id) for summary in self.store.list_cases()]
        return sorted(found, key=lambda record: record.updated_at, reverse=True)

    # ------------------------------------------------------------------ changing

    def delete(self, record_id: str) -> None:
        """Drafts are deleted; a case is closed (the store keeps its history)."""
        if record_id.startswith("d"):
            self.store.delete_draft(int(record_id[1:]))
        shutil.rmtree(self.files_dir / record_id, ignore_errors=True)

    def claims_for_tracking(
        self, numbers: list[str], exclude: str | None = None
    ) -> list[tuple[str, str, str]]:
        """(record id, UI status, desk) of the stored cases already claiming one of `numbers`;
        desk names another desk that made the case on a shop server ("" for this desk's own)."""
        exclude_id = int(exclude[1:]) if exclude and exclude.startswith("c") else None
        found = self.store.claims_for_tracking(numbers, exclude=exclude_id)
        own = self.store.desk.name
        return [
            (
                f"c{summary.id}",
                to_ui_status(summary.status),
                summary.created_by if summary.created_by and summary.created_by != own else "",
            )
            for summary in found
        ]

    @property
    def shared(self) -> bool:
        """The book is on the shop's shared store (several desks; issue 17)."""
        return bool(self.store.shared)

    # ------------------------------------------------------------------ follow-up (issue 13)

    def record_event(self, record_id: str, event: CaseEvent, now: datetime, note: str = "") -> str:
        """Record what happened after the claim (`seller_app.domain.events`) on a stored case;
        returns the UI status it leaves the case in. `CaseError` when the event does not fit
        (in the future, before the claim ...): show it with `Texts.error_message`."""
        case_id = _case_id(record_id)
        status = self.store.record_event(
            case_id, event, now, note=note, expected_version=self._expected(record_id)
        )
        self._noted(case_id)
        return to_ui_status(status)

    def clear_event(self, record_id: str, kind: EventKind, now: datetime, note: str = "") -> None:
        """Take back a mistaken event (the status stays)."""
        case_id = _case_id(record_id)
        self.store.clear_event(
            case_id, kind, now, note=note, expected_version=self._expected(record_id)
        )
        self._noted(case_id)

    def event_log(self, record_id: str) -> list[LoggedEvent]:
        """Every event recorded or taken back, with when and the seller's note."""
        return self.store.event_log(_case_id(record_id))

    def next_statuses(self, record_id: str) -> list[str]:
        if not record_id.startswith("c"):
            return []
        current = self.store.get_case(int(record_id[1:])).status
        order = list(CaseStatus)
        return [to_ui_status(s) for s in sorted(TRANSITIONS[current], key=order.index)]

    @_checks_version
    def set_status(
        self, record_id: str, status: str, now: datetime, recovered: str | None = None
    ) -> None:
        self.store.set_status(
            int(record_id[1:]), to_store_status(status), now, amount_recovered=_money(recovered)
        )

    # ------------------------------------------------------------------ the case view (issue 14)

    def folder(self, record_id: str) -> CaseFolder:
        """Everything the case view shows about stored case `record_id`: the case, its status
        history, event log, notes, documents (not the wizard's photo index) and photos."""
        case_id = _case_id(record_id)
        stored = self.store.get_case(case_id)
        if stored.version is not None:  # the case view's actions are checked against it
            self._versions[record_id] = stored.version
        documents: list[StoredDocument] = [
            d for d in self.store.documents(case_id) if d.kind != PHOTO_INDEX
        ]
        photos: list[StoredPhoto] = self.store.photos(case_id)
        history: list[StatusChange] = self.store.status_history(case_id)
        notes: list[CaseNote] = self.store.notes(case_id)
        return CaseFolder(
            record=self._case_record(case_id),
            case=stored.case,
            created_at=stored.created_at,
            created_by=stored.created_by,
            shared=self.shared,
            history=tuple(history),
            events=tuple(self.store.event_log(case_id)),
            notes=tuple(notes),
            documents=tuple(documents),
            photos=tuple(photos),
        )

    def read_document(self, document_id: int) -> bytes:
        return self.store.read_document(document_id)

    def read_photo(self, sha256: str) -> bytes:
        """A stored photo's bytes (the prepared copy's digest gives the small copy)."""
        return self.store.read_photo(sha256)

    def add_document(
        self, record_id: str, kind: str, name: str, data: bytes, now: datetime
    ) -> None:
        """Keep a document made from the case view (an escalation, a buyer statement, the
        calendar), sealed like the wizard's; the same bytes twice are kept once."""
        case_id = _case_id(record_id)
        held = {document.sha256 for document in self.store.documents(case_id)}
        if hashlib.sha256(data).hexdigest() not in held:
            self.store.add_document(case_id, kind, name, data, now)

    def add_note(self, record_id: str, text: str, now: datetime) -> None:
        self.store.add_note(_case_id(record_id), text, now)

    def export_pack(self, record_id: str, dest: Path, *, redact: bool) -> Path:
        """The case's evidence pack as a zip at `dest` (which must not exist yet)."""
        return self.store.export_case(_case_id(record_id), dest, redact=redact, as_zip=True)
