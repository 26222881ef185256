"""The `Store` class: one SQLite database plus sealed blob files in the data directory.

See the package docstring (`seller_app.store`) for the public methods.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from ..credentials import KeyStore
from ..domain.case import Case, PhotoKind, case_from_json, case_to_json
from . import codec, schema
from .crypto import KEY_BYTES, BlobStore, Cipher
from .errors import (
    BadTransitionError,
    KeyProblemError,
    NotFoundError,
    StoreCorruptError,
    StoreError,
)
from .records import (
    TRANSITIONS,
    CaseNote,
    CaseRecord,
    CaseStatus,
    CaseSummary,
    Draft,
    StatusChange,
    StoredDocument,
    StoredPhoto,
)

BLOBS_DIR = "blobs"
_KEY_CHECK = b"seller-claims data key check"


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _stamp(now: datetime) -> str:
    if now.tzinfo is None:
        raise ValueError("store timestamps must be timezone-aware")
    return now.isoformat()


def _money(value: Decimal | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Decimal) or not value.is_finite():
        raise StoreError("bad_amount", value=value)
    return str(value)


def _decimal(text: str | None) -> Decimal | None:
    try:
        return None if text is None else Decimal(text)
    except InvalidOperation:
        return None


def key_name(store_id: str) -> str:
    return f"data-key-{store_id}"


def connect(path: Path) -> sqlite3.Connection:
    """An autocommit connection with WAL, full sync and foreign keys on."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed case survives a power cut, not only a process crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    return conn


class Store:
    def __init__(
        self, data_dir: Path, conn: sqlite3.Connection, cipher: Cipher, store_id: str
    ) -> None:
        self.data_dir = data_dir
        self.store_id = store_id
        self._conn = conn
        self._cipher = cipher
        self._blobs = BlobStore(data_dir / BLOBS_DIR, cipher)
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, data_dir: Path, keys: KeyStore) -> Store:
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / schema.DB_NAME
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(path)
            version = schema.schema_version(conn)
            if version > schema.LATEST:
                raise StoreError("too_new", path=path, found=version, known=schema.LATEST)
            if version > 0 and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            schema.migrate(conn, data_dir)
            store_id, cipher = cls._unlock(conn, keys)
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            raise StoreCorruptError(path, schema.list_copies(data_dir)) from error
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return cls(data_dir, conn, cipher, store_id)

    @staticmethod
    def _unlock(conn: sqlite3.Connection, keys: KeyStore) -> tuple[str, Cipher]:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if "store_id" not in meta:
            store_id = uuid.uuid4().hex
            key = keys.get(key_name(store_id))
            if key is None:
                key = secrets.token_bytes(KEY_BYTES)
                keys.set(key_name(store_id), key)  # before the commit: never a store without key
            cipher = Cipher(key)
            check = cipher.seal(_KEY_CHECK, b"key-check").hex()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO meta VALUES ('store_id', ?), ('key_check', ?)", (store_id, check)
            )
            conn.execute("COMMIT")
            return store_id, cipher
        store_id = meta["store_id"]
        key = keys.get(key_name(store_id))
        if key is None:
            raise KeyProblemError("key_missing")
        cipher = Cipher(key)
        try:
            cipher.open(bytes.fromhex(meta["key_check"]), b"key-check")
        except (InvalidTag, KeyError, ValueError):
            raise KeyProblemError("wrong_key") from None
        return store_id, cipher

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._corruption_reported():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock, self._corruption_reported():
            return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def _corruption_reported(self) -> Iterator[None]:
        """Damage found after opening ("disk image is malformed") becomes `StoreCorruptError`."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if type(error) is not sqlite3.DatabaseError:  # Operational/IntegrityError: a bug
                raise
            raise StoreCorruptError(
                self.data_dir / schema.DB_NAME, schema.list_copies(self.data_dir)
            ) from error

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
        stamp = _stamp(now)
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO cases (status, case_json, pii, tracking, amount_claimed,"
                " created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?)",
                (
                    CaseStatus.DRAFT.value,
                    json.dumps(public, ensure_ascii=False),
                    " ".join(case.tracking_numbers),
                    _money(amount_claimed),
                    stamp,
                    stamp,
                ),
            )
            case_id = int(cursor.lastrowid or 0)
            conn.execute(
                "UPDATE cases SET pii = ? WHERE id = ?",
                (self._cipher.seal_json(pii, _pii_aad(case_id)), case_id),
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
                    self._cipher.seal_json(pii, _pii_aad(case_id)),
                    " ".join(case.tracking_numbers),
                    _stamp(now),
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
        personal = self._cipher.open_json(pii, _pii_aad(case_id)) if pii else {}
        data = codec.merge_pii(json.loads(case_json), personal)
        return CaseRecord(
            id=case_id,
            case=case_from_json(data, now=_when(created)),
            status=CaseStatus(status),
            amount_claimed=_decimal(claimed),
            amount_recovered=_decimal(recovered),
            created_at=_when(created),
            updated_at=_when(updated),
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
            sql += " AND (' ' || tracking || ' ') LIKE ?"
            params.append(f"% {tracking.strip().upper()} %")
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
                    amount_claimed=_decimal(claimed),
                    amount_recovered=_decimal(recovered),
                    created_at=_when(created),
                    updated_at=_when(updated),
                )
            )
        return summaries

    def _require_case(self, conn: sqlite3.Connection, case_id: int) -> CaseStatus:
        row = conn.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise NotFoundError("case_not_found", case_id=case_id)
        return CaseStatus(row[0])

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
        stamp = _stamp(now)
        with self._tx() as conn:
            old = self._require_case(conn, case_id)
            if new not in TRANSITIONS[old]:
                allowed = " | ".join(sorted(s.value for s in TRANSITIONS[old])) or "-"
                raise BadTransitionError(
                    "bad_transition", case_id=case_id, old=old.value, new=new.value, allowed=allowed
                )
            conn.execute(
                "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                (new.value, stamp, case_id),
            )
            if amount_recovered is not None:
                conn.execute(
                    "UPDATE cases SET amount_recovered = ? WHERE id = ?",
                    (_money(amount_recovered), case_id),
                )
            sealed = self._cipher.seal_text(note, b"status-note") if note else None
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note) VALUES (?, ?, ?, ?)",
                (case_id, new.value, stamp, sealed),
            )

    def status_history(self, case_id: int) -> list[StatusChange]:
        with self._lock:
            self._require_case(self._conn, case_id)
        rows = self._query(
            "SELECT status, at, note FROM status_history WHERE case_id = ? ORDER BY id", (case_id,)
        )
        return [
            StatusChange(
                CaseStatus(status),
                _when(at),
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
                    "UPDATE cases SET amount_claimed = ? WHERE id = ?", (_money(claimed), case_id)
                )
            if recovered is not None:
                conn.execute(
                    "UPDATE cases SET amount_recovered = ? WHERE id = ?",
                    (_money(recovered), case_id),
                )
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (_stamp(now), case_id))

    # ------------------------------------------------------------------ drafts

    def save_draft(
        self, data: Mapping[str, Any], page: int, now: datetime, draft_id: int | None = None
    ) -> int:
        raw = codec.encode_draft(dict(data))
        stamp = _stamp(now)
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
        return Draft(draft_id, data, int(page), _when(updated))

    def list_drafts(self) -> list[Draft]:
        ids = [row[0] for row in self._query("SELECT id FROM drafts ORDER BY updated_at DESC")]
        return [self.load_draft(draft_id) for draft_id in ids]

    def delete_draft(self, draft_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # ------------------------------------------------------------------ photos

    def add_photo(
        self,
        case_id: int,
        original: Path,
        now: datetime,
        *,
        kind: PhotoKind = PhotoKind.OTHER,
        caption: str = "",
        prepared: Path | None = None,
    ) -> StoredPhoto:
        try:
            data = Path(original).read_bytes()
            prepared_data = Path(prepared).read_bytes() if prepared is not None else None
        except OSError as error:
            raise StoreError(
                "file_unreadable", path=error.filename, detail=error.strerror
            ) from None
        # Sealed files first: a crash before the commit leaves an unreferenced blob, never a
        # row pointing at nothing.
        digest = self._blobs.put(data)
        prepared_digest = self._blobs.put(prepared_data) if prepared_data is not None else None
        stamp = _stamp(now)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            cursor = conn.execute(
                "INSERT INTO case_photos (case_id, sha256, name, kind, caption, size, added_at,"
                " prepared_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    digest,
                    Path(original).name,
                    PhotoKind(kind).value,
                    caption,
                    len(data),
                    stamp,
                    prepared_digest,
                ),
            )
            photo_id = int(cursor.lastrowid or 0)
        return StoredPhoto(
            photo_id,
            case_id,
            digest,
            Path(original).name,
            PhotoKind(kind),
            caption,
            len(data),
            prepared_digest,
            _when(stamp),
        )

    def photos(self, case_id: int) -> list[StoredPhoto]:
        rows = self._query(
            "SELECT id, sha256, name, kind, caption, size, prepared_sha256, added_at"
            " FROM case_photos WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        return [
            StoredPhoto(
                row[0],
                case_id,
                row[1],
                row[2],
                PhotoKind(row[3]),
                row[4],
                row[5],
                row[6],
                _when(row[7]),
            )
            for row in rows
        ]

    def read_photo(self, sha256: str) -> bytes:
        """The bytes of a stored original or prepared copy, checked against its SHA-256."""
        try:
            return self._blobs.get(sha256)
        except (FileNotFoundError, InvalidTag):
            raise NotFoundError("photo_not_found", sha256=sha256) from None

    # ------------------------------------------------------------------ documents

    def add_document(
        self,
        case_id: int,
        kind: str,
        name: str,
        data: bytes | Path,
        now: datetime,
        *,
        redacted: bool = False,
    ) -> StoredDocument:
        if isinstance(data, Path):
            try:
                data = data.read_bytes()
            except OSError as error:
                raise StoreError(
                    "file_unreadable", path=error.filename, detail=error.strerror
                ) from None
        digest = self._blobs.put(bytes(data))
        stamp = _stamp(now)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            cursor = conn.execute(
                "INSERT INTO documents (case_id, kind, name, sha256, size, redacted, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (case_id, kind, name, digest, len(data), int(redacted), stamp),
            )
            document_id = int(cursor.lastrowid or 0)
        return StoredDocument(
            document_id, case_id, kind, name, digest, len(data), redacted, _when(stamp)
        )

    def documents(self, case_id: int) -> list[StoredDocument]:
        rows = self._query(
            "SELECT id, kind, name, sha256, size, redacted, created_at"
            " FROM documents WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        return [
            StoredDocument(
                row[0], case_id, row[1], row[2], row[3], row[4], bool(row[5]), _when(row[6])
            )
            for row in rows
        ]

    def read_document(self, document_id: int) -> bytes:
        rows = self._query("SELECT sha256 FROM documents WHERE id = ?", (document_id,))
        if not rows:
            raise NotFoundError("document_not_found", document_id=document_id)
        try:
            return self._blobs.get(rows[0][0])
        except (FileNotFoundError, InvalidTag):
            raise NotFoundError("document_not_found", document_id=document_id) from None

    # ------------------------------------------------------------------ notes

    def add_note(self, case_id: int, text: str, now: datetime) -> CaseNote:
        stamp = _stamp(now)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            cursor = conn.execute(
                "INSERT INTO notes (case_id, at, body) VALUES (?, ?, ?)",
                (case_id, stamp, self._cipher.seal_text(text, b"note")),
            )
            note_id = int(cursor.lastrowid or 0)
        return CaseNote(note_id, case_id, _when(stamp), text)

    def notes(self, case_id: int) -> list[CaseNote]:
        rows = self._query(
            "SELECT id, at, body FROM notes WHERE case_id = ? ORDER BY id", (case_id,)
        )
        return [
            CaseNote(row[0], case_id, _when(row[1]), self._cipher.open_text(row[2], b"note"))
            for row in rows
        ]

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

    def _blob_paths(self) -> list[Path]:
        return sorted(
            path
            for path in (self.data_dir / BLOBS_DIR).rglob("*")
            if path.is_file() and not path.name.startswith(".")
        )

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


def _pii_aad(case_id: int) -> bytes:
    return f"case-pii:{case_id}".encode()


def _draft_aad(draft_id: int) -> bytes:
    return f"draft:{draft_id}".encode()
