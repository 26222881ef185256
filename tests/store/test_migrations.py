"""A database of the previous schema migrates (copy first); a damaged one says so and offers it."""

from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import case_to_json
from seller_app.store import Store, StoreCorruptError, StoreError, schema
from seller_app.store.codec import split_pii
from seller_app.store.crypto import Cipher
from seller_app.store.store import key_name
from tests.conftest import NOW

from .conftest import BUYER_PHONE, buyer_case

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.sql"


def make_v1_store(data_dir: Path, keys: MemoryKeyStore) -> None:
    """Write a version-1 database as the first release left it: one filed case with a buyer."""
    data_dir.mkdir(parents=True)
    key = secrets.token_bytes(32)
    keys.set(key_name("fixture"), key)
    cipher = Cipher(key)
    public, pii = split_pii(case_to_json(buyer_case()))
    conn = sqlite3.connect(data_dir / schema.DB_NAME)
    conn.executescript(FIXTURE.read_text("utf-8"))
    stamp = NOW.isoformat()
    with conn:
        conn.execute(
            "INSERT INTO meta VALUES ('store_id', 'fixture'), ('key_check', ?)",
            (cipher.seal(b"seller-claims data key check", b"key-check").hex(),),
        )
        conn.execute(
            "INSERT INTO cases VALUES (1, 'filed', ?, ?, '300.00', NULL, ?, ?)",
            (json.dumps(public), cipher.seal_json(pii, b"case-pii:1"), stamp, stamp),
        )
        conn.execute("INSERT INTO status_history VALUES (1, 1, 'draft', ?, NULL)", (stamp,))
        conn.execute("INSERT INTO status_history VALUES (2, 1, 'filed', ?, NULL)", (stamp,))
    conn.close()


def test_fixture_is_schema_v1(tmp_path: Path) -> None:
    make_v1_store(tmp_path / "d", MemoryKeyStore())
    conn = sqlite3.connect(tmp_path / "d" / schema.DB_NAME)
    assert schema.schema_version(conn) == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "documents" not in tables
    conn.close()


def test_v1_database_migrates_to_latest_with_a_copy(tmp_path: Path) -> None:
    data_dir, keys = tmp_path / "d", MemoryKeyStore()
    make_v1_store(data_dir, keys)
    assert schema.LATEST >= 3
    with Store.open(data_dir, keys) as store:
        record = store.get_case(1)
        assert record.case == buyer_case()
        assert record.case.buyer is not None and record.case.buyer.phone == BUYER_PHONE
        assert [c.status.value for c in store.status_history(1)] == ["draft", "filed"]
        assert [s.id for s in store.list_cases(tracking="SF1234567890123")] == [1]  # v3 column
        store.add_document(1, "claim_form", "a.pdf", b"%PDF", NOW)  # v2 table
        store.set_status(1, "answered", NOW)
    conn = sqlite3.connect(data_dir / schema.DB_NAME)
    assert schema.schema_version(conn) == schema.LATEST
    conn.close()
    (copy,) = Store.list_copies(data_dir)
    assert copy.name == "store-v1.sqlite3"
    old = sqlite3.connect(copy)
    assert schema.schema_version(old) == 1
    assert old.execute("SELECT status FROM cases").fetchall() == [("filed",)]
    old.close()


def test_newer_schema_is_refused(data_dir: Path, keys: MemoryKeyStore) -> None:
    Store.open(data_dir, keys).close()
    conn = sqlite3.connect(data_dir / schema.DB_NAME)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(data_dir, keys)


@pytest.mark.parametrize("damage", ["header", "middle"])
def test_corrupt_database_offers_the_pre_migration_copy(tmp_path: Path, damage: str) -> None:
    data_dir, keys = tmp_path / "d", MemoryKeyStore()
    make_v1_store(data_dir, keys)
    with Store.open(data_dir, keys) as store:
        for _ in range(30):  # enough pages that damage in the middle hits a b-tree page
            store.add_case(buyer_case(), NOW)
    db = data_dir / schema.DB_NAME
    raw = bytearray(db.read_bytes())
    start = 0 if damage == "header" else 4096
    raw[start : start + 4096] = b"\xa5" * 4096
    db.write_bytes(bytes(raw))

    with pytest.raises(StoreCorruptError) as caught:
        Store.open(data_dir, keys)
    error = caught.value
    assert [copy.name for copy in error.copies] == ["store-v1.sqlite3"]
    assert "已损坏" in error.message("zh") and "store-v1.sqlite3" in error.message("zh")
    assert "damaged" in error.message("en") and "pre-migration copy" in error.message("en")

    Store.restore_copy(data_dir, error.copies[0])
    with Store.open(data_dir, keys) as store:
        assert store.get_case(1).case == buyer_case()  # the state the copy was taken in
    assert (data_dir / "copies" / "damaged-1.sqlite3").exists()


def test_corrupt_database_without_copies_suggests_a_backup(
    data_dir: Path, keys: MemoryKeyStore
) -> None:
    Store.open(data_dir, keys).close()
    (data_dir / schema.DB_NAME).write_bytes(b"this is not a database" * 300)
    with pytest.raises(StoreCorruptError) as caught:
        Store.open(data_dir, keys)
    assert caught.value.copies == []
    assert "Restore from a backup" in caught.value.message("en")


def test_restoring_a_copy_keeps_the_damaged_files_wal_beside_it(
    data_dir: Path, keys: MemoryKeyStore
) -> None:
    Store.open(data_dir, keys).close()
    copy = data_dir / "copies" / "store-v1.sqlite3"
    copy.parent.mkdir(exist_ok=True)
    copy.write_bytes((data_dir / schema.DB_NAME).read_bytes())
    wal = data_dir / (schema.DB_NAME + "-wal")
    wal.write_bytes(b"committed but not checkpointed")
    Store.restore_copy(data_dir, copy)
    kept = data_dir / "copies" / "damaged-1.sqlite3-wal"
    assert kept.read_bytes() == b"committed but not checkpointed"
    assert not wal.exists()
