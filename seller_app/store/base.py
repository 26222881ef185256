"""What every part of the `Store` shares: the connection, the cipher, transactions, helpers."""

from __future__ import annotations

import secrets
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Self

from cryptography.exceptions import InvalidTag

from ..credentials import KeyStore
from . import schema
from .crypto import KEY_BYTES, BlobStore, Cipher
from .errors import (
    KeyProblemError,
    NotFoundError,
    StoreCorruptError,
    StoreError,
    is_damage,
    is_disk_full,
)
from .records import CaseStatus

BLOBS_DIR = "blobs"
_KEY_CHECK = b"seller-claims data key check"


def when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def timestamp(now: datetime) -> str:
    if now.tzinfo is None:
        raise ValueError("store timestamps must be timezone-aware")
    return now.isoformat()


# Ten billion yuan: no parcel claim comes near it; a figure this size is a typo or "1e999".
AMOUNT_LIMIT = Decimal("1E10")


def check_amount(value: Decimal, field: str) -> Decimal:
    """`value` if it can be a claim amount in yuan, else `StoreError` naming `field`: at least
    0, at most two decimal places (fen), below `AMOUNT_LIMIT`. The one place these rules live;
    the store applies them to every amount it records."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise StoreError("bad_amount", value=value)
    if value < 0:
        raise StoreError("amount_negative", field=field, value=value)
    if abs(value) >= AMOUNT_LIMIT:
        raise StoreError("amount_too_large", field=field, value=value, limit="10000000000")
    if value != value.quantize(Decimal("0.01")):
        raise StoreError("amount_precision", field=field, value=value)
    return value


def money(value: Decimal | None, field: str = "amount") -> str | None:
    if value is None:
        return None
    return str(check_amount(value, field))


def decimal(text: str | None) -> Decimal | None:
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


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def unlock(conn: sqlite3.Connection, keys: KeyStore) -> tuple[str, Cipher]:
    """The store id and data-key cipher; creates both for a new database."""
    meta = _meta(conn)
    if "store_id" not in meta:
        conn.execute("BEGIN IMMEDIATE")
        try:
            meta = _meta(conn)  # again under the write lock: another process may have won
            if "store_id" not in meta:
                store_id = uuid.uuid4().hex
                key = keys.get(key_name(store_id))
                if key is None:
                    key = secrets.token_bytes(KEY_BYTES)
                    keys.set(key_name(store_id), key)  # before the commit: no store without key
                check = Cipher(key).seal(_KEY_CHECK, b"key-check").hex()
                meta = {"store_id": store_id, "key_check": check}
                conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back on a full disk
                conn.execute("ROLLBACK")
            raise
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


def database_error(error: sqlite3.DatabaseError, path: Path, data_dir: Path) -> StoreError:
    """What a failure while opening the database means for the user: damage (offer the copies
    or a backup), a full disk (free space; nothing is damaged) or a passing problem (locked,
    read-only, cannot open: the reason in words)."""
    if is_disk_full(error):
        return StoreError("disk_full", path=data_dir)
    if is_damage(error):
        return StoreCorruptError(path, schema.list_copies(data_dir))
    return StoreError("database_unusable", path=path, detail=str(error))


# --------------------------------------------------------------------------- sealed photo fields
# Photo captions and original file names (a caption says "买家张三的面单", a file name can be
# the buyer's phone number) were kept readable in cases.case_json and case_photos. From here on
# the case's photo list travels in the sealed PII and case_photos keeps name and caption in a
# sealed column; `seal_photo_fields` moves what older versions wrote, once, after the key is
# known (a schema migration cannot: it runs before the store is unlocked).

PHOTO_FIELDS_SEALED = "photo_fields_sealed"


def seal_photo_fields(conn: sqlite3.Connection, cipher: Cipher) -> None:
    """Seal the readable photo names and captions left by older versions (idempotent)."""
    if _meta(conn).get(PHOTO_FIELDS_SEALED) == "1":
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if _meta(conn).get(PHOTO_FIELDS_SEALED) != "1":
            _seal_case_photo_lists(conn, cipher)
            _seal_photo_rows(conn, cipher)
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (PHOTO_FIELDS_SEALED,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite already rolled back on a full disk
            conn.execute("ROLLBACK")
        raise
    # the readable text is gone from the tables; secure_delete zeroed the freed pages, and the
    # checkpoint moves the WAL's copies into the (zeroed) file
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _seal_case_photo_lists(conn: sqlite3.Connection, cipher: Cipher) -> None:
    import json

    rows = conn.execute("SELECT id, case_json, pii FROM cases").fetchall()
    for case_id, case_json, pii in rows:
        public = json.loads(case_json)
        if "photos" not in public:
            continue
        aad = f"case-pii:{case_id}".encode()
        personal = cipher.open_json(pii, aad) if pii else {}
        personal["photos"] = public.pop("photos")
        conn.execute(
            "UPDATE cases SET case_json = ?, pii = ? WHERE id = ?",
            (json.dumps(public, ensure_ascii=False), cipher.seal_json(personal, aad), case_id),
        )


def _seal_photo_rows(conn: sqlite3.Connection, cipher: Cipher) -> None:
    rows = conn.execute("SELECT id, name, caption FROM case_photos WHERE sealed IS NULL").fetchall()
    for photo_id, name, caption in rows:
        conn.execute(
            "UPDATE case_photos SET name = '', caption = '', sealed = ? WHERE id = ?",
            (seal_photo_text(cipher, photo_id, name, caption), photo_id),
        )


def seal_photo_text(cipher: Cipher, photo_id: int, name: str, caption: str) -> bytes:
    return cipher.seal_json({"name": name, "caption": caption}, f"photo:{photo_id}".encode())


def open_photo_text(cipher: Cipher, photo_id: int, sealed: bytes | None) -> tuple[str, str]:
    """(original file name, caption) of a photo row."""
    if sealed is None:
        return "", ""
    data = cipher.open_json(sealed, f"photo:{photo_id}".encode())
    return str(data.get("name", "")), str(data.get("caption", ""))


class StoreBase:
    def __init__(
        self, data_dir: Path, conn: sqlite3.Connection, cipher: Cipher, store_id: str
    ) -> None:
        self.data_dir = data_dir
        self.store_id = store_id
        self._conn = conn
        self._cipher = cipher
        self._blobs = BlobStore(data_dir / BLOBS_DIR, cipher)
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
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
                if self._conn.in_transaction:  # SQLite already rolled back on a full disk
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock, self._corruption_reported():
            return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def _corruption_reported(self) -> Iterator[None]:
        """Damage found after opening ("disk image is malformed") becomes `StoreCorruptError`;
        a full disk becomes a ``disk_full`` `StoreError` -- never "damaged, restore a backup"."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if is_disk_full(error):
                raise StoreError("disk_full", path=self.data_dir) from error
            if type(error) is not sqlite3.DatabaseError and not is_damage(error):
                raise  # Operational/IntegrityError: a bug
            raise StoreCorruptError(
                self.data_dir / schema.DB_NAME, schema.list_copies(self.data_dir)
            ) from error

    def _require_case(self, conn: sqlite3.Connection, case_id: int) -> CaseStatus:
        row = conn.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise NotFoundError("case_not_found", case_id=case_id)
        return CaseStatus(row[0])
