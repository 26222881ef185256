"""A thief with the data dir but not the keychain reads no buyer data: grep every byte."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore, PassphraseKeyStore
from seller_app.domain.case import PhotoKind
from seller_app.store import CaseStatus, Store
from tests.conftest import NOW

from .conftest import BUYER, BUYER_PHONE, SHOP, Backend, buyer_case


@pytest.fixture
def backend(sqlite_backend: Backend) -> Backend:
    """About SQLite's own files (the shop server's counterparts are in test_shared*.py)."""
    return sqlite_backend


SECRETS = [
    BUYER_PHONE,
    BUYER["name"],
    "文三路90号",
    SHOP["phone"],
    SHOP["contact"],
    "买家张三丰来电",
]


def leaks(data_dir: Path) -> list[str]:
    found = []
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert files
    for path in files:
        raw = path.read_bytes()
        for secret in SECRETS:
            for encoding in ("utf-8", "utf-16-le", "gb18030"):
                if secret.encode(encoding) in raw:
                    found.append(f"{path.relative_to(data_dir)}: {secret} ({encoding})")
    return found


def test_no_buyer_data_in_any_file_wal_included(
    data_dir: Path, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    photo = tmp_path / "waybill.jpg"
    photo.write_bytes(b"\xff\xd8 label shows " + BUYER_PHONE.encode() + b" and more")
    store = Store.open(data_dir, keys)
    case_id = store.add_case(buyer_case(), NOW)
    store.update_case(case_id, buyer_case(order_id="O1"), NOW)
    draft_id = store.save_draft({"buyer": BUYER, "shop": SHOP}, 2, NOW)
    store.save_draft({"buyer": BUYER, "shop": SHOP}, 3, NOW, draft_id)
    store.add_photo(case_id, photo, NOW, kind=PhotoKind.WAYBILL_LABEL, prepared=photo)
    store.add_document(case_id, "claim_form", "form.pdf", f"电话 {BUYER_PHONE}".encode(), NOW)
    store.add_note(case_id, f"买家电话 {BUYER_PHONE}", NOW)
    store.set_status(case_id, CaseStatus.FILED, NOW, note=f"已告知 {BUYER['name']}")
    store.delete_draft(draft_id)

    assert (data_dir / "store.sqlite3-wal").stat().st_size > 0  # the WAL is really checked
    assert leaks(data_dir) == []
    store.backup(tmp_path / "backup.zip", "backup passphrase")
    store.close()
    assert leaks(data_dir) == []
    raw_backup = (tmp_path / "backup.zip").read_bytes()
    assert BUYER_PHONE.encode() not in raw_backup
    # the store still reads it all back with the key
    with Store.open(data_dir, keys) as reopened:
        record = reopened.get_case(case_id)
        assert record.case.buyer is not None and record.case.buyer.phone == BUYER_PHONE


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_everything_in_the_data_dir_is_owner_only(
    data_dir: Path, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    data_dir.mkdir(mode=0o755)  # made by an older version: tightened on open
    photo = tmp_path / "waybill.jpg"
    photo.write_bytes(b"\xff\xd8 label")
    with Store.open(data_dir, keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        store.add_photo(case_id, photo, NOW)
        store.add_document(case_id, "claim_form", "form.pdf", b"%PDF", NOW)
        backup = store.backup(tmp_path / "backup.zip", "backup passphrase")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert any(path.parent.parent.name == "blobs" for path in files)
    assert {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in files + [backup]} == {
        path.name: "0o600" for path in files + [backup]
    }
    restored = tmp_path / "restored"
    Store.restore(backup, restored, "backup passphrase", MemoryKeyStore())
    assert stat.S_IMODE(restored.stat().st_mode) == 0o700
    assert all(
        stat.S_IMODE(path.stat().st_mode) == 0o600 for path in restored.rglob("*") if path.is_file()
    )


def test_passphrase_key_file_is_owner_only(tmp_path: Path) -> None:
    if os.name == "nt":
        pytest.skip("POSIX permission bits")
    key_store = PassphraseKeyStore(tmp_path / "data", "口令")
    key_store.set("data-key-x", b"k" * 32)
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "data" / "keys.json").stat().st_mode) == 0o600
