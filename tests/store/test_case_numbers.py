"""Finding cases by tracking number through an index (schema 7), on either database.

The batch looks every imported row up by tracking number (a re-run, a second claim); a look-up
that scans every stored case makes an import slower the more cases there are. These tests pin
the look-up to an index search and keep the index whole wherever a case's numbers are written:
adding, updating, a store migrated from schema 6, a server backup restored, a desk's store
copied to the shop's server. (Many changes in one commit: `write_batch`, in test_store.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store, schema
from tests.conftest import NOW, make_case

from .conftest import Backend

A, B, C = "SF1234567890123", "SF1400012345678", "YT9876543210987"


def numbers(store: Store, number: str) -> list[int]:
    return [summary.id for summary in store.list_cases(tracking=number)]


def test_a_case_is_found_by_any_of_its_numbers(store: Store) -> None:
    one = store.add_case(make_case(tracking_numbers=[A]), NOW)
    two = store.add_case(make_case(tracking_numbers=[B, A, C]), NOW)
    assert numbers(store, A) == [one, two]
    assert numbers(store, C) == [two]
    assert numbers(store, "sf 1400-0123 45678") == [two]  # normalised like case files
    assert numbers(store, "SF140001234567") == []  # a prefix is not the number
    assert [s.id for s in store.claims_for_tracking([C, B], exclude=None)] == [two]


def test_updating_a_case_replaces_its_numbers(store: Store) -> None:
    case_id = store.add_case(make_case(tracking_numbers=[A, B]), NOW)
    store.update_case(case_id, make_case(tracking_numbers=[C]), NOW)
    assert (numbers(store, A), numbers(store, B), numbers(store, C)) == ([], [], [case_id])
    store.update_case(case_id, make_case(tracking_numbers=[C, C, A]), NOW)  # a repeat is one row
    assert (numbers(store, A), numbers(store, C)) == ([case_id], [case_id])


def test_the_look_up_searches_an_index_instead_of_scanning_every_case(
    sqlite_backend: Backend, keys: MemoryKeyStore, data_dir: Path
) -> None:
    with sqlite_backend.open(keys) as store:
        for n in range(20):
            store.add_case(make_case(tracking_numbers=[f"SF{1234500000000 + n}"]), NOW)
        statements: list[str] = []
        raw = store._conn.conn  # type: ignore[attr-defined]  # the SQL the look-up really runs
        raw.set_trace_callback(statements.append)
        try:
            [found] = store.list_cases(tracking="SF1234500000003")
        finally:
            raw.set_trace_callback(None)
    assert found.tracking_numbers == ("SF1234500000003",)
    [query] = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    with sqlite3.connect(data_dir / schema.DB_NAME) as conn:
        plan = " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "SCAN cases" not in plan and "SCAN case_numbers" not in plan, plan
    assert "case_numbers" in plan, plan


def test_a_store_from_before_the_index_gets_it_filled_on_opening(
    sqlite_backend: Backend, keys: MemoryKeyStore, data_dir: Path
) -> None:
    with sqlite_backend.open(keys) as store:
        first = store.add_case(make_case(tracking_numbers=[A, B]), NOW)
        second = store.add_case(make_case(tracking_numbers=[C]), NOW)
    with sqlite3.connect(data_dir / schema.DB_NAME) as conn:  # as schema 6 left it
        conn.execute("DROP TABLE case_numbers")
        conn.execute("PRAGMA user_version = 6")
    with sqlite_backend.open(keys) as store:
        assert (numbers(store, B), numbers(store, C)) == ([first], [second])
    assert schema.list_copies(data_dir)  # the usual copy before migrating


def test_a_restored_backup_finds_its_cases_by_number(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    with backend.open(keys) as store:
        case_id = store.add_case(make_case(tracking_numbers=[A, C]), NOW)
        archive = store.backup(tmp_path / "b.zip", "backup pass")
    other, other_keys = backend.other(tmp_path / "other"), MemoryKeyStore()
    other.restore(archive, "backup pass", other_keys)
    desk = backend.data_dir if backend.shared else None
    with other.open(other_keys, data_dir=desk, ask=None) as store:
        assert (numbers(store, A), numbers(store, C)) == ([case_id], [case_id])
        later = store.add_case(make_case(tracking_numbers=[A]), NOW)  # the index goes on
        assert numbers(store, A) == [case_id, later]
