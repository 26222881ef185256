"""The `Store`: one SQLite database plus sealed blob files in the data directory.

See the package docstring (`seller_app.store`) for the public methods. Shared plumbing is in
`base`, photos/documents/notes in `files`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import leftovers
from ..credentials import KeyStore
from ..domain.case import Case, case_from_json, case_to_json, normalize_tracking_number
from ..domain.errors import CaseError
from . import codec, schema
from .base import (
    connect,
    database_error,
    decimal,
    key_name,
    money,
    seal_photo_fields,
    timestamp,
    unlock,
    when,
)
from .crypto import private_dir, private_file
from .errors import BadTransitionError, NotFoundError, StoreError
from .events import CaseEvents, pii_aad
from .files import CaseFiles
from .records import TRANSITIONS, CaseRecord, CaseStatus, CaseSummary, Draft, StatusChange

__all__ = ["Store", "key_name"]


class Store(CaseEvents, CaseFiles):
    @classmethod
    def open(cls, data_dir: Path, keys: KeyStore) -> Store:
        data_dir = Path(data_dir)
        path = data_dir / schema.DB_NAME
        try:
            private_dir(data_dir)
            for name in (schema.DB_NAME, schema.DB_NAME + "-wal", schema.DB_NAME + "-shm"):
                # a FIFO would block the open below forever, a device is no database
                if (data_dir / name).exists() and not (data_dir / name).is_file():
                    raise StoreError("database_not_a_file", path=data_dir / name)
            for name in (schema.DB_NAME, schema.DB_NAME + "-wal", schema.DB_NAME + "-shm"):
                # SQLite gives the -wal and -shm files the database file's permissions.
                if name == schema.DB_NAME or (data_dir / name).exists():
                    private_file(data_dir / name)
        except OSError as error:
            raise StoreError("data_dir_unusable", path=data_dir, detail=error) from None
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(path)
            version = schema.schema_version(conn)
            if version > schema.LATEST:
                raise StoreError("too_new", path=path, found=version, known=schema.LATEST)
            if version > 0 and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            schema.migrate(conn, data_dir)
            store_id, cipher = unlock(conn, keys)
            seal_photo_fields(conn, cipher)
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            raise database_error(error, path, data_dir) from error
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        leftovers.clean_data_dir(data_dir)
        return cls(data_dir, conn, cipher, store_id)

    # ------------------------------------------------------------------ cases

    def add_case(
        self,
        case: Case,
        now: datetime,
        *,
        amount_claimed: Decimal | None = None,
        draft_id: int | None = None,
    ) -> int:
        public, pii = codec.split_pii(case_to_json(case))
        stamp = timestamp(now)
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO cases (status, case_json, pii, tracking, amount_claimed,"
                " created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?)",
                (
                    CaseStatus.DRAFT.value,
                    json.dumps(public, ensure_ascii=False),
                    " ".join(case.tracking_numbers),
                    money(amount_claimed, "amount_claimed"),
                    stamp,
                    stamp,
                ),
            )
            case_id = int(cursor.lastrowid or 0)
            conn.execute(
                "UPDATE cases SET pii = ? WHERE id = ?",
                (self._cipher.seal_json(pii, pii_aad(case_id)), case_id),
            )
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note) VALUES (?, ?, ?, NULL)",
                (case_id, CaseStatus.DRAFT.value, stamp),
            )
            if draft_id is not None:
                conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
        return case_id

    def update_case(self, case_id: int, case: Case, now: datetime) -> None:
        public, pii = codec.split_pii(case_to_json(case))
        with self._tx() as conn:
            cursor = conn.execute(
                "UPDATE cases SET case_json = ?, pii = ?, tracking = ?, updated_at = ?"
                " WHERE id = ?",
                (
                    json.dumps(public, ensure_ascii=False),
                    self._cipher.seal_json(pii, pii_aad(case_id)),
                    " ".join(case.tracking_numbers),
                    timestamp(now),
                    case_id,
                ),
            )
            if cursor.rowcount == 0:
                raise NotFoundError("case_not_found", case_id=case_id)

    def get_case(self, case_id: int) -> CaseRecord:
        rows = self._query(
            "SELECT status, case_json, pii, amount_claimed, amount_recovered, created_at,"
            " updated_at FROM cases WHERE id = ?",
            (case_id,),
        )
        if not rows:
            raise NotFoundError("case_not_found", case_id=case_id)
        status, case_json, pii, claimed, recovered, created, updated = rows[0]
        personal = self._cipher.open_json(pii, pii_aad(case_id)) if pii else {}
        data = codec.merge_pii(json.loads(case_json), personal)
        return CaseRecord(
            id=case_id,
            case=case_from_json(data, now=when(created)),
            status=CaseStatus(status),
            amount_claimed=decimal(claimed),
            amount_recovered=decimal(recovered),
            created_at=when(created),
            updated_at=when(updated),
        )

    def list_cases(
        self, status: CaseStatus | None = None, tracking: str | None = None
    ) -> list[CaseSummary]:
        sql = (
            "SELECT id, status, case_json, amount_claimed, amount_recovered, created_at,"
            " updated_at FROM cases WHERE 1 = 1"
        )
        params: list[Any] = []
        if status is not None:
            sql += " AND status = ?"
            params.append(CaseStatus(status).value)
        if tracking:
            try:  # stored numbers are normalised: "sf 1400-0123 45678" is SF1400012345678
                number = normalize_tracking_number(tracking, "tracking")
            except CaseError:
                return []  # not a tracking number, so no case has it
            sql += " AND (' ' || tracking || ' ') LIKE ?"
            params.append(f"% {number} %")
        summaries = []
        for row in self._query(sql + " ORDER BY id", tuple(params)):
            case_id, state, case_json, claimed, recovered, created, updated = row
            data = json.loads(case_json)
            summaries.append(
                CaseSummary(
                    id=case_id,
                    status=CaseStatus(state),
                    tracking_numbers=tuple(data.get("tracking_numbers", ())),
                    incident=str(data.get("incident", "")),
                    carrier=data.get("carrier"),
                    amount_claimed=decimal(claimed),
                    amount_recovered=decimal(recovered),
                    created_at=when(created),
                    updated_at=when(updated),
                )
            )
        return summaries

    def set_status(
        self,
        case_id: int,
        status: CaseStatus | str,
        now: datetime,
        *,
        note: str = "",
        amount_recovered: Decimal | None = None,
    ) -> None:
        try:
            new = CaseStatus(status)
        except ValueError:
            allowed = " | ".join(member.value for member in CaseStatus)
            raise StoreError("bad_status", status=status, allowed=allowed) from None
        stamp = timestamp(now)
        with self._tx() as conn:
            old = self._require_case(conn, case_id)
            if new not in TRANSITIONS[old]:
                raise BadTransitionError(
                    "bad_transition", case_id=case_id, old=old, new=new, allowed=TRANSITIONS[old]
                )
            conn.execute(
                "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                (new.value, stamp, case_id),
            )
            if amount_recovered is not None:
                conn.execute(
                    "UPDATE cases SET amount_recovered = ? WHERE id = ?",
                    (money(amount_recovered, "amount_recovered"), case_id),
                )
            sealed = self._cipher.seal_text(note, b"status-note") if note else None
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note) VALUES (?, ?, ?, ?)",
                (case_id, new.value, stamp, sealed),
            )
            # The status and the events agree: a status picked by hand records its event.
            recovered = amount_recovered
            if recovered is None:
                row = conn.execute(
                    "SELECT amount_recovered FROM cases WHERE id = ?", (case_id,)
                ).fetchone()
                recovered = decimal(row[0])
            self.record_implied_event(conn, case_id, new, now, recovered, note)

    def claims_for_tracking(
        self, numbers: Iterable[str], *, exclude: int | None = None
    ) -> list[CaseSummary]:
        """The stored cases that share any of these tracking numbers, oldest first: a second
        claim for the same parcel deserves a warning. `exclude` leaves out the case itself."""
        found: dict[int, CaseSummary] = {}
        for number in numbers:
            for summary in self.list_cases(tracking=number):
                if summary.id != exclude:
                    found[summary.id] = summary
        return [found[case_id] for case_id in sorted(found)]

    def status_history(self, case_id: int) -> list[StatusChange]:
        with self._lock:
            self._require_case(self._conn, case_id)
        rows = self._query(
            "SELECT status, at, note FROM status_history WHERE case_id = ? ORDER BY id", (case_id,)
        )
        return [
            StatusChange(
                CaseStatus(status),
                when(at),
                self._cipher.open_text(note, b"status-note") if note else "",
            )
            for status, at, note in rows
        ]

    def set_amounts(
        self,
        case_id: int,
        now: datetime,
        *,
        claimed: Decimal | None = None,
        recovered: Decimal | None = None,
    ) -> None:
        with self._tx() as conn:
            self._require_case(conn, case_id)
            if claimed is not None:
                conn.execute(
                    "UPDATE cases SET amount_claimed = ? WHERE id = ?",
                    (money(claimed, "amount_claimed"), case_id),
                )
            if recovered is not None:
                conn.execute(
                    "UPDATE cases SET amount_recovered = ? WHERE id = ?",
                    (money(recovered, "amount_recovered"), case_id),
                )
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (timestamp(now), case_id))

    # ------------------------------------------------------------------ drafts

    def save_draft(
        self, data: Mapping[str, Any], page: int, now: datetime, draft_id: int | None = None
    ) -> int:
        raw = codec.encode_draft(dict(data))
        stamp = timestamp(now)
        with self._tx() as conn:
            if draft_id is None:
                cursor = conn.execute(
                    "INSERT INTO drafts (data, page, updated_at) VALUES (x'', ?, ?)", (page, stamp)
                )
                draft_id = int(cursor.lastrowid or 0)
            sealed = self._cipher.seal(raw, _draft_aad(draft_id))
            cursor = conn.execute(
                "UPDATE drafts SET data = ?, page = ?, updated_at = ? WHERE id = ?",
                (sealed, page, stamp, draft_id),
            )
            if cursor.rowcount == 0:
                raise NotFoundError("draft_not_found", draft_id=draft_id)
        return draft_id

    def load_draft(self, draft_id: int) -> Draft:
        rows = self._query("SELECT data, page, updated_at FROM drafts WHERE id = ?", (draft_id,))
        if not rows:
            raise NotFoundError("draft_not_found", draft_id=draft_id)
        sealed, page, updated = rows[0]
        data = codec.decode_draft(self._cipher.open(sealed, _draft_aad(draft_id)))
        return Draft(draft_id, data, int(page), when(updated))

    def list_drafts(self) -> list[Draft]:
        ids = [row[0] for row in self._query("SELECT id FROM drafts ORDER BY updated_at DESC")]
        return [self.load_draft(draft_id) for draft_id in ids]

    def delete_draft(self, draft_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # ------------------------------------------------------------------ export, backup

    def export_case(
        self, case_id: int, dest: Path, *, redact: bool = False, as_zip: bool = True
    ) -> Path:
        from .export import export_case

        return export_case(self, case_id, Path(dest), redact=redact, as_zip=as_zip)

    def backup(self, dest: Path, passphrase: str) -> Path:
        from .backup import write_backup

        with self._lock:
            return write_backup(
                self._conn, self.data_dir, self._data_key(), self.store_id, Path(dest), passphrase
            )

    def _data_key(self) -> bytes:
        return self._cipher.key

    # ------------------------------------------------------------------ recovery (no open store)

    @staticmethod
    def list_copies(data_dir: Path) -> list[Path]:
        return schema.list_copies(Path(data_dir))

    @staticmethod
    def restore_copy(data_dir: Path, copy: Path) -> None:
        schema.restore_copy(Path(data_dir), Path(copy))

    @staticmethod
    def restore(
        archive: Path, data_dir: Path, passphrase: str, keys: KeyStore, *, overwrite: bool = False
    ) -> Path | None:
        from .backup import restore_backup

        return restore_backup(Path(archive), Path(data_dir), passphrase, keys, overwrite=overwrite)


def _draft_aad(draft_id: int) -> bytes:
    return f"draft:{draft_id}".encode()
