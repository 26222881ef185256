"""Finding cases by tracking number through an index (schema 6), and many changes in one commit.

The batch looks every imported row up by tracking number (a re-run, a second claim); a look-up
that scans every stored case makes an import slower the more cases there are. These tests pin
the look-up to an index search and the batch's grouped commits to their promises.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store, schema
from seller_app.store.errors import NotFoundError
from tests.conftest import NOW, make_case

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


def test_the_look_up_searches_an_index_instead_of_scanning_every_case(
    store: Store, data_dir: Path
) -> None:
    for n in range(20):
        store.add_case(make_case(tracking_numbers=[f"SF{1234500000000 + n}"]), NOW)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)  # the SQL the look-up really runs
    try:
        [found] = store.list_cases(tracking="SF1234500000003")
    finally:
        store._conn.set_trace_callback(None)
    assert found.tracking_numbers == ("SF1234500000003",)
    [query] = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    with sqlite3.connect(data_dir / schema.DB_NAME) as conn:
        plan = " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "SCAN cases" not in plan and "SCAN case_numbers" not in plan, plan
    assert "case_numbers" in plan, plan


def test_an_older_store_gets_the_index_filled_on_opening(
    data_dir: Path, keys: MemoryKeyStore
) -> None:
    with Store.open(data_dir, keys) as store:
        first = store.add_case(make_case(tracking_numbers=[A, B]), NOW)
        second = store.add_case(make_case(tracking_numbers=[C]), NOW)
    with sqlite3.connect(data_dir / schema.DB_NAME) as conn:  # as schema 5 left it
        conn.execute("DROP TABLE case_numbers")
        conn.execute("PRAGMA user_version = 5")
    with Store.open(data_dir, keys) as store:
        assert (numbers(store, B), numbers(store, C)) == ([first], [second])
    assert schema.list_copies(data_dir)  # the usual copy before migrating


# ---------------------------------------------------------------- many changes, one commit


def committed_cases(data_dir: Path) -> int:
    """What another process sees: only committed cases."""
    with sqlite3.connect(data_dir / schema.DB_NAME) as conn:
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])


def test_a_write_batch_commits_once_at_its_end(store: Store, data_dir: Path) -> None:
    with store.write_batch():
        for n in range(3):
            store.add_case(make_case(tracking_numbers=[f"SF{1234500000000 + n}"]), NOW)
        assert committed_cases(data_dir) == 0
        assert len(store.list_cases()) == 3  # this connection sees its own changes
    assert committed_cases(data_dir) == 3


def test_a_failed_change_in_a_batch_undoes_only_itself(store: Store, data_dir: Path) -> None:
    with store.write_batch():
        kept = store.add_case(make_case(tracking_numbers=[A]), NOW)
        with pytest.raises(NotFoundError):
            store.add_note(9999, "no such case", NOW)
        store.add_note(kept, "还在", NOW)
    assert committed_cases(data_dir) == 1
    assert [note.text for note in store.notes(kept)] == ["还在"]


def test_what_a_batch_did_before_an_interruption_is_kept(store: Store, data_dir: Path) -> None:
    with pytest.raises(KeyboardInterrupt), store.write_batch():
        store.add_case(make_case(tracking_numbers=[A]), NOW)
        raise KeyboardInterrupt
    assert committed_cases(data_dir) == 1
    store.add_case(make_case(tracking_numbers=[B]), NOW)  # and the store goes on as before
    assert committed_cases(data_dir) == 2
