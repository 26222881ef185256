"""The case book's follow-up API (what the case view calls): each recorded event moves the case
list's next deadline and the reminders panel."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.errors import CaseError
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.ui.case_rows import case_row, due_soon
from seller_app.ui.store_book import StoreCaseBook
from tests.conftest import make_case


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=SHANGHAI)


def reminders(book: StoreCaseBook, record_id: str, catalog: Catalog, now: datetime) -> list[str]:
    row = case_row(book.get(record_id), catalog, "zh", now)  # type: ignore[arg-type]
    today, week = due_soon([row], now)
    return [f"{item.title}@{item.due:%m-%d}" for item in today + week]


def test_every_event_moves_the_reminders(book: StoreCaseBook, catalog: Catalog) -> None:
    case_id = book.store.add_case(make_case(claim_at=None), at(14))
    record_id = f"c{case_id}"
    assert book.get(record_id).status == "ready"  # type: ignore[union-attr]
    # not sent: nothing due this week (the claim period ends in a year)
    assert reminders(book, record_id, catalog, at(15)) == []

    status = book.record_event(record_id, CaseEvent(EventKind.FILED, at(16)), at(16))
    assert status == "filed"
    assert reminders(book, record_id, catalog, at(16, 12)) == ["快递公司应答复索赔@11-17"]

    status = book.record_event(
        record_id, CaseEvent(EventKind.PROPOSAL, at(17), amount=Decimal("10")), at(17)
    )
    assert status == "answered"
    assert reminders(book, record_id, catalog, at(17, 12)) == []

    status = book.record_event(record_id, CaseEvent(EventKind.COMPLAINED, at(18)), at(18))
    assert status == "escalated"
    assert reminders(book, record_id, catalog, at(19)) == [
        "快递公司应处理完投诉@11-25",
        "可向邮政管理部门申诉（12305）@11-25",
    ]

    book.record_event(record_id, CaseEvent(EventKind.APPEALED, at(26)), at(26))
    assert reminders(book, record_id, catalog, at(26, 12)) == []
    assert reminders(book, record_id, catalog, at(26) + timedelta(days=25)) == [
        "邮政管理部门应答复申诉@12-26"
    ]

    book.record_event(record_id, CaseEvent(EventKind.PAID, at(28), amount=Decimal("72")), at(28))
    record = book.get(record_id)
    assert record is not None and record.status == "paid" and record.amount_recovered == "72.00"
    assert [entry.kind.value for entry in book.event_log(record_id)] == [
        "filed",
        "proposal",
        "complained",
        "appealed",
        "paid",
    ]


def test_a_mistake_is_refused_and_can_be_taken_back(book: StoreCaseBook) -> None:
    case_id = book.store.add_case(make_case(claim_at=None), at(14))
    record_id = f"c{case_id}"
    with pytest.raises(CaseError):
        book.record_event(record_id, CaseEvent(EventKind.REPLIED, at(16)), at(16))
    book.record_event(record_id, CaseEvent(EventKind.BUYER_REQUESTED, at(15)), at(16))
    book.clear_event(record_id, EventKind.BUYER_REQUESTED, at(16))
    assert book.get(record_id).data.get("buyer_requested_at") is None  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        book.record_event("d3", CaseEvent(EventKind.FILED, at(16)), at(16))
