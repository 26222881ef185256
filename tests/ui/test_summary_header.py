"""The header above the case list: what waits to be sent, what waits for the courier, what is
overdue or due today, and this month's money claimed against money received; overdue and
due-today rows stand out; a tile shows only its cases."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from seller_app.domain.case import SHANGHAI
from seller_app.ui.case_rows import CaseRow, DueItem, summarize
from seller_app.ui.casebook import CaseRecord
from seller_app.ui.widgets.case_table import OVERDUE_ROW, TODAY_ROW
from tests.conftest import NOW, case_dict

from .conftest import idle


def row(status: str, **extra) -> CaseRow:  # type: ignore[no-untyped-def]
    values = {
        "record_id": "c1",
        "status": status,
        "tracking": "SF1",
        "courier": "顺丰速运",
        "incident": "loss",
        "incident_name": "丢失",
        "amount_claimed": None,
        "amount_recovered": None,
        "next_due": None,
        "overdue": False,
        "updated_at": NOW,
    }
    values.update(extra)
    return CaseRow(**values)


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=SHANGHAI)


DUE = DueItem("c1", "SF1", "快递公司应答复索赔", "", at(11, 21))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], (0, 0, 0, 0, 0, "0", "0")),
        ([row("ready"), row("ready"), row("draft")], (2, 1, 0, 0, 0, "0", "0")),
        (
            [row(s) for s in ("filed", "answered", "agreed", "escalated", "rejected", "paid")],
            (0, 0, 4, 0, 0, "0", "0"),
        ),
        # overdue and due today count open cases only (a paid case is not chased)
        (
            [
                row("filed", next_due=DUE, overdue=True),
                row("escalated", next_due=DUE, due_today=True),
                row("paid", next_due=DUE, overdue=True),
                row("draft", next_due=DUE, overdue=True),
            ],
            (0, 1, 2, 1, 1, "0", "0"),
        ),
        # money: claims sent this month (Asia/Shanghai), payments received this month
        (
            [
                row("filed", amount_claimed="132.00", claim_at=at(11, 16)),
                row("filed", amount_claimed="50.00", claim_at=at(10, 31)),
                row("ready", amount_claimed="99.00"),  # not sent: not claimed yet
                row(
                    "paid",
                    amount_claimed="60.00",
                    claim_at=at(10, 2),
                    paid=(Decimal("55"), at(11, 3)),
                ),
                row(
                    "paid",
                    amount_claimed="8.00",
                    claim_at=at(11, 1),
                    paid=(Decimal("8"), at(10, 31)),
                ),
                # 1 Nov 00:30 in Shanghai is still 31 Oct in UTC
                row(
                    "filed",
                    amount_claimed="10.00",
                    claim_at=datetime(2026, 11, 1, 0, 30, tzinfo=SHANGHAI),
                ),
            ],
            (1, 0, 3, 0, 0, "150.00", "55"),
        ),
    ],
)
def test_the_summary_counts(rows, expected) -> None:  # type: ignore[no-untyped-def]
    summary = summarize(rows, NOW)
    to_file, drafts, with_courier, overdue, today, claimed, received = expected
    assert (summary.to_file, summary.drafts, summary.with_courier) == (
        to_file,
        drafts,
        with_courier,
    )
    assert (summary.overdue, summary.due_today) == (overdue, today)
    assert summary.claimed_month == Decimal(claimed)
    assert summary.received_month == Decimal(received)


def seed(book) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """An overdue claim (sent on the 16th, no answer), one due later today, one not sent, one
    paid this month."""
    when = datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)
    overdue = case_dict(tracking_numbers=["SF1234567890123"], claim_at="2026-11-16T10:00")
    today = case_dict(tracking_numbers=["JT0012345678901"], claim_at="2026-11-20T15:00")
    ready = case_dict(tracking_numbers=["YT7400123456789"], claim_at=None)
    paid = case_dict(
        tracking_numbers=["ZTO73310987654321"],
        posted_at="2026-10-30T10:00",
        claim_at="2026-11-02T10:00",
    )
    ids = {
        "overdue": book.save(
            CaseRecord("new-1", overdue, "filed", when, 5, amount_claimed="60.00")
        ),
        "today": book.save(CaseRecord("new-2", today, "filed", when, 5, amount_claimed="72.00")),
        "ready": book.save(CaseRecord("new-3", ready, "ready", when, 5, amount_claimed="30.00")),
        "paid": book.save(CaseRecord("new-4", paid, "filed", when, 5, amount_claimed="40.00")),
    }
    book.set_status(ids["paid"], "agreed", when)
    book.set_status(ids["paid"], "paid", when, "40.00")
    return ids


def rows_by_tracking(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {window.proxy.index(r, 1).data(): r for r in range(window.proxy.rowCount())}


def test_the_header_and_the_rows_that_stand_out(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    seed(book)
    window = make_window()
    summary = window.summary
    assert summary.isVisible()
    assert summary.to_file.figure.text() == "1"
    assert summary.with_courier.figure.text() == "2"
    assert summary.urgent.figure.text() == "1"
    assert "今天到期 1 项" in summary.urgent.detail.text()
    assert summary.money.figure.text() == "¥172.00"  # 60 + 72 + 40, all sent in November
    assert "¥40.00" in summary.money.detail.text()

    rows = rows_by_tracking(window)
    background = Qt.ItemDataRole.BackgroundRole
    for column in (0, 3, 7):  # the whole row, not only the deadline
        overdue = window.proxy.index(rows["SF1234567890123"], column).data(background)
        assert overdue.color() == OVERDUE_ROW
        due_today = window.proxy.index(rows["JT0012345678901"], column).data(background)
        assert due_today.color() == TODAY_ROW
    assert window.proxy.index(rows["YT7400123456789"], 0).data(background) is None

    # a tile shows its cases; again shows all
    qtbot.mouseClick(summary.urgent, Qt.MouseButton.LeftButton)
    assert sorted(rows_by_tracking(window)) == ["JT0012345678901", "SF1234567890123"]
    qtbot.mouseClick(summary.to_file, Qt.MouseButton.LeftButton)
    assert sorted(rows_by_tracking(window)) == ["YT7400123456789"]
    assert summary.to_file.checked and not summary.urgent.checked
    summary.to_file.setFocus()
    qtbot.keyClick(summary.to_file, Qt.Key.Key_Space)
    assert len(rows_by_tracking(window)) == 4


def test_the_list_does_not_say_no_cases_before_the_store_is_open(
    qtbot, catalog, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from seller_app.ui.catalog_source import CatalogSource
    from seller_app.ui.main_window import MainWindow
    from seller_app.ui.opening_book import OpeningBook

    window = MainWindow(
        OpeningBook(), CatalogSource.of(catalog), settings, "zh", lambda: NOW, tmp_path / "f"
    )
    qtbot.addWidget(window)
    window.show()
    idle(qtbot)
    assert "正在打开案件库" in window.empty_hint.text()
    assert "还没有案件" not in window.empty_hint.text()
    assert not window.summary.isVisible()
    window.set_store_state("locked")
    assert "需要输入密码" in window.empty_hint.text() and window.unlock_button.isVisible()
    with qtbot.waitSignal(window.unlock_requested):
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    window.set_store_state("failed", "案件数据库已损坏")
    assert "案件数据库已损坏" in window.empty_hint.text()
    assert not window.unlock_button.isVisible()
