"""Closing mid-way keeps the draft; reopening it resumes at the same page with the same data."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QRadioButton

from .conftest import clear_and_type, idle, type_text
from .test_wizard_walk import child, click, fill_shipment, next_page


def test_esc_asks_then_keeps_the_draft_and_it_resumes(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "YT1234567890123", "10", "1.5", datetime(2026, 11, 12, 15, 30))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:mismatch"))
    click(qtbot, child(page, QRadioButton, "choice:short"))
    type_text(qtbot, child(page, QLineEdit, "lostValue"), "40")
    type_text(qtbot, child(page, QLineEdit, "goodsDescription"), "保温杯 4 只")

    qtbot.keyClick(child(page, QLineEdit, "goodsDescription"), Qt.Key.Key_Escape)
    box = wizard.confirm_box
    assert box is not None and box.isVisible() and wizard.isVisible()
    click(qtbot, wizard.keep_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    (record,) = book.records()
    assert record.status == "draft" and record.page == 1
    assert record.data["mismatch"] == {"kind": "short", "lost_value": "40"}
    idle(qtbot)
    assert window.model.index(0, 0).data() == "草稿"

    # The next day: double-click the draft in the list
    index = window.proxy.index(0, 1)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    resumed = window.wizard
    assert resumed is not wizard and resumed.isVisible()
    assert resumed.currentId() == 1
    page = resumed.currentPage()
    assert child(page, QRadioButton, "choice:mismatch").isChecked()
    assert child(page, QRadioButton, "choice:short").isChecked()
    assert child(page, QLineEdit, "lostValue").text() == "40"
    assert child(page, QLineEdit, "goodsDescription").text() == "保温杯 4 只"
    resumed.back()
    assert child(resumed.currentPage(), QLineEdit, "tracking").text() == "YT1234567890123"


def test_esc_then_continue_keeps_the_wizard_open(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    clear_and_type(qtbot, child(wizard.currentPage(), QLineEdit, "tracking"), "SF1234567890123")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    click(qtbot, wizard.stay_button)
    assert wizard.isVisible() and wizard.confirm_box is None


def test_discarding_deletes_the_draft(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    assert len(book.records()) == 1
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    click(qtbot, wizard.discard_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert book.records() == []
