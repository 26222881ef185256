"""The store under hostile or unlucky conditions: crafted backups are refused before anything is
replaced and the old data keeps its key; a full disk is a full disk; two first starts agree on
one key; photo names and captions are never readable in the database."""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from seller_app.credentials import MemoryKeyStore, PassphraseKeyStore
from seller_app.domain.case import Case
from seller_app.store import BackupError, Store, StoreError, backup
from seller_app.store.crypto import Cipher
from tests.conftest import NOW, make_case

from .conftest import BUYER, SHOP, Backend


@pytest.fixture
def backend(sqlite_backend: Backend) -> Backend:
    """About SQLite's own files (the shop server's counterparts are in test_shared*.py)."""
    return sqlite_backend


def buyer_case(description: str = "买家张三丰来电", **overrides: object) -> Case:
    return make_case(buyer=BUYER, shop=SHOP, description=description, **overrides)


PASS = "备份口令"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups written here cost 1/32 of the real scrypt work (still within the bounds)."""
    monkeypatch.setattr(backup, "SCRYPT_N", 2**10)


@pytest.fixture
def archive(data_dir: Path, keys: MemoryKeyStore, tmp_path: Path) -> Path:
    with Store.open(data_dir, keys) as store:
        store.add_case(buyer_case(), NOW)
        return store.backup(tmp_path / "backup.zip", PASS)


def open_manifest(archive: Path) -> tuple[dict[str, Any], Cipher, dict[str, bytes]]:
    with zipfile.ZipFile(archive) as source:
        entries = {item.filename: source.read(item) for item in source.infolist()}
    header = json.loads(entries["backup.json"])
    cipher = backup._key(PASS, header["kdf"])
    return cipher.open_json(entries["manifest.bin"], b"manifest.bin"), cipher, entries


def rewrite(
    archive: Path,
    target: Path,
    *,
    manifest: dict[str, Any] | None = None,
    files: dict[str, bytes] | None = None,
) -> Path:
    """`archive` re-sealed with the right passphrase: authentic, but with the content we say."""
    original, cipher, entries = open_manifest(archive)
    manifest = manifest if manifest is not None else original
    for entry, plain in (files or {}).items():
        entries[entry] = cipher.seal(plain, entry.encode())
    entries["manifest.bin"] = cipher.seal_json(manifest, b"manifest.bin")
    with zipfile.ZipFile(target, "w") as out:
        for name, body in entries.items():
            out.writestr(name, body)
    return target


def entry_of(manifest: dict[str, Any], path: str) -> dict[str, Any]:
    return next(item for item in manifest["files"] if item["path"] == path)


def second_store(tmp_path: Path, keys: MemoryKeyStore) -> Path:
    other = tmp_path / "other"
    with Store.open(other, keys) as store:
        store.add_case(buyer_case(description="另一家店的案件"), NOW)
    return other


def _authentic_with(archive: Path, tmp_path: Path, plain: bytes, **item: Any) -> Path:
    manifest, _, _ = open_manifest(archive)
    db = entry_of(manifest, "store.sqlite3")
    import hashlib

    db.update(sha256=hashlib.sha256(plain).hexdigest(), size=len(plain), **item)
    return rewrite(archive, tmp_path / "crafted.zip", manifest=manifest, files={db["entry"]: plain})


@pytest.mark.parametrize(
    "craft",
    ["not_sqlite", "short_key", "other_store", "duplicate_path", "no_database", "traversal"],
)
def test_an_authentic_but_unusable_backup_replaces_nothing(
    archive: Path, tmp_path: Path, keys: MemoryKeyStore, craft: str
) -> None:
    target = second_store(tmp_path, keys)
    before = {path: path.read_bytes() for path in target.rglob("*") if path.is_file()}
    keys_before = dict(keys.secrets)
    manifest, _, _ = open_manifest(archive)
    if craft == "not_sqlite":
        crafted = _authentic_with(archive, tmp_path, b"not a database at all" * 100)
    elif craft == "other_store":  # a real SQLite file, but not the store the key opens
        crafted = _authentic_with(archive, tmp_path, (target / "store.sqlite3").read_bytes())
    else:
        if craft == "short_key":
            manifest["data_key"] = base64.b64encode(b"k" * 16).decode()
        elif craft == "duplicate_path":
            manifest["files"].append(dict(manifest["files"][0]))
        elif craft == "no_database":
            manifest["files"] = [i for i in manifest["files"] if i["path"] != "store.sqlite3"]
        elif craft == "traversal":
            manifest["files"][0]["path"] = "blobs/../../escaped"
        crafted = rewrite(archive, tmp_path / "crafted.zip", manifest=manifest)
    with pytest.raises(BackupError) as caught:
        Store.restore(crafted, target, PASS, keys, overwrite=True)
    assert caught.value.code == "backup_damaged"
    after = {path: path.read_bytes() for path in target.rglob("*") if path.is_file()}
    assert after == before and keys.secrets == keys_before
    assert not list(target.glob("replaced-*")) and not (tmp_path / "escaped").exists()
    with Store.open(target, keys) as store:
        assert store.get_case(1).case.description == "另一家店的案件"


def test_a_backup_with_a_known_store_id_but_another_key_is_refused(
    archive: Path, tmp_path: Path, data_dir: Path, keys: MemoryKeyStore
) -> None:
    manifest, _, _ = open_manifest(archive)
    manifest["data_key"] = base64.b64encode(b"x" * 32).decode()
    crafted = rewrite(archive, tmp_path / "crafted.zip", manifest=manifest)
    key_before = dict(keys.secrets)
    with pytest.raises(BackupError) as caught:
        Store.restore(crafted, data_dir, PASS, keys, overwrite=True)
    assert caught.value.code == "backup_key_conflict" and keys.secrets == key_before


@pytest.mark.parametrize(
    "kdf",
    [
        {"n": 2**40, "r": 8, "p": 1},
        {"n": 2**15, "r": 8, "p": 100_000},
        {"n": 3 * 2**10, "r": 8, "p": 1},
        {"n": 2**15, "r": 0, "p": 1},
        {"n": "32768", "r": 8, "p": 1},
        {"n": 2**15, "r": 8, "p": 1, "name": "md5"},
        {"n": 2**15, "r": 8, "p": 1, "salt": "AA=="},
    ],
)
def test_scrypt_parameters_from_the_header_are_bounded_before_use(
    archive: Path, tmp_path: Path, kdf: dict[str, Any]
) -> None:
    with zipfile.ZipFile(archive) as source:
        entries = {item.filename: source.read(item) for item in source.infolist()}
    header = json.loads(entries["backup.json"])
    header["kdf"].update(kdf)
    entries["backup.json"] = json.dumps(header).encode()
    crafted = tmp_path / "crafted.zip"
    with zipfile.ZipFile(crafted, "w") as out:
        for name, body in entries.items():
            out.writestr(name, body)
    started = time.monotonic()
    with pytest.raises(BackupError) as caught:
        Store.restore(crafted, tmp_path / "fresh", PASS, MemoryKeyStore())
    assert caught.value.code == "backup_damaged"
    assert time.monotonic() - started < 5  # refused, not computed
    assert not (tmp_path / "fresh" / "store.sqlite3").exists()


def test_a_compressed_manifest_bomb_is_refused_unread(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "MANIFEST_LIMIT", 64 * 1024)  # the real one is 64 MB
    with zipfile.ZipFile(archive) as source:
        header = source.read("backup.json")
    crafted = tmp_path / "bomb.zip"
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("backup.json", header)
        out.writestr("manifest.bin", b"\0" * (1024 * 1024))  # 1 MB that packs into 1 KB
    assert crafted.stat().st_size < 10_000
    with pytest.raises(BackupError) as caught:
        Store.restore(crafted, tmp_path / "fresh", PASS, MemoryKeyStore())
    assert caught.value.code == "backup_damaged"
    # and the entry's size is checked before reading: a zip that lies about it is cut short
    assert backup._read_entry(zipfile.ZipFile(archive), "backup.json", 10_000)


def test_old_data_is_kept_with_its_key_file_and_a_readme(tmp_path: Path) -> None:
    home = tmp_path / "home"
    keys = PassphraseKeyStore(home, "店铺口令")
    with Store.open(home, keys) as store:
        store.add_case(buyer_case(description="旧数据"), NOW)
    donor_keys = MemoryKeyStore()
    with Store.open(tmp_path / "donor", donor_keys) as store:
        store.add_case(buyer_case(description="备份里的数据"), NOW)
        archive = store.backup(tmp_path / "b.zip", PASS)
    moved = Store.restore(archive, home, PASS, keys, overwrite=True)
    assert moved is not None and (moved / "keys.json").is_file()
    readme = (moved / "README.txt").read_text("utf-8")
    assert "keys.json" in readme and "data-key-" in readme
    with Store.open(home, PassphraseKeyStore(home, "店铺口令")) as store:
        assert store.get_case(1).case.description == "备份里的数据"
    # the moved-aside folder on its own is a complete data folder: database, blobs and key
    with Store.open(moved, PassphraseKeyStore(moved, "店铺口令")) as store:
        assert store.get_case(1).case.description == "旧数据"


# --------------------------------------------------------------------------- disk full


def test_a_full_disk_is_reported_as_a_full_disk(store: Store) -> None:
    store.add_case(buyer_case(), NOW)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # what a full disk looks like
    with pytest.raises(StoreError) as caught:
        store.add_case(buyer_case(description="满" * 200_000), NOW)
    assert caught.value.code == "disk_full"
    assert "磁盘空间不足" in caught.value.message("zh") and "恢复" in caught.value.message("zh")
    assert "not damaged" in caught.value.message("en")
    assert [s.id for s in store.list_cases()] == [1]  # nothing lost, still usable


def test_a_full_disk_while_writing_a_blob(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from seller_app.store import crypto

    case_id = store.add_case(buyer_case(), NOW)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8photo")

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(crypto, "write_atomic", full)
    with pytest.raises(StoreError) as caught:
        store.add_photo(case_id, photo, NOW)
    assert caught.value.code == "disk_full"
    assert store.photos(case_id) == []


def test_opening_on_a_full_disk_is_not_called_damage(
    data_dir: Path, keys: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(data_dir, keys) as store:
        store.add_case(buyer_case(), NOW)
    from seller_app.store import store as store_module

    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module.schema, "migrate", full)
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, keys)
    assert caught.value.code == "disk_full"


# --------------------------------------------------------------------------- first use race


def test_two_first_starts_on_an_empty_folder_share_one_key(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    # both read the (absent) key file before either writes it: the lost-key race
    first, second = PassphraseKeyStore(folder, "口令"), PassphraseKeyStore(folder, "口令")
    with Store.open(folder, first) as store:
        store.add_case(buyer_case(), NOW)
    with Store.open(folder, second) as store:
        store.add_case(buyer_case(), NOW)
        assert len(store.list_cases()) == 2


# --------------------------------------------------------------------------- sealed photo fields


SECRET_NAME, SECRET_CAPTION = "13812345678-张三丰.jpg", "买家张三丰家门口的面单"


def test_photo_names_and_captions_are_never_readable_in_the_database(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    photo = tmp_path / SECRET_NAME
    photo.write_bytes(b"\xff\xd8photo")
    case = buyer_case(
        photos=[{"file": SECRET_NAME, "kind": "waybill_label", "caption": SECRET_CAPTION}]
    )
    case_id = store.add_case(case, NOW)
    store.add_photo(case_id, photo, NOW, caption=SECRET_CAPTION)
    store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (data_dir / "store.sqlite3").read_bytes()
    for secret in (SECRET_NAME, SECRET_CAPTION, "13812345678"):
        assert secret.encode() not in raw
    assert store.get_case(case_id).case.photos == case.photos
    (stored,) = store.photos(case_id)
    assert (stored.name, stored.caption) == (SECRET_NAME, SECRET_CAPTION)


def test_readable_photo_fields_of_older_versions_are_sealed_on_opening(
    data_dir: Path, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    with Store.open(data_dir, keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        photo = tmp_path / "p.jpg"
        photo.write_bytes(b"\xff\xd8photo")
        store.add_photo(case_id, photo, NOW)
    # what an older version left: the photo list in the readable JSON, name and caption plain
    conn = sqlite3.connect(data_dir / "store.sqlite3")
    with conn:
        (public,) = conn.execute("SELECT case_json FROM cases").fetchone()
        data = json.loads(public)
        data["photos"] = [{"file": SECRET_NAME, "kind": "other", "caption": SECRET_CAPTION}]
        conn.execute("UPDATE cases SET case_json = ?", (json.dumps(data, ensure_ascii=False),))
        conn.execute(
            "UPDATE case_photos SET name = ?, caption = ?, sealed = NULL",
            (SECRET_NAME, SECRET_CAPTION),
        )
        conn.execute("DELETE FROM meta WHERE key = 'photo_fields_sealed'")
    conn.close()
    with Store.open(data_dir, keys) as store:
        assert store.get_case(case_id).case.photos[0].caption == SECRET_CAPTION
        (stored,) = store.photos(case_id)
        assert (stored.name, stored.caption) == (SECRET_NAME, SECRET_CAPTION)
    raw = (data_dir / "store.sqlite3").read_bytes()
    assert SECRET_CAPTION.encode() not in raw and SECRET_NAME.encode() not in raw


def test_an_unredacted_export_is_owner_only(store: Store, tmp_path: Path) -> None:
    import os
    import stat

    if os.name == "nt":
        pytest.skip("no mode bits on Windows")
    case_id = store.add_case(buyer_case(), NOW)
    for redact in (False, True):
        dest = store.export_case(case_id, tmp_path / f"pack-{redact}.zip", redact=redact)
        assert stat.S_IMODE(dest.stat().st_mode) == 0o600
        assert zipfile.ZipFile(io.BytesIO(dest.read_bytes())).testzip() is None


def test_a_zip_directory_too_large_to_list_is_refused_first(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "MAX_ENTRIES", 2)  # the real bound: a million entries
    with pytest.raises(BackupError) as caught:
        Store.restore(archive, tmp_path / "fresh", PASS, MemoryKeyStore())
    assert caught.value.code == "backup_damaged" and "zip" in caught.value.message("en")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs are POSIX")
def test_a_database_that_is_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    import os

    for name, make in (
        ("store.sqlite3", lambda p: os.mkfifo(p)),
        ("store.sqlite3-wal", lambda p: p.symlink_to("/dev/zero")),
    ):
        folder = tmp_path / name
        folder.mkdir()
        make(folder / name)
        with pytest.raises(StoreError) as caught:
            Store.open(folder, MemoryKeyStore())
        assert caught.value.code == "database_not_a_file"


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs are POSIX")
def test_a_key_file_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    import os

    from seller_app.credentials import CredentialError

    os.mkfifo(tmp_path / "keys.json")
    with pytest.raises(CredentialError) as caught:
        PassphraseKeyStore(tmp_path, "口令")
    assert caught.value.code == "keys_file_damaged"
