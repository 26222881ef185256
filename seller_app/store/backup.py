"""One encrypted zip holding the whole store, and putting it back.

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
import secrets
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from ..credentials import SCRYPT_N, SCRYPT_P, SCRYPT_R, CredentialError, KeyStore, derive_key
from . import schema
from .crypto import Cipher, open_private, private_dir, sha256_hex, write_atomic
from .errors import BackupError, ConfirmationNeededError, StoreError

FORMAT = "seller-claims-backup"
VERSION = 1
HEADER = "backup.json"
MANIFEST = "manifest.bin"


def _key(passphrase: str, kdf: dict[str, Any]) -> Cipher:
    try:
        key = derive_key(
            passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        )
    except CredentialError:
        raise
    except (KeyError, ValueError, TypeError) as error:
        raise BackupError("backup_damaged", detail="backup.json") from error
    return Cipher(key)


def write_backup(
    conn: sqlite3.Connection,
    data_dir: Path,
    data_key: bytes,
    store_id: str,
    dest: Path,
    passphrase: str,
) -> Path:
    salt = secrets.token_bytes(16)
    kdf = {
        "name": "scrypt",
        "salt": base64.b64encode(salt).decode(),
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
    }
    cipher = _key(passphrase, kdf)
    snapshot = data_dir / f".backup-{os.getpid()}.sqlite3"
    schema.copy_database(conn, snapshot)
    files: list[tuple[str, Path]] = [(schema.DB_NAME, snapshot)]
    blobs = data_dir / "blobs"
    if blobs.is_dir():
        files += [
            (path.relative_to(data_dir).as_posix(), path)
            for path in sorted(blobs.rglob("*"))
            if path.is_file() and not path.name.startswith(".")
        ]
    tmp = dest.with_name(f".{dest.name}.tmp")
    entries = []
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with (
            open_private(tmp) as handle,
            zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive,
        ):
            archive.writestr(
                HEADER, json.dumps({"format": FORMAT, "version": VERSION, "kdf": kdf}, indent=1)
            )
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
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except OSError as error:  # name the file the user asked for, not our temporary one
        raise StoreError("cannot_write", path=dest, detail=error) from None
    finally:
        snapshot.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return dest


def _has_data(data_dir: Path) -> bool:
    return (data_dir / schema.DB_NAME).exists() or (data_dir / "blobs").exists()


def _safe_path(name: str) -> bool:
    parts = Path(name).parts
    return (
        bool(parts)
        and not Path(name).is_absolute()
        and ".." not in parts
        and (name == schema.DB_NAME or parts[0] == "blobs")
    )


def restore_backup(
    archive_path: Path, data_dir: Path, passphrase: str, keys: KeyStore, *, overwrite: bool = False
) -> Path | None:
    """Restore into `data_dir`; return where existing data was moved (None if there was none).

    No `Store` may be open on `data_dir` meanwhile.
    """
    from .store import key_name

    try:
        archive = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile:
        raise BackupError("not_a_backup", path=archive_path) from None
    except OSError as error:
        raise BackupError("file_unreadable", path=archive_path, detail=error) from None
    with archive:
        try:
            header = json.loads(archive.read(HEADER))
        except (KeyError, ValueError):  # a zip, but not one of ours
            raise BackupError("not_a_backup", path=archive_path) from None
        except zipfile.BadZipFile:
            raise BackupError("backup_damaged", detail=HEADER) from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise BackupError("not_a_backup", path=archive_path)
        try:
            if header.get("version") != VERSION:
                raise BackupError("backup_damaged", detail="backup.json")
            sealed_manifest = archive.read(MANIFEST)
        except (KeyError, zipfile.BadZipFile):
            raise BackupError("backup_damaged", detail=MANIFEST) from None
        cipher = _key(passphrase, header["kdf"])
        try:
            manifest = cipher.open_json(sealed_manifest, MANIFEST.encode())
        except InvalidTag:
            raise BackupError("backup_wrong_passphrase") from None
        moved = _free_name(data_dir, "replaced")
        if _has_data(data_dir) and not overwrite:
            raise ConfirmationNeededError("confirm_overwrite", path=data_dir, moved=moved)
        staging = data_dir / f".restore-{secrets.token_hex(4)}"
        try:
            private_dir(data_dir)
        except OSError as error:
            raise BackupError("data_dir_unusable", path=data_dir, detail=error) from None
        try:
            for item in manifest["files"]:
                name = str(item["path"])
                if not _safe_path(name):
                    raise BackupError("backup_damaged", detail=name)
                try:
                    data = cipher.open(archive.read(item["entry"]), str(item["entry"]).encode())
                except (KeyError, InvalidTag, zipfile.BadZipFile):
                    raise BackupError("backup_damaged", detail=name) from None
                if sha256_hex(data) != item["sha256"] or len(data) != item["size"]:
                    raise BackupError("backup_damaged", detail=name)
                write_atomic(staging / name, data)
            keys.set(key_name(str(manifest["store_id"])), base64.b64decode(manifest["data_key"]))
            had_data = _has_data(data_dir)
            if had_data:
                moved.mkdir(parents=True)
                for name in (
                    schema.DB_NAME,
                    schema.DB_NAME + "-wal",
                    schema.DB_NAME + "-shm",
                    "blobs",
                ):
                    if (data_dir / name).exists():
                        (data_dir / name).replace(moved / name)
            for name in (schema.DB_NAME, "blobs"):
                if (staging / name).exists():
                    (staging / name).replace(data_dir / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return moved if had_data else None


def _free_name(data_dir: Path, stem: str) -> Path:
    number = 1
    while (candidate := data_dir / f"{stem}-{number}").exists():
        number += 1
    return candidate
