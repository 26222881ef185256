"""Two desks on one store (two windows on a desk's own file; two PCs on the shop server): a stale
save is refused with the other desk's name and nothing is lost; changes say which desk made them;
a second claim for a parcel another desk claimed is flagged."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.store import CaseStatus, ConcurrentEditError, Store
from seller_app.store.desk import Desk
from tests.conftest import NOW, make_case

from .conftest import Backend, buyer_case

FRONT, WAREHOUSE = "前台", "仓库电脑"


@pytest.fixture
def desks(backend: Backend, keys: MemoryKeyStore, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """The desk 前台 and the desk 仓库电脑: on a shop server each with its own folder and
    keychain; on a desk's own store two windows of one file."""
    front = Desk(uuid.uuid4().hex, FRONT)
    warehouse = Desk(uuid.uuid4().hex, WAREHOUSE)
    with backend.open(keys, desk=front) as first:  # type: ignore[arg-type]
        if backend.shared:
            second = backend.open(
                MemoryKeyStore(),
                data_dir=tmp_path / "warehouse",
                desk=warehouse,  # type: ignore[arg-type]
            )
        else:
            second = backend.open(keys, desk=warehouse)  # type: ignore[arg-type]
        with second:
            yield first, second


def test_a_stale_save_is_refused_naming_the_desk_and_nothing_is_lost(
    desks: tuple[Store, Store],
) -> None:
    front, warehouse = desks
    case_id = front.add_case(buyer_case(), NOW)
    mine, theirs = front.get_case(case_id), warehouse.get_case(case_id)
    assert mine.version == theirs.version == 1 and mine.created_by == FRONT
    later = NOW + timedelta(minutes=5)
    version = warehouse.update_case(
        case_id, make_case(goods_value="250"), later, expected_version=theirs.version
    )
    assert version == 2
    with pytest.raises(ConcurrentEditError) as caught:
        front.update_case(
            case_id,
            make_case(weight_kg="3"),
            NOW + timedelta(minutes=6),
            expected_version=mine.version,
        )
    error = caught.value
    assert (error.case_id, error.desk, error.at, error.expected, error.found) == (
        case_id,
        WAREHOUSE,
        later,
        1,
        2,
    )
    assert error.message("zh").startswith(f"这个案件刚被 {WAREHOUSE} 修改过（")
    assert f"changed by {WAREHOUSE}" in error.message("en")
    reloaded = front.get_case(case_id)  # the warehouse's change is there, untouched
    assert reloaded.case.goods_value == Decimal("250") and reloaded.updated_by == WAREHOUSE
    front.update_case(
        case_id,
        make_case(goods_value="250", weight_kg="3"),
        NOW + timedelta(minutes=7),
        expected_version=reloaded.version,
    )
    final = warehouse.get_case(case_id)
    assert (final.case.goods_value, final.case.weight_kg, final.version) == (
        Decimal("250"),
        Decimal("3"),
        3,
    )


@pytest.mark.parametrize(
    "change",
    ["update_case", "set_status", "set_amounts", "record_event", "clear_event"],
)
def test_every_save_checks_the_version_this_desk_last_read(
    desks: tuple[Store, Store], change: str
) -> None:
    front, warehouse = desks
    case_id = front.add_case(buyer_case(claim_at=None), NOW - timedelta(days=3))
    front.record_event(case_id, CaseEvent(EventKind.FILED, NOW - timedelta(days=2)), NOW)
    front.get_case(case_id)  # what the front desk's window shows
    warehouse.add_note(case_id, "notes and photos are added, never edited", NOW)
    warehouse.set_amounts(case_id, NOW, claimed=Decimal("28.80"))  # changes the case
    attempts = {
        "update_case": lambda: front.update_case(case_id, buyer_case(), NOW),
        "set_status": lambda: front.set_status(case_id, "answered", NOW),
        "set_amounts": lambda: front.set_amounts(case_id, NOW, recovered=Decimal("1")),
        "record_event": lambda: front.record_event(case_id, CaseEvent(EventKind.REPLIED, NOW), NOW),
        "clear_event": lambda: front.clear_event(case_id, EventKind.FILED, NOW),
    }
    before = warehouse.get_case(case_id)
    with pytest.raises(ConcurrentEditError) as caught:
        attempts[change]()
    assert caught.value.desk == WAREHOUSE
    assert warehouse.get_case(case_id) == before  # nothing of it was saved
    front.get_case(case_id)  # reloaded: now it goes through
    attempts[change]()
    assert warehouse.get_case(case_id).version == before.version + 1


def test_a_desk_that_names_no_version_and_read_nothing_is_not_refused(
    desks: tuple[Store, Store],
) -> None:
    """The command line changes a case in one step (no stale view): nothing to compare."""
    front, warehouse = desks
    case_id = front.add_case(buyer_case(), NOW)
    front.set_status(case_id, "filed", NOW)
    warehouse.set_status(case_id, "answered", NOW)
    assert front.get_case(case_id).status is CaseStatus.ANSWERED


def test_status_changes_events_and_notes_record_the_desk(desks: tuple[Store, Store]) -> None:
    front, warehouse = desks
    case_id = front.add_case(buyer_case(claim_at=None), NOW - timedelta(days=3))
    front.record_event(case_id, CaseEvent(EventKind.FILED, NOW - timedelta(days=2)), NOW)
    warehouse.get_case(case_id)
    warehouse.record_event(case_id, CaseEvent(EventKind.REPLIED, NOW), NOW, note="电话回复")
    front.get_case(case_id)
    front.set_status(case_id, "agreed", NOW, note="同意赔付")
    warehouse.add_note(case_id, "已告知买家", NOW)
    history = front.status_history(case_id)
    assert [(c.status.value, c.desk) for c in history] == [
        ("draft", FRONT),
        ("filed", FRONT),
        ("answered", WAREHOUSE),
        ("agreed", FRONT),
    ]
    assert [(e.kind.value, e.desk) for e in warehouse.event_log(case_id)] == [
        ("filed", FRONT),
        ("replied", WAREHOUSE),
        ("agreed", FRONT),
    ]
    assert [(n.text, n.desk) for n in front.notes(case_id)] == [("已告知买家", WAREHOUSE)]
    record = warehouse.get_case(case_id)
    assert (record.created_by, record.updated_by) == (FRONT, FRONT)
    assert front.desk_names() == warehouse.desk_names()
    assert set(front.desk_names().values()) == {FRONT, WAREHOUSE}


def test_a_second_claim_for_a_parcel_another_desk_claimed_is_flagged(
    desks: tuple[Store, Store],
) -> None:
    front, warehouse = desks
    first, earlier = front.add_claim(make_case(), NOW)
    assert earlier == []
    second, earlier = warehouse.add_claim(
        make_case(tracking_numbers=["YT9876543210", "sf 1234 5678 90123"]), NOW
    )
    assert [(s.id, s.created_by) for s in earlier] == [(first, FRONT)]
    found = front.claims_for_tracking(["SF1234567890123"], exclude=first)
    assert [(s.id, s.created_by) for s in found] == [(second, WAREHOUSE)]


def test_a_desk_renamed_is_named_anew_everywhere(backend: Backend, keys: MemoryKeyStore) -> None:
    with backend.open(keys, desk="旧名字") as store:
        case_id = store.add_case(buyer_case(), NOW)
    with backend.open(keys, desk="新名字") as store:
        assert store.desk.name == "新名字"
        assert store.get_case(case_id).created_by == "新名字"
    with backend.open(keys) as store:  # the name is kept in the data folder
        assert store.desk.name == "新名字"
