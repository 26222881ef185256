"""The case book with two desks (issue 17): a record opened for work is saved against the version
it was opened at, so another desk's change in between is reported, not overwritten; the
book's own saves and the case list never trip it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import SHANGHAI
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.store import ConcurrentEditError, Store
from seller_app.store.desk import Desk
from seller_app.ui.store_book import StoreCaseBook
from tests.conftest import case_dict, make_case

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def books(tmp_path: Path) -> Iterator[tuple[StoreCaseBook, StoreCaseBook]]:
    """Two desks' books on one store (two windows; the shop server works the same way)."""
    keys = MemoryKeyStore()
    first = Store.open(tmp_path / "data", keys, desk=Desk(uuid.uuid4().hex, "前台"))
    second = Store.open(tmp_path / "data", keys, desk=Desk(uuid.uuid4().hex, "仓库"))
    yield (
        StoreCaseBook(first, tmp_path / "files1"),
        StoreCaseBook(second, tmp_path / "files2"),
    )
    first.close()
    second.close()


def test_a_record_saved_after_another_desk_changed_it_is_refused(
    books: tuple[StoreCaseBook, StoreCaseBook],
) -> None:
    front, warehouse = books
    case_id = front.store.add_case(make_case(claim_at=None), NOW)
    record_id = f"c{case_id}"
    mine = front.get(record_id)
    assert mine is not None and mine.version == 1
    # the wizard autosaves its own changes again and again: never a conflict with itself
    for minutes in (1, 2):
        front.save(
            mine.with_changes(
                data=case_dict(claim_at=None, goods_value=f"{300 + minutes}"),
                status="ready",
                updated_at=NOW + timedelta(minutes=minutes),
            )
        )
    theirs = warehouse.get(record_id)
    assert theirs is not None
    warehouse.save(
        theirs.with_changes(
            data=case_dict(claim_at=None, weight_kg="5"), updated_at=NOW + timedelta(minutes=3)
        )
    )
    front.records()  # the list refreshing does not make the open record current
    with pytest.raises(ConcurrentEditError) as caught:
        front.save(
            mine.with_changes(
                data=case_dict(claim_at=None, goods_value="999"),
                status="ready",
                updated_at=NOW + timedelta(minutes=4),
            )
        )
    assert caught.value.desk == "仓库" and "这个案件刚被 仓库 修改过" in caught.value.message("zh")
    with pytest.raises(ConcurrentEditError):
        front.set_status(record_id, "filed", NOW + timedelta(minutes=5))
    reloaded = front.get(record_id)  # reload: the warehouse's change is there
    assert reloaded is not None and reloaded.data["weight_kg"] == "5"
    front.record_event(record_id, CaseEvent(EventKind.FILED, NOW), NOW + timedelta(minutes=6))
    front.set_status(record_id, "answered", NOW + timedelta(minutes=7))
    assert front.get(record_id).status == "answered"  # type: ignore[union-attr]
