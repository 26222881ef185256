"""One encrypted zip holding a desk's own store, and putting it back. (A shop server's backup
is `server_backup`: the same container, its tables instead of files.)

Layout of the archive:

- ``backup.json`` (plain): format name and version, the scrypt salt and parameters;
- ``manifest.bin``: sealed with the passphrase key -- the store id, the data key, and for every
  file its path in the data dir, SHA-256 and size;
- ``f/000001`` ...: each file sealed with the passphrase key (associated data: the entry name).

Files are sealed one by one so a store with many photos never sits in memory at once. The
database goes in as a consistent snapshot (SQLite backup API). The blob files inside are still
sealed with the data key as well; the data key travels in the sealed manifest so the backup
restores on another PC. A wrong passphrase fails on the manifest; restore checks every file's
SHA-256 before it touches the data dir, and replacing existing data needs ``overwrite=True``
(the old files are moved aside to ``replaced-<n>/``, not deleted).
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shutil
import sqlite3
import struct
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from .. import leftovers
from ..credentials import (
    KEYS_FILE,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    CredentialError,
    KeyStore,
    derive_key,
)
from . import schema
from .crypto import KEY_BYTES, Cipher, open_private, private_dir, sha256_hex, write_atomic
from .errors import BackupError, ConfirmationNeededError, StoreError, is_disk_full

FORMAT = "seller-claims-backup"
SERVER_FORMAT = "seller-claims-server-backup"  # `server_backup`
VERSION = 1
HEADER = "backup.json"
MANIFEST = "manifest.bin"


# Bounds applied before anything from the archive is trusted (header and manifest are read
# before the passphrase can be checked; the sizes in the zip directory are the attacker's).
HEADER_LIMIT = 64 * 1024
MANIFEST_LIMIT = 64 * 1024 * 1024  # ~200 bytes per file: room for 300,000 photos
FILE_LIMIT = 2 * 1024 * 1024 * 1024  # one database or blob; photos are refused above 100 MB
ARCHIVE_LIMIT = 1024**4
SEAL_OVERHEAD = 12 + 16  # AES-GCM nonce and tag
MAX_ENTRIES = 1_000_000
DIRECTORY_LIMIT = 256 * 1024 * 1024
_ENTRY_RE = re.compile(r"^f/\d{6,}$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_STORE_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def _key(passphrase: str, kdf: object) -> Cipher:
    """The passphrase key for a backup header's ``kdf``: scrypt only, parameters bounded
    (`check_scrypt`) before any work, so a crafted header can neither hang nor crash us."""
    try:
        if not isinstance(kdf, dict) or kdf.get("name", "scrypt") != "scrypt":
            raise ValueError("not scrypt")
        salt = base64.b64decode(str(kdf["salt"]), validate=True)
        key = derive_key(passphrase, salt, kdf["n"], kdf["r"], kdf["p"])
    except CredentialError:
        raise
    except (KeyError, ValueError, TypeError) as error:
        raise BackupError("backup_damaged", detail=HEADER) from error
    return Cipher(key)


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Entry `name`, refused (KeyError / BackupError) when the directory says it is larger than
    `limit`; never decompresses more than `limit` bytes whatever the entry claims."""
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise BackupError("backup_damaged", detail=name)
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise BackupError("backup_damaged", detail=name)
    return data


@contextmanager
def new_archive(dest: Path, header: dict[str, Any]) -> Iterator[zipfile.ZipFile]:
    """A backup archive for `dest`, its plain `header` written first: built beside `dest` under a
    temporary name, made durable and moved into place only when the block ends without error
    (a failed or killed backup leaves the previous one as it was). An existing file is replaced
    only when it is a backup itself; an OS error names `dest`, not the temporary file."""
    if (dest.exists() or dest.is_symlink()) and not _is_backup(dest):
        # a weekly backup.zip is replaced; a photo or case file given by mistake is not
        raise StoreError("backup_would_replace", path=dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.backup.part")
    try:
        with leftovers.pending_output(tmp):
            dest.parent.mkdir(parents=True, exist_ok=True)
            with (
                open_private(tmp) as handle,
                zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive,
            ):
                archive.writestr(HEADER, json.dumps(header, indent=1))
                yield archive
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, dest)
    except OSError as error:
        raise StoreError("cannot_write", path=dest, detail=error) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_backup(
    conn: sqlite3.Connection | Any,
    data_dir: Path,
    data_key: bytes,
    store_id: str,
    dest: Path,
    passphrase: str,
) -> Path:
    kdf = new_kdf()
    if (dest.exists() or dest.is_symlink()) and not _is_backup(dest):
        raise StoreError("backup_would_replace", path=dest)  # before the slow key derivation
    cipher = _key(passphrase, kdf)
    snapshot = data_dir / f".backup-{os.getpid()}.sqlite3"
    entries = []
    try:
        with new_archive(dest, {"format": FORMAT, "version": VERSION, "kdf": kdf}) as archive:
            try:
                schema.copy_database(conn, snapshot)
            except sqlite3.OperationalError as error:  # the snapshot lives in the data dir
                if is_disk_full(error):
                    raise StoreError("disk_full", path=data_dir) from error
                raise
            files: list[tuple[str, Path]] = [(schema.DB_NAME, snapshot)]
            blobs = data_dir / "blobs"
            if blobs.is_dir():
                files += [
                    (path.relative_to(data_dir).as_posix(), path)
                    for path in sorted(blobs.rglob("*"))
                    if path.is_file() and not path.name.startswith(".")
                ]
            for number, (name, path) in enumerate(files, start=1):
                data = path.read_bytes()
                entry = f"f/{number:06d}"
                archive.writestr(entry, cipher.seal(data, entry.encode()))
                entries.append(
                    {"entry": entry, "path": name, "sha256": sha256_hex(data), "size": len(data)}
                )
            manifest = {
                "store_id": store_id,
                "data_key": base64.b64encode(data_key).decode(),
                "files": entries,
            }
            archive.writestr(MANIFEST, cipher.seal_json(manifest, MANIFEST.encode()))
    finally:
        snapshot.unlink(missing_ok=True)
        snapshot.with_name(snapshot.name + ".tmp").unlink(missing_ok=True)
    return dest


def _is_backup(path: Path) -> bool:
    """Whether `path` is a regular file holding one of our backups (read within bounds)."""
    from ..readfile import InputFileError, open_regular

    if path.is_symlink():
        return False
    try:
        with open_regular(path, ARCHIVE_LIMIT) as handle, zipfile.ZipFile(handle) as archive:
            header = json.loads(_read_entry(archive, HEADER, HEADER_LIMIT))
    except (InputFileError, OSError, KeyError, ValueError, zipfile.BadZipFile, BackupError):
        return False
    except (EOFError, RecursionError, NotImplementedError):
        return False
    return isinstance(header, dict) and header.get("format") in (FORMAT, SERVER_FORMAT)


def _has_data(data_dir: Path) -> bool:
    return (data_dir / schema.DB_NAME).exists() or (data_dir / "blobs").exists()


def _safe_path(name: str) -> bool:
    parts = Path(name).parts
    return (
        bool(parts)
        and not Path(name).is_absolute()
        and ".." not in parts
        and "\\" not in name
        and (name == schema.DB_NAME or (parts[0] == "blobs" and len(parts) > 1))
    )


@dataclass(frozen=True)
class _Manifest:
    store_id: str
    data_key: bytes
    files: tuple[tuple[str, str, str, int], ...]  # entry, path, sha256, size


def _manifest(raw: object) -> _Manifest:
    """The decrypted manifest, checked for consistency: a 32-byte data key, one database, every
    path inside the data dir and listed once, every entry name and hash well-formed."""

    def damaged(detail: str) -> BackupError:
        return BackupError("backup_damaged", detail=f"{MANIFEST}: {detail}")

    if not isinstance(raw, dict) or not isinstance(raw.get("files"), list):
        raise damaged("files")
    store_id = raw.get("store_id")
    if not isinstance(store_id, str) or not _STORE_ID_RE.match(store_id):
        raise damaged("store_id")
    try:
        data_key = base64.b64decode(str(raw.get("data_key")), validate=True)
    except ValueError:
        raise damaged("data_key") from None
    if len(data_key) != KEY_BYTES:
        raise damaged("data_key")
    files, paths, entries = [], set(), set()
    for item in raw["files"]:
        if not isinstance(item, dict):
            raise damaged("files")
        entry, name, sha, size = (item.get(k) for k in ("entry", "path", "sha256", "size"))
        if not (isinstance(entry, str) and _ENTRY_RE.match(entry)) or entry in entries:
            raise damaged(str(entry)[:40])
        if not isinstance(name, str) or not _safe_path(name) or name in paths:
            raise damaged(str(name)[:80])
        if not (isinstance(sha, str) and _SHA_RE.match(sha)):
            raise damaged(name)
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= FILE_LIMIT:
            raise damaged(name)
        entries.add(entry)
        paths.add(name)
        files.append((entry, name, sha, size))
    if schema.DB_NAME not in paths:
        raise damaged(schema.DB_NAME)
    return _Manifest(store_id, data_key, tuple(files))


def _check_database(path: Path, manifest: _Manifest) -> None:
    """The restored database must be one this app can open with the backup's key: SQLite that
    passes integrity_check, a schema version we know, and the store id and key check that
    match the manifest. Anything else would leave an unusable store behind."""

    def damaged(detail: str) -> BackupError:
        return BackupError("backup_damaged", detail=f"{schema.DB_NAME}: {detail}")

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise damaged("SQLite") from None
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise damaged("integrity_check")
        version = schema.schema_version(conn)
        if not 1 <= version <= schema.LATEST:
            raise damaged(f"schema {version}")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        raise damaged("SQLite") from None
    finally:
        conn.close()
    if meta.get("store_id") != manifest.store_id:
        raise damaged("store_id")
    try:
        Cipher(manifest.data_key).open(bytes.fromhex(str(meta.get("key_check"))), b"key-check")
    except (InvalidTag, ValueError):
        raise damaged("data_key") from None


def restore_backup(
    archive_path: Path, data_dir: Path, passphrase: str, keys: KeyStore, *, overwrite: bool = False
) -> Path | None:
    """Restore into `data_dir`; return where existing data was moved (None if there was none).

    Order: bounded reads of the plain header and the sealed manifest; the passphrase checked on
    the manifest (scrypt parameters bounded first); the manifest checked for consistency; every
    file decrypted, hashed and staged in the data dir; the staged database opened and checked
    with the backup's key; a key already stored under the same store id must be the same key.
    Only then is the existing data (database, blobs, and a copy of ``keys.json``) moved to
    ``replaced-<n>/`` with a README saying what it is, and the staged data put in its place.
    No `Store` may be open on `data_dir` meanwhile.
    """
    from .base import key_name

    with open_archive(archive_path) as archive:
        manifest, cipher = _open_manifest(archive, archive_path, passphrase)
        return _restore(archive, manifest, cipher, data_dir, keys, overwrite, key_name)


def _check_directory(handle: Any, archive_path: Path) -> None:
    """Refuse a zip whose central directory would take more memory to list than any backup
    of ours could need (zipfile reads it whole before anything else can be checked)."""
    end_record = getattr(zipfile, "_EndRecData", None)  # private; without it, no early check
    if end_record is None:
        return
    try:
        record = end_record(handle)
    except (OSError, ValueError, struct.error):
        record = None
    handle.seek(0)
    if record is None:
        raise BackupError("not_a_backup", path=archive_path)
    if record[4] > MAX_ENTRIES or record[5] > DIRECTORY_LIMIT:
        raise BackupError("backup_damaged", detail="zip directory")


def _open_manifest(
    archive: zipfile.ZipFile, archive_path: Path, passphrase: str
) -> tuple[_Manifest, Cipher]:
    raw, cipher = open_sealed_manifest(archive, archive_path, passphrase, FORMAT)
    return _manifest(raw), cipher


_WRONG_KIND = {FORMAT: "backup_is_for_desk", SERVER_FORMAT: "backup_is_for_server"}


def open_sealed_manifest(
    archive: zipfile.ZipFile, archive_path: Path, passphrase: str, kind: str
) -> tuple[Any, Cipher]:
    """The decrypted manifest of an archive of `kind` (`FORMAT` or `SERVER_FORMAT`) as JSON,
    and the passphrase cipher: header read within bounds, scrypt parameters bounded, the
    passphrase checked on the manifest. An archive of the other kind says so."""
    try:
        header = json.loads(_read_entry(archive, HEADER, HEADER_LIMIT))
    except (KeyError, ValueError, RecursionError, BackupError):  # a zip, but not one of ours
        raise BackupError("not_a_backup", path=archive_path) from None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise BackupError("backup_damaged", detail=HEADER) from None
    found = header.get("format") if isinstance(header, dict) else None
    if found in _WRONG_KIND and found != kind:
        raise BackupError(_WRONG_KIND[found], path=archive_path)
    if not isinstance(header, dict) or found != kind:
        raise BackupError("not_a_backup", path=archive_path)
    if header.get("version") != VERSION:
        raise BackupError("backup_damaged", detail=HEADER)
    try:
        sealed_manifest = _read_entry(archive, MANIFEST, MANIFEST_LIMIT)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise BackupError("backup_damaged", detail=MANIFEST) from None
    cipher = _key(passphrase, header.get("kdf"))
    try:
        plain = cipher.open(sealed_manifest, MANIFEST.encode())
    except InvalidTag:
        raise BackupError("backup_wrong_passphrase") from None
    try:
        raw = json.loads(plain.decode("utf-8"))
    except (ValueError, RecursionError):
        raise BackupError("backup_damaged", detail=MANIFEST) from None
    return raw, cipher


@contextmanager
def open_archive(archive_path: Path) -> Iterator[zipfile.ZipFile]:
    """The backup zip at `archive_path`, opened within bounds (a regular file, a directory of
    sane size), or `BackupError` saying why not."""
    from ..readfile import InputFileError, open_regular

    try:
        handle = open_regular(archive_path, ARCHIVE_LIMIT)
    except InputFileError as error:
        if error.reason == "unreadable" and error.error is not None:
            raise BackupError("file_unreadable", path=archive_path, detail=error.error) from None
        raise BackupError(f"input_{error.reason}", path=archive_path) from None
    with handle:
        _check_directory(handle, archive_path)
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise BackupError("not_a_backup", path=archive_path) from None
        except OSError as error:
            raise BackupError("file_unreadable", path=archive_path, detail=error) from None
        with archive:
            yield archive


def new_kdf() -> dict[str, Any]:
    """scrypt parameters with a fresh salt for a new archive."""
    return {
        "name": "scrypt",
        "salt": base64.b64encode(secrets.token_bytes(16)).decode(),
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
    }


def _restore(
    archive: zipfile.ZipFile,
    manifest: _Manifest,
    cipher: Cipher,
    data_dir: Path,
    keys: KeyStore,
    overwrite: bool,
    key_name: Any,
) -> Path | None:
    moved = _free_name(data_dir, "replaced")
    if _has_data(data_dir) and not overwrite:
        raise ConfirmationNeededError("confirm_overwrite", path=data_dir, moved=moved)
    name = key_name(manifest.store_id)
    known = keys.get(name)
    if known is not None and known != manifest.data_key:
        # the same store id with another key: not a backup this app made; storing its key
        # would make the data of that id unreadable
        raise BackupError("backup_key_conflict")
    try:
        private_dir(data_dir)
    except OSError as error:
        raise BackupError("data_dir_unusable", path=data_dir, detail=error) from None
    staging = data_dir / f".restore-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        for entry, path, sha, size in manifest.files:
            try:
                sealed = _read_entry(archive, entry, size + SEAL_OVERHEAD)
                data = cipher.open(sealed, entry.encode())
            except (KeyError, InvalidTag, zipfile.BadZipFile, OSError, EOFError):
                raise BackupError("backup_damaged", detail=path) from None
            except NotImplementedError:
                raise BackupError("backup_damaged", detail=path) from None
            if sha256_hex(data) != sha or len(data) != size:
                raise BackupError("backup_damaged", detail=path)
            _write_staged(staging / path, data)
        _check_database(staging / schema.DB_NAME, manifest)
        if known is None:
            keys.set(name, manifest.data_key)
        had_data = _has_data(data_dir)
        if had_data:
            _move_aside(data_dir, moved, keys, key_name)
        for item in (schema.DB_NAME, "blobs"):
            if (staging / item).exists():
                (staging / item).replace(data_dir / item)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return moved if had_data else None


def _write_staged(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as error:  # a full disk is a full disk, not a damaged backup
        raise StoreError("cannot_write", path=path.parent.parent, detail=error) from None


def _move_aside(data_dir: Path, moved: Path, keys: KeyStore, key_name: Any) -> None:
    """The existing data to `moved`, with a copy of keys.json and a README naming its key."""
    old_id = _store_id(data_dir / schema.DB_NAME)
    moved.mkdir(parents=True, mode=0o700)
    for item in (
        schema.DB_NAME,
        schema.DB_NAME + "-wal",
        schema.DB_NAME + "-shm",
        "blobs",
    ):
        if (data_dir / item).exists():
            (data_dir / item).replace(moved / item)
    if (data_dir / KEYS_FILE).is_file():  # the passphrase-wrapped key goes with its data
        shutil.copy2(data_dir / KEYS_FILE, moved / KEYS_FILE)
    where = KEYS_FILE if (moved / KEYS_FILE).exists() else KEYCHAIN_WORDS
    readme = REPLACED_README.format(
        key=key_name(old_id) if old_id else "?", where=where, folder=moved.name
    )
    write_atomic(moved / "README.txt", readme.encode("utf-8"))


def _store_id(db: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


KEYCHAIN_WORDS = "系统钥匙串 / the system keychain"
REPLACED_README = """这是恢复备份之前的案件数据，恢复时原样移到这里，没有删除。
数据库 store.sqlite3 和 blobs/ 用密钥 {key} 加密，该密钥保存在 {where}。
要用回这些数据：退出软件，把 {folder} 里的 store.sqlite3（以及 -wal、-shm 文件）和 blobs/
移回上一级数据文件夹（先把当前的移开）；如有 keys.json，也一并放回。

This is the case data as it was before a backup was restored: moved here, not deleted.
The database store.sqlite3 and blobs/ are encrypted with the key {key}, kept in {where}.
To use this data again: quit the app, move store.sqlite3 (with its -wal and -shm files) and
blobs/ from {folder} back into the data folder above (moving the current ones away first), and
keys.json too if there is one here.
"""


def _free_name(data_dir: Path, stem: str) -> Path:
    number = 1
    while (candidate := data_dir / f"{stem}-{number}").exists():
        number += 1
    return candidate
