"""One encrypted zip of the whole store; restore checks every hash and asks before replacing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.store import BackupError, ConfirmationNeededError
from tests.conftest import NOW

from .conftest import Backend, buyer_case

PASS = "correct horse 电池"


@pytest.fixture
def archive(backend: Backend, keys: MemoryKeyStore, tmp_path: Path) -> Path:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    with backend.open(keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        store.add_photo(case_id, photo, NOW)
        store.add_document(case_id, "calendar", "deadlines.ics", b"BEGIN:VCALENDAR", NOW)
        store.save_draft({"page": "x"}, 1, NOW)
        return store.backup(tmp_path / "out" / "backup.zip", PASS)


def test_restore_on_another_pc(archive: Path, backend: Backend, tmp_path: Path) -> None:
    other, other_keys = backend.other(tmp_path / "other"), MemoryKeyStore()  # empty keychain
    assert other.restore(archive, PASS, other_keys) is None
    # the backup brought the key along; on a server, drafts stay with the desk that began them
    desk = backend.data_dir if backend.shared else None
    with other.open(other_keys, data_dir=desk, ask=None) as store:
        assert store.get_case(1).case == buyer_case()
        (photo,) = store.photos(1)
        assert store.read_photo(photo.sha256) == b"\xff\xd8photo"
        assert store.read_document(store.documents(1)[0].id) == b"BEGIN:VCALENDAR"
        assert store.list_drafts()[0].data == {"page": "x"}


def test_wrong_passphrase(archive: Path, backend: Backend, tmp_path: Path) -> None:
    other = backend.other(tmp_path / "other")
    with pytest.raises(BackupError) as caught:
        other.restore(archive, "wrong", MemoryKeyStore())
    assert caught.value.code == "backup_wrong_passphrase"
    assert not other.holds_a_store()


def test_restoring_over_existing_data_needs_confirmation(
    archive: Path, backend: Backend, keys: MemoryKeyStore
) -> None:
    with backend.open(keys) as store:
        later = store.add_case(buyer_case(), NOW)
    with pytest.raises(ConfirmationNeededError) as caught:
        backend.restore(archive, PASS, keys)
    assert "--yes" in caught.value.message("en")
    with backend.open(keys) as store:
        assert store.get_case(later)  # untouched
    moved = backend.restore(archive, PASS, keys, overwrite=True)
    assert moved is not None and moved.exists()  # the data as it was, kept aside
    with backend.open(keys) as store:
        assert [s.id for s in store.list_cases()] == [1]
    if backend.shared:  # what was replaced is a backup of its own: it restores
        again = backend.restore(moved, PASS, keys, overwrite=True)
        assert again is not None and again != moved and moved.exists()
        with backend.open(keys) as store:
            assert [s.id for s in store.list_cases()] == [1, later]


def test_altered_archive_is_refused_before_anything_is_written(
    archive: Path, backend: Backend, tmp_path: Path
) -> None:
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(altered, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "f/000002":
                body = body[:-1] + bytes([body[-1] ^ 1])
            target.writestr(item, body)
    target = backend.other(tmp_path / "other")
    with pytest.raises(BackupError) as caught:
        target.restore(altered, PASS, MemoryKeyStore())
    assert caught.value.code == "backup_damaged"
    assert not target.holds_a_store()


def test_not_a_zip(backend: Backend, tmp_path: Path) -> None:
    bogus = tmp_path / "x.zip"
    bogus.write_bytes(b"nope")
    with pytest.raises(BackupError):
        backend.other(tmp_path / "d").restore(bogus, PASS, MemoryKeyStore())
