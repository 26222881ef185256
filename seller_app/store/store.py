"""The `Store`: a desk's own SQLite database plus sealed blob files in its data folder, or a
shop's shared PostgreSQL database (`open_shared`) holding everything, blobs included.

See the package docstring (`seller_app.store`) for the public methods. Shared plumbing is in
`base`, photos/documents/notes in `files`, events in `events`, the two databases in `db`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import leftovers
from ..credentials import KeyStore
from ..domain.case import Case, case_from_json, case_to_json, normalize_tracking_number
from ..domain.errors import CaseError
from . import codec, schema
from .base import (
    BLOBS_DIR,
    database_error,
    decimal,
    key_name,
    money,
    reported,
    seal_photo_fields,
    timestamp,
    unlock,
    when,
)
from .crypto import BlobStore, private_dir, private_file
from .db import Database, SqliteDatabase
from .desk import Desk
from .errors import BadTransitionError, NotFoundError, StoreError
from .events import CaseEvents, pii_aad
from .files import CaseFiles
from .records import TRANSITIONS, CaseRecord, CaseStatus, CaseSummary, Draft, StatusChange

if TYPE_CHECKING:
    from .server import ServerSettings
    from .shopkey import AskPassphrase
    from .transfer import MigrationReport, Progress

__all__ = ["Store", "key_name"]


def _desk(data_dir: Path, desk: Desk | str | None) -> Desk:
    return desk if isinstance(desk, Desk) else Desk.local(data_dir, desk)


class Store(CaseEvents, CaseFiles):
    @classmethod
    def open(cls, data_dir: Path, keys: KeyStore, *, desk: Desk | str | None = None) -> Store:
        """This desk's own store in `data_dir` (SQLite). `desk`: a `Desk`, a new name for
        this PC's desk, or None for the one saved in the data folder."""
        import sqlite3

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
        conn: SqliteDatabase | None = None
        try:
            conn = SqliteDatabase(path)
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
        store = cls(
            data_dir,
            conn,
            cipher,
            store_id,
            _desk(data_dir, desk),
            BlobStore(data_dir / BLOBS_DIR, cipher),
        )
        return store._ready()

    @classmethod
    def open_shared(
        cls,
        server: ServerSettings | str,
        keys: KeyStore,
        *,
        data_dir: Path,
        desk: Desk | str | None = None,
        password: str | None = None,
        shop_passphrase: AskPassphrase | None = None,
    ) -> Store:
        """The shop's shared store on a PostgreSQL server (settings, or a URL whose password,
        if any, is used when `password` is None).

        `keys` is this desk's keychain: it holds the shop's data key once unlocked and the
        server password (`ServerSettings.password_key`) when `password` is None. `data_dir` is
        this PC's data folder (its desk identity). `shop_passphrase(creating)` is asked only
        when this desk does not hold the shop's key yet (`creating`: the server holds no shop
        store, ask twice). Errors: `ServerUnreachableError` (offer the local store),
        `ServerLoginError`, ``server_no_database``, ``too_new``, ``server_needs_backup``,
        `KeyProblemError` (``shop_passphrase_needed``, ``wrong_shop_passphrase``)."""
        from .blobs import TableBlobStore
        from .db import PostgresDatabase
        from .server import resolve
        from .shopkey import unlock_shared

        server, password = resolve(server, keys, password)
        data_dir = Path(data_dir)
        try:
            private_dir(data_dir)
        except OSError as error:
            raise StoreError("data_dir_unusable", path=data_dir, detail=error) from None
        conn = PostgresDatabase(server, password)
        try:
            with reported(conn):
                version = schema.schema_version(conn)
                if version > schema.LATEST:
                    raise StoreError(
                        "too_new", path=conn.where(), found=version, known=schema.LATEST
                    )
                schema.migrate(conn, None)
                store_id, cipher = unlock_shared(conn, keys, shop_passphrase)
                seal_photo_fields(conn, cipher)
        except BaseException:
            conn.close()
            raise
        store = cls(
            data_dir, conn, cipher, store_id, _desk(data_dir, desk), TableBlobStore(conn, cipher)
        )
        return store._ready()

    def _ready(self) -> Store:
        try:
            self._register_desk()
        except BaseException:
            self.close()
            raise
        return self

    # ------------------------------------------------------------------ cases

    def add_case(
        self,
        case: Case,
        now: datetime,
        *,
        amount_claimed: Decimal | None = None,
        draft_id: int | None = None,
    ) -> int:
        with self._tx() as conn:
            return self._insert_case(conn, case, now, amount_claimed, draft_id)

    def add_claim(
        self,
        case: Case,
        now: datetime,
        *,
        amount_claimed: Decimal | None = None,
        draft_id: int | None = None,
    ) -> tuple[int, list[CaseSummary]]:
        """`add_case`, and the other cases already claiming one of its tracking numbers, looked
        up in the same transaction: on a shop server two desks adding the same parcel at once
        wait for each other, so the second always hears of the first."""
        with self._tx() as conn:
            if conn.shared:
                for number in sorted(set(case.tracking_numbers)):
                    conn.execute(
                        "SELECT pg_advisory_xact_lock(hashtext(?))", ("tracking:" + number,)
                    )
            earlier = self.claims_for_tracking(case.tracking_numbers)
            return self._insert_case(conn, case, now, amount_claimed, draft_id), earlier

    def _insert_case(
        self,
        conn: Database,
        case: Case,
        now: datetime,
        amount_claimed: Decimal | None,
        draft_id: int | None,
    ) -> int:
        public, pii = codec.split_pii(case_to_json(case))
        stamp = timestamp(now)
        if draft_id is not None:
            self._own_draft(conn, draft_id, missing_ok=True)
        case_id = conn.insert(
            "INSERT INTO cases (status, case_json, pii, tracking, amount_claimed,"
            " created_at, updated_at, created_by, updated_by)"
            " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)",
            (
                CaseStatus.DRAFT.value,
                json.dumps(public, ensure_ascii=False),
                " ".join(case.tracking_numbers),
                money(amount_claimed, "amount_claimed"),
                stamp,
                stamp,
                self.desk.id,
                self.desk.id,
            ),
        )
        conn.execute(
            "UPDATE cases SET pii = ? WHERE id = ?",
            (self._cipher.seal_json(pii, pii_aad(case_id)), case_id),
        )
        schema.index_numbers(conn, case_id, case.tracking_numbers)
        conn.execute(
            "INSERT INTO status_history (case_id, status, at, note, desk)"
            " VALUES (?, ?, ?, NULL, ?)",
            (case_id, CaseStatus.DRAFT.value, stamp, self.desk.id),
        )
        if draft_id is not None:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
        self._pending[case_id] = 1
        return case_id

    def update_case(
        self, case_id: int, case: Case, now: datetime, *, expected_version: int | None = None
    ) -> int:
        """Replace the case's content; returns its new row version. `expected_version`: the
        version the change started from (`CaseRecord.version`); by default the one this store
        last read. `ConcurrentEditError` when another desk changed the case since."""
        public, pii = codec.split_pii(case_to_json(case))
        stamp = timestamp(now)
        with self._tx() as conn:
            self._lock_case(conn, case_id, expected_version)
            conn.execute(
                "UPDATE cases SET case_json = ?, pii = ?, tracking = ? WHERE id = ?",
                (
                    json.dumps(public, ensure_ascii=False),
                    self._cipher.seal_json(pii, pii_aad(case_id)),
                    " ".join(case.tracking_numbers),
                    case_id,
                ),
            )
            conn.execute("DELETE FROM case_numbers WHERE case_id = ?", (case_id,))
            schema.index_numbers(conn, case_id, case.tracking_numbers)
            return self._touch(conn, case_id, stamp)

    def get_case(self, case_id: int) -> CaseRecord:
        rows = self._query(
            "SELECT status, case_json, pii, amount_claimed, amount_recovered, created_at,"
            " updated_at, version, created_by, updated_by FROM cases WHERE id = ?",
            (case_id,),
        )
        if not rows:
            raise NotFoundError("case_not_found", case_id=case_id)
        status, case_json, pii, claimed, recovered, created, updated, version, by, last = rows[0]
        personal = self._cipher.open_json(bytes(pii), pii_aad(case_id)) if pii else {}
        data = codec.merge_pii(json.loads(case_json), personal)
        with self._lock:
            self._saw(case_id, int(version))
            created_by, updated_by = (
                self._desk_name(self._conn, by),
                self._desk_name(self._conn, last),
            )
        return CaseRecord(
            id=case_id,
            case=case_from_json(data, now=when(created)),
            status=CaseStatus(status),
            amount_claimed=decimal(claimed),
            amount_recovered=decimal(recovered),
            created_at=when(created),
            updated_at=when(updated),
            version=int(version),
            created_by=created_by,
            updated_by=updated_by,
        )

    def check_version(self, case_id: int, expected_version: int) -> None:
        """`ConcurrentEditError` (naming the desk) unless the case is still at
        `expected_version` -- to say so before a long save begins; the save checks again."""
        with self._lock, self._problems_reported():
            self._lock_case(self._conn, case_id, expected_version)

    def list_cases(
        self, status: CaseStatus | None = None, tracking: str | None = None
    ) -> list[CaseSummary]:
        sql = (
            "SELECT id, status, case_json, amount_claimed, amount_recovered, created_at,"
            " updated_at, version, created_by FROM cases WHERE 1 = 1"
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
            sql += " AND id IN (SELECT case_id FROM case_numbers WHERE number = ?)"
            params.append(number)
        summaries = []
        rows = self._query(sql + " ORDER BY id", tuple(params))
        with self._lock:
            for row in rows:
                case_id, state, case_json, claimed, recovered, created, updated, version, by = row
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
                        version=int(version),
                        created_by=self._desk_name(self._conn, by),
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
        expected_version: int | None = None,
    ) -> None:
        try:
            new = CaseStatus(status)
        except ValueError:
            allowed = " | ".join(member.value for member in CaseStatus)
            raise StoreError("bad_status", status=status, allowed=allowed) from None
        stamp = timestamp(now)
        with self._tx() as conn:
            old, _ = self._lock_case(conn, case_id, expected_version)
            if new not in TRANSITIONS[old]:
                raise BadTransitionError(
                    "bad_transition", case_id=case_id, old=old, new=new, allowed=TRANSITIONS[old]
                )
            conn.execute("UPDATE cases SET status = ? WHERE id = ?", (new.value, case_id))
            if amount_recovered is not None:
                conn.execute(
                    "UPDATE cases SET amount_recovered = ? WHERE id = ?",
                    (money(amount_recovered, "amount_recovered"), case_id),
                )
            sealed = self._cipher.seal_text(note, b"status-note") if note else None
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note, desk)"
                " VALUES (?, ?, ?, ?, ?)",
                (case_id, new.value, stamp, sealed, self.desk.id),
            )
            # The status and the events agree: a status picked by hand records its event.
            recovered = amount_recovered
            if recovered is None:
                row = conn.execute(
                    "SELECT amount_recovered FROM cases WHERE id = ?", (case_id,)
                ).fetchone()
                recovered = decimal(row[0])
            self.record_implied_event(conn, case_id, new, now, recovered, note)
            self._touch(conn, case_id, stamp)

    def claims_for_tracking(
        self, numbers: Iterable[str], *, exclude: int | None = None
    ) -> list[CaseSummary]:
        """The stored cases that share any of these tracking numbers, oldest first: a second
        claim for the same parcel deserves a warning. `exclude` leaves out the case itself. On
        a shop server these are every desk's cases (`CaseSummary.created_by` names the desk)."""
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
            "SELECT status, at, note, desk FROM status_history WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        with self._lock:
            return [
                StatusChange(
                    CaseStatus(status),
                    when(at),
                    self._cipher.open_text(bytes(note), b"status-note") if note else "",
                    self._desk_name(self._conn, desk),
                )
                for status, at, note, desk in rows
            ]

    def set_amounts(
        self,
        case_id: int,
        now: datetime,
        *,
        claimed: Decimal | None = None,
        recovered: Decimal | None = None,
        expected_version: int | None = None,
    ) -> None:
        with self._tx() as conn:
            self._lock_case(conn, case_id, expected_version)
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
            self._touch(conn, case_id, timestamp(now))

    # ------------------------------------------------------------------ drafts
    # On a shop server a draft belongs to the desk that started it until it becomes a case:
    # other desks neither list nor change it. (A desk's own store has one desk: all are its.)

    def _own_draft(self, conn: Database, draft_id: int, *, missing_ok: bool = False) -> bool:
        """Whether draft `draft_id` exists; `StoreError` ``draft_of_other_desk`` when it is
        another desk's (a draft from before desks were recorded becomes this desk's)."""
        row = conn.execute("SELECT desk FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            if missing_ok:
                return False
            raise NotFoundError("draft_not_found", draft_id=draft_id)
        owner = row[0]
        if conn.shared and owner is not None and owner != self.desk.id:
            name = self._desk_name(conn, owner) or owner
            raise StoreError("draft_of_other_desk", draft_id=draft_id, desk=name)
        return True

    def save_draft(
        self, data: Mapping[str, Any], page: int, now: datetime, draft_id: int | None = None
    ) -> int:
        raw = codec.encode_draft(dict(data))
        stamp = timestamp(now)
        with self._tx() as conn:
            if draft_id is None:
                draft_id = conn.insert(
                    "INSERT INTO drafts (data, page, updated_at, desk) VALUES (?, ?, ?, ?)",
                    (b"", page, stamp, self.desk.id),
                )
            else:
                self._own_draft(conn, draft_id)
            sealed = self._cipher.seal(raw, _draft_aad(draft_id))
            conn.execute(
                "UPDATE drafts SET data = ?, page = ?, updated_at = ?, desk = ? WHERE id = ?",
                (sealed, page, stamp, self.desk.id, draft_id),
            )
        return draft_id

    def load_draft(self, draft_id: int) -> Draft:
        with self._lock, self._problems_reported():
            self._own_draft(self._conn, draft_id)
        rows = self._query(
            "SELECT data, page, updated_at, desk FROM drafts WHERE id = ?", (draft_id,)
        )
        if not rows:
            raise NotFoundError("draft_not_found", draft_id=draft_id)
        sealed, page, updated, desk = rows[0]
        data = codec.decode_draft(self._cipher.open(bytes(sealed), _draft_aad(draft_id)))
        with self._lock:
            name = self._desk_name(self._conn, desk)
        return Draft(draft_id, data, int(page), when(updated), name)

    def list_drafts(self) -> list[Draft]:
        """This desk's drafts, newest first (on a shop server: only the ones it started)."""
        sql = "SELECT id FROM drafts"
        params: tuple[Any, ...] = ()
        if self.shared:
            sql += " WHERE desk IS NULL OR desk = ?"
            params = (self.desk.id,)
        ids = [row[0] for row in self._query(sql + " ORDER BY updated_at DESC", params)]
        return [self.load_draft(draft_id) for draft_id in ids]

    def delete_draft(self, draft_id: int) -> None:
        with self._tx() as conn:
            if self._own_draft(conn, draft_id, missing_ok=True):
                conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # ------------------------------------------------------------------ export, backup
    # Jobs that take a store (`export`, `backup`, `server_backup`, `transfer`); these wrappers
    # keep the calls the GUI and the CLI already make.

    def export_case(
        self, case_id: int, dest: Path, *, redact: bool = False, as_zip: bool = True
    ) -> Path:
        from .export import export_case

        return export_case(self, case_id, Path(dest), redact=redact, as_zip=as_zip)

    def backup(self, dest: Path, passphrase: str) -> Path:
        """One encrypted archive of the whole store (on a shop server: every desk's cases,
        photos and documents); see `backup` and `server_backup`."""
        if self.shared:
            from .server_backup import write_server_backup

            with self._lock, self._problems_reported():
                return write_server_backup(
                    self._conn, self.store_id, self._data_key(), Path(dest), passphrase
                )
        from .backup import write_backup

        with self._lock:
            return write_backup(
                self._conn, self.data_dir, self._data_key(), self.store_id, Path(dest), passphrase
            )

    def _data_key(self) -> bytes:
        return self._cipher.key

    def change_shop_passphrase(self, old: str, new: str) -> None:
        """A shop server: wrap the shop's data key with a new passphrase (`shopkey`). Desks
        that already unlocked the store keep working; nothing is re-encrypted."""
        from .shopkey import change_passphrase

        if not self.shared:
            raise StoreError("migrate_needs_server")
        with self._lock, self._problems_reported():
            change_passphrase(self._conn, self._cipher, self.store_id, old, new)

    def migrate_to(self, shared: Store, *, progress: Progress | None = None) -> MigrationReport:
        """Copy this desk's own store into the shop's `shared` store (see `transfer`)."""
        from .transfer import migrate_to

        return migrate_to(self, shared, progress=progress)

    def not_yet_copied(self, shared: Store) -> tuple[int, int]:
        """(cases, drafts) `migrate_to(shared)` would copy now: 0, 0 means nothing to offer."""
        from .transfer import not_yet_copied

        return not_yet_copied(self, shared)

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

    @staticmethod
    def backup_shared(
        server: ServerSettings | str,
        keys: KeyStore,
        dest: Path,
        passphrase: str,
        *,
        data_dir: Path,
        password: str | None = None,
    ) -> Path:
        """Back up a shop server without opening the store on it: no upgrade, no passphrase.
        This is the backup a server needs before an upgrade (``server_needs_backup``); the
        shop's data key goes into the archive when this desk holds it."""
        from .db import PostgresDatabase
        from .server import resolve
        from .server_backup import write_server_backup

        settings, password = resolve(server, keys, password)
        conn = PostgresDatabase(settings, password)
        try:
            with reported(conn):
                if "meta" not in conn.tables():
                    raise StoreError("server_empty", where=conn.where())
                row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
                store_id = str(row[0]) if row else "0" * 32
                key = keys.get(key_name(store_id)) if row else None
                return write_server_backup(conn, store_id, key, Path(dest), passphrase)
        finally:
            conn.close()

    @staticmethod
    def restore_shared(
        archive: Path,
        server: ServerSettings | str,
        passphrase: str,
        keys: KeyStore,
        *,
        data_dir: Path,
        password: str | None = None,
        overwrite: bool = False,
    ) -> Path | None:
        """Put a shop server's backup back onto a server (see `server_backup`); returns the
        backup of what the server held before, if anything (in `data_dir`)."""
        from .server_backup import restore_server_backup

        return restore_server_backup(
            Path(archive), server, passphrase, keys, Path(data_dir), password, overwrite=overwrite
        )


def _draft_aad(draft_id: int) -> bytes:
    return f"draft:{draft_id}".encode()
