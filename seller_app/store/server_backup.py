"""A shop server's backup: the app's own encrypted archive of every table, blobs included.

The container is a desk backup's (`backup`): a zip with a plain ``backup.json`` (format
``seller-claims-server-backup``, the scrypt parameters), a ``manifest.bin`` sealed with the
backup passphrase, and ``f/000001`` ... entries each sealed with it. The manifest holds the
store id, the shop's data key (when the desk making it holds it; otherwise a restore needs the
shop passphrase of the time, which the archived ``meta`` table keeps wrapped), the schema
version, a fingerprint of the contents, and for each table its columns and entries. An entry is
up to `CHUNK_BYTES` of rows as JSON lines; a byte value larger than `INLINE_BYTES` (a photo, a
PDF) is an entry of its own, referenced from its row.

The rows are read in one REPEATABLE READ, READ ONLY transaction: the archive is one consistent
moment of the server while desks keep working. Every value that was sealed on the server stays
sealed inside the archive (and the archive seals it again), so neither the file nor the server
ever holds buyer data in the clear.

Why not pg_dump: pg_dump needs the PostgreSQL client programs of the server's version on the
PC that runs it, and writes the database's contents unencrypted (the sealed columns stay sealed,
but tracking numbers, amounts and dates are plain text, and the wrapped shop key travels beside
them without a second passphrase). This archive needs only the app, is encrypted with its own
passphrase, restores through the app's own checks (`restore_server_backup`: bounded reads,
every hash, known tables and columns only) and records the "fresh backup" a schema upgrade
waits for. pg_dump (or the NAS's own snapshots) remain a fine second line: they copy the same
sealed rows.

A fresh backup (what `schema.migrate` asks for before upgrading a server that holds data): the
last backup made at the server's current schema version, with nothing changed on the server
since -- the ``backup_mark`` in ``meta`` holds its fingerprint (`fingerprint`: per table the row
count and an MD5 over its rows; blobs by their names, which are their hashes).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag

from ..credentials import KeyStore
from . import schema
from .backup import (
    MANIFEST,
    SEAL_OVERHEAD,
    SERVER_FORMAT,
    VERSION,
    _is_backup,
    _key,
    _read_entry,
    new_archive,
    new_kdf,
    open_archive,
    open_sealed_manifest,
)
from .base import key_name, reported, set_meta
from .crypto import KEY_BYTES, Cipher, sha256_hex
from .db import Database
from .errors import BackupError, ConfirmationNeededError, StoreError

if TYPE_CHECKING:
    from .server import ServerSettings

CHUNK_BYTES = 8 * 1024 * 1024
INLINE_BYTES = 64 * 1024
ENTRY_LIMIT = 2 * 1024 * 1024 * 1024
BACKUP_MARK = "backup_mark"
# Never archived: the version rows are rebuilt by the migrations a restore runs.
_NOT_ARCHIVED = frozenset({"schema_migrations"})
# Parents before children, so foreign keys hold while a restore inserts.
_FIRST = ("meta", "desks", "blobs", "cases", "drafts")
# The tables the migrations make (a restore drops only these, never anything else in the schema).
STORE_TABLES = frozenset(
    {
        "meta",
        "cases",
        "status_history",
        "drafts",
        "case_photos",
        "notes",
        "documents",
        "case_events",
        "desks",
        "blobs",
        "case_numbers",
        "schema_migrations",
    }
)
_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_STORE_ID_RE = re.compile(r"^[0-9a-f]{32}$")
_ENTRY_RE = re.compile(r"^f/\d{6,}$")


# --------------------------------------------------------------------------- freshness


def holds_data(db: Database) -> bool:
    """Whether the server holds anything a failed upgrade could lose."""
    tables = set(db.tables())
    return any(
        db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
        for table in ("cases", "drafts", "blobs", "status_history")
        if table in tables
    )


def fingerprint(db: Database) -> str:
    """A digest of everything on the server but ``meta``: equal fingerprints, equal contents."""
    parts: dict[str, Any] = {}
    for table in db.tables():
        if table not in STORE_TABLES or table in _NOT_ARCHIVED or table == "meta":
            continue
        if table == "blobs":  # content-addressed: the names say the contents
            sql = "SELECT count(*), md5(string_agg(sha256, ',' ORDER BY sha256)) FROM blobs"
        else:
            sql = (
                f"SELECT count(*), md5(string_agg(md5(t::text), ',' ORDER BY t.id)) FROM {table} t"
            )
        count, digest = db.execute(sql).fetchone()
        parts[table] = [int(count), digest]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def backup_is_fresh(db: Database, version: int) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (BACKUP_MARK,)).fetchone()
    if row is None:
        return False
    try:
        mark = json.loads(row[0])
    except ValueError:
        return False
    return (
        isinstance(mark, dict)
        and mark.get("schema") == version
        and mark.get("fingerprint") == fingerprint(db)
    )


def last_backup(db: Database) -> dict[str, Any] | None:
    """The mark of the last backup (``at``, ``schema``, ``fingerprint``), if any."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (BACKUP_MARK,)).fetchone()
    try:
        mark = json.loads(row[0]) if row else None
    except ValueError:
        return None
    return mark if isinstance(mark, dict) else None


# --------------------------------------------------------------------------- writing


def _encode(value: Any, big: list[bytes]) -> Any:
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        if len(data) > INLINE_BYTES:
            big.append(data)
            return {"e": len(big) - 1}
        return {"b": base64.b64encode(data).decode()}
    if value is None or isinstance(value, int | str):
        return value
    raise TypeError(f"unexpected column value {type(value).__name__}")


def _reference(item: dict[str, Any]) -> dict[str, Any]:
    """A row's pointer to a value kept as an entry of its own: entry, SHA-256, size."""
    return {"e": item["entry"], "h": item["sha256"], "n": item["size"]}


class _ArchiveWriter:
    def __init__(self, archive: zipfile.ZipFile, cipher: Cipher) -> None:
        self.archive = archive
        self.cipher = cipher
        self.number = 0

    def add(self, data: bytes) -> dict[str, Any]:
        self.number += 1
        entry = f"f/{self.number:06d}"
        self.archive.writestr(entry, self.cipher.seal(data, entry.encode()))
        return {"entry": entry, "sha256": sha256_hex(data), "size": len(data)}


def write_server_backup(
    db: Database, store_id: str, data_key: bytes | None, dest: Path, passphrase: str
) -> Path:
    """Archive every table of the shop server at `db` into `dest` (see the module docstring)
    and record it as the server's latest backup."""
    if (dest.exists() or dest.is_symlink()) and not _is_backup(dest):
        raise StoreError("backup_would_replace", path=dest)  # before the slow key derivation
    kdf = new_kdf()
    cipher = _key(passphrase, kdf)
    header = {"format": SERVER_FORMAT, "version": VERSION, "kdf": kdf}
    with new_archive(dest, header) as archive:
        writer = _ArchiveWriter(archive, cipher)
        with db.transaction():  # (a connection dropped since is made again first)
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            conn = db.conn  # type: ignore[attr-defined]
            version = schema.schema_version(db)
            at = str(db.execute("SELECT now()").fetchone()[0].isoformat())
            tables = [_dump_table(conn, table, writer) for table in _archived(db)]
            digest = fingerprint(db)
        manifest = {
            "store_id": store_id,
            "data_key": base64.b64encode(data_key).decode() if data_key else None,
            "schema": version,
            "fingerprint": digest,
            "at": at,
            "tables": tables,
        }
        archive.writestr(MANIFEST, cipher.seal_json(manifest, MANIFEST.encode()))
    mark = {"at": at, "schema": version, "fingerprint": digest}
    set_meta(db, BACKUP_MARK, json.dumps(mark))
    return dest


def _archived(db: Database) -> list[str]:
    tables = [t for t in db.tables() if t in STORE_TABLES and t not in _NOT_ARCHIVED]
    return [t for t in _FIRST if t in tables] + [t for t in tables if t not in _FIRST]


def _dump_table(conn: Any, table: str, writer: _ArchiveWriter) -> dict[str, Any]:
    """The table's rows into entries; its manifest item."""
    order = "sha256" if table == "blobs" else ("key" if table == "meta" else "id")
    entries: list[dict[str, Any]] = []
    lines: list[bytes] = []
    size = 0
    count = 0
    with conn.cursor(name=f"backup_{table}") as cursor:
        cursor.itersize = 100
        cursor.execute(f"SELECT * FROM {table} ORDER BY {order}")
        columns: list[str] | None = None
        for row in cursor:
            if columns is None:
                columns = [column.name for column in cursor.description]
            big: list[bytes] = []
            values = [_encode(value, big) for value in row]
            refs = [writer.add(data) for data in big]
            values = [
                _reference(refs[value["e"]]) if isinstance(value, dict) and "e" in value else value
                for value in values
            ]
            line = json.dumps(values, ensure_ascii=False).encode("utf-8") + b"\n"
            lines.append(line)
            size += len(line)
            count += 1
            if size >= CHUNK_BYTES:
                entries.append({**writer.add(b"".join(lines)), "rows": len(lines)})
                lines, size = [], 0
        if columns is None:
            columns = [column.name for column in cursor.description or ()]
    if lines:
        entries.append({**writer.add(b"".join(lines)), "rows": len(lines)})
    return {"name": table, "columns": columns, "rows": count, "entries": entries}


# --------------------------------------------------------------------------- restoring


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    rows: int
    entries: tuple[tuple[str, str, int], ...]  # entry, sha256, size


@dataclass(frozen=True)
class _ServerManifest:
    store_id: str
    data_key: bytes | None
    schema: int
    tables: tuple[_Table, ...]


def _entry_item(item: Any, damaged: Any) -> tuple[str, str, int]:
    if not isinstance(item, dict):
        raise damaged("entries")
    entry, sha, size = item.get("entry"), item.get("sha256"), item.get("size")
    if not (isinstance(entry, str) and _ENTRY_RE.match(entry)):
        raise damaged("entry")
    if not (isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha)):
        raise damaged(entry)
    if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= ENTRY_LIMIT:
        raise damaged(entry)
    return entry, sha, size


def _server_manifest(raw: Any) -> _ServerManifest:
    def damaged(detail: str) -> BackupError:
        return BackupError("backup_damaged", detail=f"{MANIFEST}: {detail}")

    if not isinstance(raw, dict) or not isinstance(raw.get("tables"), list):
        raise damaged("tables")
    store_id = raw.get("store_id")
    if not isinstance(store_id, str) or not _STORE_ID_RE.match(store_id):
        raise damaged("store_id")
    data_key = None
    if raw.get("data_key") is not None:
        try:
            data_key = base64.b64decode(str(raw["data_key"]), validate=True)
        except ValueError:
            raise damaged("data_key") from None
        if len(data_key) != KEY_BYTES:
            raise damaged("data_key")
    version = raw.get("schema")
    if isinstance(version, bool) or not isinstance(version, int):
        raise damaged("schema")
    if not 1 <= version <= schema.LATEST:
        raise StoreError("too_new", path=MANIFEST, found=version, known=schema.LATEST)
    tables, names, entries = [], set(), set()
    for item in raw["tables"]:
        if not isinstance(item, dict):
            raise damaged("tables")
        name, columns, rows = item.get("name"), item.get("columns"), item.get("rows")
        if not (isinstance(name, str) and _NAME_RE.match(name)) or name in names:
            raise damaged(str(name)[:40])
        if not isinstance(columns, list) or not all(
            isinstance(c, str) and _NAME_RE.match(c) for c in columns
        ):
            raise damaged(name)
        if len(set(columns)) != len(columns):
            raise damaged(name)
        if isinstance(rows, bool) or not isinstance(rows, int) or rows < 0:
            raise damaged(name)
        items = [_entry_item(entry, damaged) for entry in item.get("entries") or []]
        for entry, _, _ in items:
            if entry in entries:
                raise damaged(entry)
            entries.add(entry)
        names.add(name)
        tables.append(_Table(name, tuple(columns), rows, tuple(items)))
    if "meta" not in names or "cases" not in names:
        raise damaged("meta")
    return _ServerManifest(store_id, data_key, version, tuple(tables))


def _read_sealed(archive: zipfile.ZipFile, cipher: Cipher, entry: str, size: int) -> bytes:
    try:
        sealed = _read_entry(archive, entry, size + SEAL_OVERHEAD)
        return cipher.open(sealed, entry.encode())
    except (KeyError, InvalidTag, zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise BackupError("backup_damaged", detail=entry) from None


def restore_server_backup(
    archive_path: Path,
    server: ServerSettings | str,
    passphrase: str,
    keys: KeyStore,
    data_dir: Path,
    password: str | None = None,
    *,
    overwrite: bool = False,
) -> Path | None:
    """Put a server backup onto the server; return the backup of what the server held before
    (``replaced-<n>.zip`` in `data_dir`, same passphrase), or None when it held nothing.

    Order: the archive opened within bounds and its manifest checked (passphrase, store id,
    data key, schema version, names); the data key must not contradict the one this desk holds
    for that store; existing data needs `overwrite` and is first archived; then, in ONE
    transaction, the store's tables are dropped, made again by the migrations up to the
    archive's version, filled (every entry's hash checked, only known tables and columns), and
    the identity counters set past the highest ids. Any failure rolls all of it back. Finally
    the schema is migrated to this app's version (the archive is the fresh backup that needs).
    """
    from .db import PostgresDatabase
    from .server import resolve

    server, password = resolve(server, keys, password)
    with open_archive(archive_path) as archive:
        raw, cipher = open_sealed_manifest(archive, archive_path, passphrase, SERVER_FORMAT)
        manifest = _server_manifest(raw)
        name = key_name(manifest.store_id)
        known = keys.get(name)
        if manifest.data_key is not None and known is not None and known != manifest.data_key:
            raise BackupError("backup_key_conflict")
        db = PostgresDatabase(server, password)
        try:
            with reported(db):
                return _restore(
                    db, archive, cipher, manifest, keys, data_dir, passphrase, overwrite
                )
        finally:
            db.close()


def _restore(
    db: Database,
    archive: zipfile.ZipFile,
    cipher: Cipher,
    manifest: _ServerManifest,
    keys: KeyStore,
    data_dir: Path,
    passphrase: str,
    overwrite: bool,
) -> Path | None:
    present = [table for table in db.tables() if table in STORE_TABLES]
    had_data = bool(present) and (
        holds_data(db)
        or (
            "meta" in present
            and db.execute("SELECT 1 FROM meta WHERE key = 'store_id'").fetchone() is not None
        )
    )
    moved = None
    if had_data:
        data_dir.mkdir(parents=True, exist_ok=True)
        moved = _free_archive(data_dir)
        if not overwrite:
            raise ConfirmationNeededError("confirm_overwrite_server", where=db.where(), moved=moved)
        _archive_current(db, keys, moved, passphrase)
    with db.transaction():
        db.exclusive()
        for name in present:
            db.execute(f"DROP TABLE IF EXISTS {name} CASCADE")
        for migration in schema.MIGRATIONS:
            if migration.version <= manifest.schema:
                db.execute(schema.VERSION_TABLE)
                migration.apply(db)
                db.execute(
                    "INSERT INTO schema_migrations (version, title) VALUES (?, ?)",
                    (migration.version, migration.title),
                )
        columns = _columns(db)
        for table in _ordered(manifest.tables):
            if table.name not in columns or not set(table.columns) <= columns[table.name]:
                raise BackupError("backup_damaged", detail=f"{MANIFEST}: {table.name}")
            _fill(db, archive, cipher, table)
        for name, names in columns.items():
            if "id" in names and name != "desks":  # identity counters past the restored ids
                db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'),"
                    f" (SELECT max(id) FROM {name})) WHERE EXISTS (SELECT 1 FROM {name})"
                )
        mark = {"at": "restored", "schema": manifest.schema, "fingerprint": fingerprint(db)}
        set_meta(db, BACKUP_MARK, json.dumps(mark))
        row = db.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        if row is None or row[0] != manifest.store_id:
            raise BackupError("backup_damaged", detail=f"{MANIFEST}: store_id")
        if manifest.data_key is not None:
            _check_key(db, manifest.data_key)
            if keys.get(key_name(manifest.store_id)) is None:
                keys.set(key_name(manifest.store_id), manifest.data_key)
    schema.migrate(db, None)
    return moved


def _free_archive(data_dir: Path) -> Path:
    """``replaced-<n>.zip``: the first name no earlier restore used."""
    number = 1
    while (candidate := data_dir / f"replaced-{number}.zip").exists():
        number += 1
    return candidate


def _ordered(tables: tuple[_Table, ...]) -> list[_Table]:
    by_name = {table.name: table for table in tables}
    first = [by_name[name] for name in _FIRST if name in by_name]
    return first + [table for table in tables if table.name not in _FIRST]


def _columns(db: Database) -> dict[str, set[str]]:
    rows = db.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema()"
    ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    found.pop("schema_migrations", None)
    return found


def _fill(db: Database, archive: zipfile.ZipFile, cipher: Cipher, table: _Table) -> None:
    names = ", ".join(table.columns)
    marks = ", ".join("?" for _ in table.columns)
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
    if table.name == "meta":  # the migrations may have written a row already
        sql += " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    count = 0
    for entry, sha, size in table.entries:
        data = _read_sealed(archive, cipher, entry, size)
        if sha256_hex(data) != sha or len(data) != size:
            raise BackupError("backup_damaged", detail=entry)
        rows = []
        for line in data.splitlines():
            try:
                values = json.loads(line)
            except ValueError:
                raise BackupError("backup_damaged", detail=entry) from None
            if not isinstance(values, list) or len(values) != len(table.columns):
                raise BackupError("backup_damaged", detail=entry)
            rows.append([_decode(value, archive, cipher, entry) for value in values])
        for values in rows:
            db.execute(sql, values)
        count += len(rows)
    if count != table.rows:
        raise BackupError("backup_damaged", detail=f"{MANIFEST}: {table.name}")


def _decode(value: Any, archive: zipfile.ZipFile, cipher: Cipher, where: str) -> Any:
    if value is None or isinstance(value, int | str) and not isinstance(value, bool):
        return value
    if isinstance(value, dict) and set(value) == {"b"} and isinstance(value["b"], str):
        try:
            return base64.b64decode(value["b"], validate=True)
        except ValueError:
            raise BackupError("backup_damaged", detail=where) from None
    if isinstance(value, dict) and set(value) == {"e", "h", "n"}:
        entry, sha, size = _entry_item(
            {"entry": value["e"], "sha256": value["h"], "size": value["n"]},
            lambda detail: BackupError("backup_damaged", detail=f"{where}: {detail}"),
        )
        data = _read_sealed(archive, cipher, entry, size)
        if sha256_hex(data) != sha or len(data) != size:
            raise BackupError("backup_damaged", detail=entry)
        return data
    raise BackupError("backup_damaged", detail=where)


def _check_key(db: Database, data_key: bytes) -> None:
    row = db.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()
    try:
        Cipher(data_key).open(bytes.fromhex(str(row[0] if row else "")), b"key-check")
    except (InvalidTag, ValueError):
        raise BackupError("backup_damaged", detail=f"{MANIFEST}: data_key") from None


def _archive_current(db: Database, keys: KeyStore, dest: Path, passphrase: str) -> None:
    """What the server holds now, archived before a restore replaces it."""
    row = db.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
    store_id = str(row[0]) if row and _STORE_ID_RE.match(str(row[0])) else "0" * 32
    write_server_backup(db, store_id, keys.get(key_name(store_id)), dest, passphrase)
