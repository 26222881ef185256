"""One encrypted zip of the whole store; restore checks every hash and asks before replacing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.store import BackupError, ConfirmationNeededError, Store
from tests.conftest import NOW

from .conftest import buyer_case

PASS = "correct horse 电池"


@pytest.fixture
def archive(data_dir: Path, keys: MemoryKeyStore, tmp_path: Path) -> Path:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    with Store.open(data_dir, keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        store.add_photo(case_id, photo, NOW)
        store.add_document(case_id, "calendar", "deadlines.ics", b"BEGIN:VCALENDAR", NOW)
        store.save_draft({"page": "x"}, 1, NOW)
        return store.backup(tmp_path / "out" / "backup.zip", PASS)


def test_restore_on_another_pc(archive: Path, tmp_path: Path) -> None:
    other_dir, other_keys = tmp_path / "other", MemoryKeyStore()  # new machine, empty keychain
    assert Store.restore(archive, other_dir, PASS, other_keys) is None
    with Store.open(other_dir, other_keys) as store:
        assert store.get_case(1).case == buyer_case()
        (photo,) = store.photos(1)
        assert store.read_photo(photo.sha256) == b"\xff\xd8photo"
        assert store.read_document(store.documents(1)[0].id) == b"BEGIN:VCALENDAR"
        assert store.list_drafts()[0].data == {"page": "x"}


def test_wrong_passphrase(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        Store.restore(archive, tmp_path / "other", "wrong", MemoryKeyStore())
    assert caught.value.code == "backup_wrong_passphrase"
    assert not (tmp_path / "other" / "store.sqlite3").exists()


def test_restoring_over_existing_data_needs_confirmation(
    archive: Path, data_dir: Path, keys: MemoryKeyStore
) -> None:
    with Store.open(data_dir, keys) as store:
        later = store.add_case(buyer_case(), NOW)
    with pytest.raises(ConfirmationNeededError) as caught:
        Store.restore(archive, data_dir, PASS, keys)
    assert "--yes" in caught.value.message("en")
    with Store.open(data_dir, keys) as store:
        assert store.get_case(later)  # untouched
    moved = Store.restore(archive, data_dir, PASS, keys, overwrite=True)
    assert moved is not None and (moved / "store.sqlite3").exists()
    with Store.open(data_dir, keys) as store:
        assert [s.id for s in store.list_cases()] == [1]


def test_altered_archive_is_refused_before_anything_is_written(
    archive: Path, tmp_path: Path
) -> None:
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(altered, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "f/000002":
                body = body[:-1] + bytes([body[-1] ^ 1])
            target.writestr(item, body)
    target_dir = tmp_path / "other"
    with pytest.raises(BackupError) as caught:
        Store.restore(altered, target_dir, PASS, MemoryKeyStore())
    assert caught.value.code == "backup_damaged"
    assert not (target_dir / "store.sqlite3").exists()


def test_not_a_zip(tmp_path: Path) -> None:
    bogus = tmp_path / "x.zip"
    bogus.write_bytes(b"nope")
    with pytest.raises(BackupError):
        Store.restore(bogus, tmp_path / "d", PASS, MemoryKeyStore())
