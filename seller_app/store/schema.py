"""Numbered schema migrations, applied in order, each in its own transaction.

The schema version is SQLite's ``PRAGMA user_version``. Before migrating a database that
already has data (version >= 1), a consistent copy is written with SQLite's backup API to
``copies/store-v<old>.sqlite3`` so a failed or unwanted upgrade can be undone
(`list_copies`, `restore_copy`).

1. the initial schema: meta, cases (non-PII JSON + sealed PII), status history, drafts,
   case photos, notes;
2. generated documents, and the prepared copy of each photo;
3. a searchable ``tracking`` column on cases, filled from the stored case JSON;
4. the follow-up events (issue 13): a ``case_events`` log, and the stored cases brought to the
   new meaning of ``claim_at`` -- the moment the claim was really sent. A case still in
   ``draft`` loses the claim date the wizard used to fill in with the time of entry (it was
   never sent); a case past ``draft`` keeps it and gains the events its status history implies
   (answered -> ``courier_replied_at``, rejected -> ``courier_rejected_at``, agreed ->
   ``agreed_at``, paid -> ``paid`` with the amount recovered, escalated -> ``complaint_at``), each
   at the moment the status changed. A case whose events would not fit is left as it was.
5. a sealed column for each photo's original file name and caption (filled, and the readable
   columns and the case JSON's photo list emptied, by `base.seal_photo_fields` after unlock).
6. several desks, one shop (issue 17): a row ``version`` on cases (checked on every save), the
   desk that made each case, status change, event, note, photo, document and draft, the
   ``desks`` (id, sealed name), the ``origin`` of a case or draft copied in from a desk's own
   store (``seller-claims cases migrate-to``: a re-run copies nothing twice) and the ``blobs``
   table where a shop server keeps the sealed photos and documents.
7. an index of every case's tracking numbers, one row per number (issue 16): finding the cases
   of a number (a batch re-run, the "second claim" warning) was a scan of all cases through
   ``tracking LIKE '% N %'``, which no index serves -- at 30,000 stored cases ~19 ms a look-up,
   two per imported row. Built through `db.Database` like the rest, so a shop server has it too.

The same migrations build both databases (`db.Database.ddl` adapts the column types). On a shop
server (PostgreSQL) the version is the highest row of the ``schema_migrations`` table, every
migration takes an advisory lock (two desks upgrading at once wait for each other), and instead
of a pre-migration copy a server that holds data is only migrated after a fresh backup: one made
by ``seller-claims cases backup`` (or the app) at the server's current schema version, with
nothing changed on the server since (`server_backup.backup_is_fresh`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from .crypto import private_file
from .db import Database, SqliteDatabase
from .errors import StoreError

DB_NAME = "store.sqlite3"
COPIES_DIR = "copies"

V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE cases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        status TEXT NOT NULL,
        case_json TEXT NOT NULL,
        pii BLOB,
        amount_claimed TEXT,
        amount_recovered TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE status_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        note BLOB)""",
    """CREATE TABLE drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        data BLOB NOT NULL,
        page INTEGER NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE case_photos (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        caption TEXT NOT NULL,
        size INTEGER NOT NULL,
        added_at TEXT NOT NULL)""",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        body BLOB NOT NULL)""",
    "CREATE INDEX status_history_case ON status_history(case_id, id)",
    "CREATE INDEX case_photos_case ON case_photos(case_id, id)",
    "CREATE INDEX notes_case ON notes(case_id, id)",
)

V2 = (
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        redacted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX documents_case ON documents(case_id, id)",
    "ALTER TABLE case_photos ADD COLUMN prepared_sha256 TEXT",
)


def _run(statements: tuple[str, ...]) -> Callable[[Database], None]:
    def apply(conn: Database) -> None:
        for statement in statements:
            conn.execute(conn.ddl(statement))

    return apply


def _v3(conn: Database) -> None:
    conn.execute("ALTER TABLE cases ADD COLUMN tracking TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, case_json FROM cases").fetchall()
    for case_id, case_json in rows:
        numbers = json.loads(case_json).get("tracking_numbers", [])
        conn.execute("UPDATE cases SET tracking = ? WHERE id = ?", (" ".join(numbers), case_id))
    conn.execute("CREATE INDEX cases_tracking ON cases(tracking)")


V4_EVENTS = (
    """CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        action TEXT NOT NULL DEFAULT 'recorded',
        at TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        recorded_at TEXT NOT NULL,
        note BLOB)""",
    "CREATE INDEX case_events_case ON case_events(case_id, id)",
)
# The case-file key a status implies, in the order a claim goes (see the module docstring).
_STATUS_KEYS = (
    ("answered", "courier_replied_at"),
    ("rejected", "courier_rejected_at"),
    ("agreed", "agreed_at"),
    ("escalated", "complaint_at"),
)


def _v4_case(
    status: str, data: dict[str, Any], history: list[tuple[str, str]], recovered: str | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """(the case JSON under the v4 meaning, {event key: when the store learnt it})."""
    data = dict(data)
    derived: dict[str, str] = {}
    if status == "draft":
        data.pop("claim_at", None)
        return data, derived
    first: dict[str, str] = {}
    for state, at in history:
        first.setdefault(state, at)
    for state, key in _STATUS_KEYS:
        if state in first and key not in data:
            data[key] = first[state]
            derived[key] = first[state]
    if "paid" in first and "paid" not in data and recovered and Decimal(recovered) > 0:
        data["paid"] = {"amount": recovered, "at": first["paid"]}
        derived["paid"] = first["paid"]
    return data, derived


def _v4(conn: Database) -> None:
    from ..domain.case import case_from_json
    from ..domain.errors import CaseError
    from ..domain.events import MOMENT_KEY, TICKET_KEY, case_events

    for statement in V4_EVENTS:
        conn.execute(conn.ddl(statement))
    rows = conn.execute(
        "SELECT id, status, case_json, amount_recovered, updated_at FROM cases"
    ).fetchall()
    for case_id, status, case_json, recovered, updated in rows:
        original = json.loads(case_json)
        history = conn.execute(
            "SELECT status, at FROM status_history WHERE case_id = ? ORDER BY id", (case_id,)
        ).fetchall()
        data, derived = _v4_case(status, original, history, recovered)
        moment = datetime.fromisoformat(updated)
        try:
            case = case_from_json(data, moment)
        except CaseError:
            data, derived = original, {}
            try:
                case = case_from_json(data, moment)
            except CaseError:
                continue  # a case that no longer parses is left for the app to report
        if data != original:
            conn.execute(
                "UPDATE cases SET case_json = ? WHERE id = ?",
                (json.dumps(data, ensure_ascii=False), case_id),
            )
        for event in case_events(case):
            key = MOMENT_KEY[event.kind]
            extra: dict[str, str] = {}
            if event.amount is not None:
                extra["amount"] = str(event.amount)
            if event.channel is not None:
                extra["channel"] = event.channel.value
            if event.ticket is not None and event.kind in TICKET_KEY:
                extra["ticket"] = event.ticket
            conn.execute(
                "INSERT INTO case_events (case_id, kind, action, at, data, recorded_at)"
                " VALUES (?, ?, 'recorded', ?, ?, ?)",
                (
                    case_id,
                    event.kind.value,
                    event.at.isoformat(),
                    json.dumps(extra, ensure_ascii=False),
                    derived.get(key, updated),
                ),
            )


def _sealed_photo_column(conn: Database) -> None:
    """Room for a photo's original name and caption, sealed with the data key; the readable
    columns are emptied by `base.seal_photo_fields` once the store is unlocked (issue 15)."""
    conn.execute(conn.ddl("ALTER TABLE case_photos ADD COLUMN sealed BLOB"))


V6_SHARED = (
    "ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE cases ADD COLUMN created_by TEXT",
    "ALTER TABLE cases ADD COLUMN updated_by TEXT",
    "ALTER TABLE cases ADD COLUMN origin TEXT",
    "CREATE UNIQUE INDEX cases_origin ON cases(origin)",
    "ALTER TABLE status_history ADD COLUMN desk TEXT",
    "ALTER TABLE case_events ADD COLUMN desk TEXT",
    "ALTER TABLE notes ADD COLUMN desk TEXT",
    "ALTER TABLE case_photos ADD COLUMN desk TEXT",
    "ALTER TABLE documents ADD COLUMN desk TEXT",
    "ALTER TABLE drafts ADD COLUMN desk TEXT",
    "ALTER TABLE drafts ADD COLUMN origin TEXT",
    "CREATE UNIQUE INDEX drafts_origin ON drafts(origin)",
    "CREATE TABLE desks (id TEXT PRIMARY KEY, name BLOB NOT NULL)",
    "CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL, size INTEGER NOT NULL)",
)


# an ``id`` like every other table, so a shop server's backup dumps, fingerprints and restores it
V7_CASE_NUMBERS = (
    """CREATE TABLE case_numbers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        number TEXT NOT NULL,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        UNIQUE (number, case_id))""",
    "CREATE INDEX case_numbers_case ON case_numbers(case_id)",
)
INDEX_NUMBERS = "INSERT INTO case_numbers (number, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING"


def index_numbers(conn: Database, case_id: int, numbers: Iterable[str]) -> None:
    """A case's tracking numbers into ``case_numbers``, for `Store.list_cases`: whatever writes
    a case's ``tracking`` column writes these too."""
    conn.executemany(INDEX_NUMBERS, [(number, case_id) for number in numbers])


def _case_numbers(conn: Database) -> None:
    """One row per (tracking number, case), filled from the ``tracking`` column (migration 3),
    kept by `Store.add_case` / `Store.update_case` (and a copy to the shop server) from here on."""
    _run(V7_CASE_NUMBERS)(conn)
    rows = conn.execute("SELECT id, tracking FROM cases ORDER BY id").fetchall()
    conn.executemany(
        INDEX_NUMBERS,
        [(number, case_id) for case_id, tracking in rows for number in tracking.split()],
    )


@dataclass(frozen=True)
class Migration:
    version: int
    title: str
    apply: Callable[[Database], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _run(V1)),
    Migration(2, "documents and prepared photo copies", _run(V2)),
    Migration(3, "tracking-number column", _v3),
    Migration(4, "follow-up events", _v4),
    Migration(5, "sealed photo names and captions", _sealed_photo_column),
    Migration(6, "several desks, one shop", _run(V6_SHARED)),
    Migration(7, "tracking-number index", _case_numbers),
)
LATEST = MIGRATIONS[-1].version

# The shop server's version table (SQLite keeps its version in PRAGMA user_version).
VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"""


def schema_version(conn: sqlite3.Connection | Database) -> int:
    if isinstance(conn, Database) and conn.dialect == "postgresql":
        if conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
            return 0
        row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)
    raw = conn.conn if isinstance(conn, SqliteDatabase) else conn
    assert isinstance(raw, sqlite3.Connection)
    return int(raw.execute("PRAGMA user_version").fetchone()[0])


def _set_version(conn: Database, migration: Migration) -> None:
    if conn.dialect == "postgresql":
        conn.execute(
            "INSERT INTO schema_migrations (version, title) VALUES (?, ?)",
            (migration.version, migration.title),
        )
    else:
        conn.execute(f"PRAGMA user_version = {migration.version:d}")


def copy_database(conn: sqlite3.Connection | SqliteDatabase, target: Path) -> None:
    """A consistent copy of the open database (SQLite backup API, WAL included)."""
    if isinstance(conn, SqliteDatabase):
        conn = conn.conn
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    private_file(tmp)  # a copy of the database is as private as the database
    copy = sqlite3.connect(tmp)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    tmp.replace(target)


def _copy_path(data_dir: Path, version: int) -> Path:
    folder = data_dir / COPIES_DIR
    candidate = folder / f"store-v{version}.sqlite3"
    number = 2
    while candidate.exists():
        candidate = folder / f"store-v{version}-{number}.sqlite3"
        number += 1
    return candidate


def migrate(conn: Database, data_dir: Path | None, target: int | None = None) -> Path | None:
    """Bring the schema to `target`; return the pre-migration copy taken, if any (SQLite: in
    `data_dir`). On a shop server holding data, `StoreError` ``server_needs_backup`` unless a
    fresh backup was made (see the module docstring)."""
    target = LATEST if target is None else target
    current = schema_version(conn)
    if current >= target:
        return None
    copy = None
    if isinstance(conn, SqliteDatabase):
        if current >= 1:
            assert data_dir is not None
            copy = _copy_path(data_dir, current)
            copy_database(conn, copy)
    elif current >= 1:
        from .server_backup import backup_is_fresh, holds_data

        if holds_data(conn) and not backup_is_fresh(conn, current):
            raise StoreError(
                "server_needs_backup", where=conn.where(), found=current, latest=target
            )
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            with conn.transaction():
                conn.exclusive()
                if conn.dialect == "postgresql":
                    conn.execute(VERSION_TABLE)
                # Another process may have migrated while this one waited for the lock.
                if schema_version(conn) < migration.version:
                    migration.apply(conn)
                    _set_version(conn, migration)
    return copy


def list_copies(data_dir: Path) -> list[Path]:
    """The automatic pre-migration copies, newest first."""
    folder = data_dir / COPIES_DIR
    if not folder.is_dir():
        return []
    copies = [path for path in folder.glob("store-v*.sqlite3") if path.is_file()]
    return sorted(copies, key=lambda path: path.stat().st_mtime_ns, reverse=True)


def restore_copy(data_dir: Path, copy: Path) -> None:
    """Put a pre-migration copy back as the database; the damaged file is kept beside it.

    No `Store` may be open on `data_dir` meanwhile.
    """
    db = data_dir / DB_NAME
    damaged: Path | None = None
    if db.exists():
        number = 1
        while (data_dir / COPIES_DIR / f"damaged-{number}.sqlite3").exists():
            number += 1
        damaged = data_dir / COPIES_DIR / f"damaged-{number}.sqlite3"
        damaged.parent.mkdir(parents=True, exist_ok=True)
        db.replace(damaged)
    for suffix in ("-wal", "-shm"):
        # The WAL may hold committed work never checkpointed: it goes with the damaged file.
        side = data_dir / (DB_NAME + suffix)
        if damaged is not None and side.exists():
            side.replace(damaged.with_name(damaged.name + suffix))
        else:
            side.unlink(missing_ok=True)
    tmp = db.with_name(DB_NAME + ".restore")
    shutil.copyfile(copy, tmp)
    tmp.replace(db)
