"""What every part of the `Store` shares: the database, the cipher, the desk, transactions,
row versions and helpers."""

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
from typing import Any, Protocol, Self

from cryptography.exceptions import InvalidTag

from ..credentials import KeyStore
from . import schema
from .conflict import ConcurrentEditError
from .crypto import KEY_BYTES, Cipher
from .db import Database, connect_sqlite
from .desk import Desk
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


connect = connect_sqlite  # (older name)


def _meta(conn: Database) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def set_meta(conn: Database, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def unlock(conn: Database, keys: KeyStore) -> tuple[str, Cipher]:
    """The store id and data-key cipher of a desk's own store; creates both for a new database.
    (A shop server's key is unlocked by `shopkey.unlock_shared`.)"""
    meta = _meta(conn)
    if "store_id" not in meta:
        with conn.transaction():
            meta = _meta(conn)  # again under the write lock: another process may have won
            if "store_id" not in meta:
                store_id = uuid.uuid4().hex
                key = keys.get(key_name(store_id))
                if key is None:
                    key = secrets.token_bytes(KEY_BYTES)
                    keys.set(key_name(store_id), key)  # before the commit: no store without key
                check = Cipher(key).seal(_KEY_CHECK, b"key-check").hex()
                meta = {"store_id": store_id, "key_check": check}
                for item in meta.items():
                    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", item)
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


def seal_photo_fields(conn: Database, cipher: Cipher) -> None:
    """Seal the readable photo names and captions left by older versions (idempotent)."""
    if _meta(conn).get(PHOTO_FIELDS_SEALED) == "1":
        return
    with conn.transaction():
        conn.exclusive()
        if _meta(conn).get(PHOTO_FIELDS_SEALED) != "1":
            _seal_case_photo_lists(conn, cipher)
            _seal_photo_rows(conn, cipher)
            set_meta(conn, PHOTO_FIELDS_SEALED, "1")
    if conn.dialect == "sqlite":
        # the readable text is gone from the tables; secure_delete zeroed the freed pages, and
        # the checkpoint moves the WAL's copies into the (zeroed) file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _seal_case_photo_lists(conn: Database, cipher: Cipher) -> None:
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


def _seal_photo_rows(conn: Database, cipher: Cipher) -> None:
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


@contextmanager
def reported(conn: Database) -> Iterator[None]:
    """A driver error as the user should hear of it (`db.Database.problem`): damage, a full
    disk, a server gone away. Anything else is a bug and raises as it is."""
    try:
        yield
    except Exception as error:
        problem = conn.problem(error)
        if problem is None:
            raise
        raise problem from error


class Blobs(Protocol):
    """Sealed bytes named by the SHA-256 of their plaintext: files in the data folder
    (`crypto.BlobStore`) or rows on the shop server (`blobs.TableBlobStore`)."""

    def put(self, data: bytes) -> str: ...

    def get(self, sha256: str) -> bytes: ...


class StoreBase:
    def __init__(
        self,
        data_dir: Path,
        conn: Database,
        cipher: Cipher,
        store_id: str,
        desk: Desk,
        blobs: Blobs,
    ) -> None:
        self.data_dir = data_dir
        self.store_id = store_id
        self.desk = desk
        self._conn = conn
        self._cipher = cipher
        self._blobs = blobs
        self._lock = threading.RLock()
        # The row version of each case as this store last read or wrote it: a save that does
        # not name the version it started from is checked against this one.
        self._seen: dict[int, int] = {}
        self._pending: dict[int, int] = {}
        self._desk_names: dict[str, str] = {}

    @property
    def shared(self) -> bool:
        """Whether this is a shop server several desks use at once."""
        return self._conn.shared

    @property
    def location(self) -> str:
        """The database as the user names it: the SQLite file, or ``user@host:port/db``."""
        return self._conn.where()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[Database]:
        """One change, all or nothing: its own transaction, or inside `write_batch` a savepoint
        of the batch's transaction."""
        with self._lock, self._problems_reported():
            nested = self._conn.in_transaction
            # inside a batch, what the batch changed so far stays known to `_lock_case` (a row
            # updated, then its amounts set: the second change starts from the first's version)
            outer, self._pending = self._pending, (dict(self._pending) if nested else {})
            try:
                with self._conn.transaction():
                    yield self._conn
            except BaseException:
                self._pending = outer
                raise
            if not nested:
                self._seen.update(self._pending)  # only what was committed
                self._pending = {}

    @contextmanager
    def write_batch(self) -> Iterator[None]:
        """Many changes, one commit: what is written inside the block is committed together
        when it ends -- normally or by an exception (Ctrl-C, a failed row): each change on its
        own stays all or nothing (a savepoint), and every one that completed is kept. A commit
        waits for the disk (SQLite's synchronous=FULL, PostgreSQL's WAL flush); an import of many
        cases pays it once per batch. Keep a batch short: it holds the write lock (SQLite: the
        whole file; PostgreSQL: the rows it changed). Nested batches join the outer one."""
        with self._lock:
            if self._conn.in_transaction:
                yield
                return
            with self._problems_reported():
                self._conn.begin()
                self._pending = {}
            try:
                yield
            finally:
                with self._problems_reported():
                    if self._conn.in_transaction:  # SQLite rolls back by itself on a full disk
                        self._conn.commit()
                        self._seen.update(self._pending)
                    self._pending = {}

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock, self._problems_reported():
            return self._conn.execute(sql, params).fetchall()

    def _problems_reported(self) -> Any:
        """A driver error as the user should hear of it (`reported`)."""
        return reported(self._conn)

    _corruption_reported = _problems_reported  # (older name)

    def _require_case(self, conn: Database, case_id: int) -> CaseStatus:
        row = conn.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise NotFoundError("case_not_found", case_id=case_id)
        return CaseStatus(row[0])

    # ------------------------------------------------------------------ row versions

    def _lock_case(
        self, conn: Database, case_id: int, expected: int | None
    ) -> tuple[CaseStatus, int]:
        """Inside a transaction: lock the case's row for this change and check that nobody
        changed it since the version `expected` (or the one this store last saw);
        `ConcurrentEditError` naming the desk that did."""
        row = conn.execute(
            "SELECT status, version, updated_by, updated_at FROM cases WHERE id = ?"
            + conn.for_update,
            (case_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError("case_not_found", case_id=case_id)
        status, version, by, at = row
        wanted = expected if expected is not None else self._pending.get(case_id)
        wanted = wanted if wanted is not None else self._seen.get(case_id)
        if wanted is not None and wanted != version:
            raise ConcurrentEditError(
                case_id, desk=self._desk_name(conn, by), at=when(at), expected=wanted, found=version
            )
        return CaseStatus(status), int(version)

    def _touch(self, conn: Database, case_id: int, stamp: str) -> int:
        """The case changed (once per transaction, its row locked by `_lock_case`): the next
        version, by this desk, at `stamp`."""
        conn.execute(
            "UPDATE cases SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
            (self.desk.id, stamp, case_id),
        )
        version = int(
            conn.execute("SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        )
        self._pending[case_id] = version
        return version

    def _saw(self, case_id: int, version: int) -> None:
        self._seen[case_id] = version

    # ------------------------------------------------------------------ desks

    def _register_desk(self) -> None:
        sealed = self._cipher.seal_text(self.desk.name, _desk_aad(self.desk.id))
        with self._tx() as conn:
            row = conn.execute("SELECT name FROM desks WHERE id = ?", (self.desk.id,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO desks (id, name) VALUES (?, ?)", (self.desk.id, sealed))
            elif self._open_desk_name(self.desk.id, row[0]) != self.desk.name:
                conn.execute("UPDATE desks SET name = ? WHERE id = ?", (sealed, self.desk.id))
        self._desk_names[self.desk.id] = self.desk.name

    def _open_desk_name(self, desk_id: str, sealed: bytes) -> str | None:
        try:
            return self._cipher.open_text(bytes(sealed), _desk_aad(desk_id))
        except (InvalidTag, ValueError):
            return None

    def _desk_name(self, conn: Database, desk_id: str | None) -> str | None:
        """The name of desk `desk_id` (None for a row from before desks were recorded)."""
        if desk_id is None:
            return None
        if desk_id not in self._desk_names:
            row = conn.execute("SELECT name FROM desks WHERE id = ?", (desk_id,)).fetchone()
            name = self._open_desk_name(desk_id, row[0]) if row else None
            if name is None:
                return None
            self._desk_names[desk_id] = name
        return self._desk_names[desk_id]

    def desk_names(self) -> dict[str, str]:
        """Every desk that has worked on this store: id -> name."""
        rows = self._query("SELECT id, name FROM desks ORDER BY id")
        names = {}
        for desk_id, sealed in rows:
            name = self._open_desk_name(desk_id, sealed)
            if name is not None:
                names[desk_id] = name
        self._desk_names.update(names)
        return names


def _desk_aad(desk_id: str) -> bytes:
    return f"desk:{desk_id}".encode()
