"""Validation as a seller meets it (issue 14): nothing taken silently from the clock, every
problem of a page at once beside its field, each cleared as soon as it is fixed, in words with
no internal key; amounts and tracking numbers accepted as people type them."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QRadioButton, QWizard

from seller_app.ui.wizard.shipment_page import split_numbers

from .conftest import clear_and_type, type_text
from .test_wizard_walk import child, click, fill_shipment, next_page, set_when

INTERNAL_KEY = re.compile(r"\b[a-z]+(?:[_.][a-z]+)+\b")


def press_next(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def shown_reasons(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        label.objectName().removeprefix("error:"): label.text()
        for label in page.findChildren(QLabel)
        if label.objectName().startswith("error:") and label.isVisible()
    }


def test_the_posting_time_starts_empty_and_is_asked_for(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    page = wizard.currentPage()
    assert not page.posted_at.is_set() and "未填写" in page.posted_at.text()
    type_text(qtbot, child(page, QLineEdit, "tracking"), "SF1234567890123")
    type_text(qtbot, child(page, QLineEdit, "serviceFee"), "12")
    type_text(qtbot, child(page, QLineEdit, "weight"), "2")
    # tabbing through the date without typing leaves it empty
    page.posted_at.setFocus()
    qtbot.keyClick(page.posted_at, Qt.Key.Key_Tab)
    press_next(qtbot, wizard)
    assert wizard.currentId() == 0
    assert "posted_at" not in wizard.draft.data
    reason = page.error_label("posted_at").text()
    assert "寄出时间" in reason and "缺少必填项" in reason
    set_when(page.posted_at, datetime(2026, 11, 11, 18, 20))
    qtbot.waitUntil(lambda: not page.error_label("posted_at").isVisible())
    next_page(qtbot, wizard)
    assert wizard.draft.data["posted_at"] == "2026-11-11T18:20"


def test_every_problem_of_the_page_at_once_each_cleared_when_fixed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    page = wizard.currentPage()
    type_text(qtbot, child(page, QLineEdit, "tracking"), "AB")
    type_text(qtbot, child(page, QLineEdit, "serviceFee"), "十二元")
    click(qtbot, child(page, QCheckBox, "insured"))
    press_next(qtbot, wizard)
    assert wizard.currentId() == 0
    reasons = shown_reasons(page)
    assert set(reasons) == {
        "tracking_numbers",
        "posted_at",
        "service_fee",
        "weight_kg",
        "insured_value",
    }
    assert "6–40" in reasons["tracking_numbers"] and "十二元" in reasons["service_fee"]
    for text in reasons.values():
        assert not INTERNAL_KEY.search(text), text
    # the first field in error has the focus
    assert page.tracking.hasFocus() or wizard.focusWidget() is page.tracking

    clear_and_type(qtbot, child(page, QLineEdit, "tracking"), "SF1234567890123")
    qtbot.waitUntil(lambda: "tracking_numbers" not in shown_reasons(page))
    assert "service_fee" in shown_reasons(page)  # the others stay until they are fixed
    clear_and_type(qtbot, child(page, QLineEdit, "serviceFee"), "12")
    qtbot.waitUntil(lambda: "service_fee" not in shown_reasons(page))
    click(qtbot, child(page, QCheckBox, "insured"))  # not insured after all
    qtbot.waitUntil(lambda: "insured_value" not in shown_reasons(page))
    assert set(shown_reasons(page)) == {"posted_at", "weight_kg"}


def test_a_future_posting_date_is_named_in_words(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 12, 1, 9, 0))
    press_next(qtbot, wizard)
    reason = wizard.currentPage().error_label("posted_at").text()
    assert reason.startswith("寄出时间 2026-12-01 09:00") and "晚于现在" in reason
    assert "posted_at" not in reason and "索赔" not in reason


def test_a_posting_time_after_the_claim_time_names_both_in_words(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    click(qtbot, child(page, QCheckBox, "claimSent"))
    set_when(page.claim_at, datetime(2026, 11, 16, 10, 0))
    next_page(qtbot, wizard)
    wizard.back()
    wizard.back()
    shipment = wizard.currentPage()
    set_when(shipment.posted_at, datetime(2026, 11, 18, 9, 0))
    press_next(qtbot, wizard)
    reason = shipment.error_label("posted_at").text()
    assert "2026-11-16 10:00" in reason and "提交索赔" in reason
    assert not INTERNAL_KEY.search(reason)


def test_a_posting_time_equal_to_the_claim_time_is_pointed_out(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 16, 10, 0))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QCheckBox, "claimSent"))
    set_when(page.claim_at, datetime(2026, 11, 16, 10, 0))
    qtbot.waitUntil(lambda: page.note_label("claim_at").isVisible())
    assert "完全相同" in page.note_label("claim_at").text()
    set_when(page.claim_at, datetime(2026, 11, 17, 10, 0))
    qtbot.waitUntil(lambda: not page.note_label("claim_at").isVisible())
    set_when(page.claim_at, datetime(2026, 11, 16, 10, 0))
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)  # a note, not a refusal
    wizard.back()
    wizard.back()
    assert "完全相同" in wizard.currentPage().note_label("posted_at").text()


def test_a_ticked_claim_sent_needs_its_date(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    click(qtbot, child(page, QCheckBox, "claimSent"))
    press_next(qtbot, wizard)
    assert wizard.currentId() == 1
    assert "提交时间" in page.error_label("claim_at").text()
    assert "claim_at" not in wizard.draft.data  # never filled in from the clock


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("268元", "268"),
        ("¥268", "268"),
        ("￥ 1,268.50", "1268.50"),
        ("２６８", "268"),
        ("268块", "268"),
    ],
)
def test_amounts_as_people_type_them(qtbot, window, typed: str, stored: str) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", typed, "2kg", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    assert wizard.draft.data["service_fee"] == stored
    assert wizard.draft.data["weight_kg"] == "2"


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("sf 1234 5678 9012 3", ["SF1234567890123"]),
        ("SF-1234-5678-9012-3", ["SF1234567890123"]),
        ("ＳＦ１２３４５６７８９０１２３", ["SF1234567890123"]),
        ("7312 3456 7890 12", ["73123456789012"]),
        ("SF1234567890123 JT0012345678901", ["SF1234567890123", "JT0012345678901"]),
        ("SF1234567890123，sf 1234 5678 9012 4", ["SF1234567890123", "SF1234567890124"]),
        ("73123456789012 73123456789013", ["73123456789012", "73123456789013"]),
        ("SF1234567890123\nSF1234567890123", ["SF1234567890123"]),
    ],
)
def test_tracking_numbers_as_printed(typed: str, numbers: list[str]) -> None:
    assert split_numbers(typed) == numbers


def test_a_tracking_number_typed_as_printed_passes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "sf 1234 5678 9012 3", "12", "2", datetime(2026, 11, 11, 9, 0))
    assert "顺丰" in child(wizard.currentPage(), QLabel, "carrierHint").text()
    next_page(qtbot, wizard)
    assert wizard.draft.data["tracking_numbers"] == ["SF1234567890123"]


def test_partial_damage_as_a_share_of_the_goods_value(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:damage"))
    click(qtbot, child(page, QRadioButton, "choice:partial"))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "268元")
    percent = child(page, QLineEdit, "lostPercent")
    lost = child(page, QLineEdit, "lostValue")
    type_text(qtbot, percent, "33.3")
    assert lost.text() == "89.24"  # 268 × 33.3 % = 89.244, half-up to the fen
    clear_and_type(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    assert lost.text() == "99.90"  # the share typed stays, the amount follows
    clear_and_type(qtbot, percent, "150")
    press_next(qtbot, wizard)
    assert "不超过 100" in page.error_label("lost_value").text()
    clear_and_type(qtbot, lost, "120")
    assert percent.text() == "40"
    next_page(qtbot, wizard)
    assert wizard.draft.data["damage"] == {"extent": "partial", "lost_value": "120"}


def test_the_field_is_marked_not_its_children(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    page = wizard.currentPage()
    button = child(page, QPushButton, "readLabel")
    before = button.grab().toImage()
    press_next(qtbot, wizard)
    assert "border" in page.tracking.styleSheet()
    assert button.styleSheet() == "" and button.grab().toImage() == before

    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "choice:loss"))
    type_text(qtbot, child(wizard.currentPage(), QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    radios = page.who.buttons()
    pictures = [radio.grab().toImage() for radio in radios]
    press_next(qtbot, wizard)
    assert wizard.currentId() == 3 and page.error_label("signer").isVisible()
    assert "whoBox" in page.who_box.styleSheet() and "border" in page.who_box.styleSheet()
    assert [radio.grab().toImage() for radio in radios] == pictures


def test_the_shot_list_keeps_its_look_after_coming_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from .test_wizard_walk import start_damage_claim

    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    shots = child(page, QLabel, "shotList")
    style = shots.styleSheet()
    assert "background" in style
    next_page(qtbot, wizard)
    press_next(qtbot, wizard)  # refused on the signer page: the errors are cleared again
    wizard.back()
    assert wizard.currentPage() is page and shots.styleSheet() == style


def test_title_and_step_indicator(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    assert "理赔助手" not in wizard.windowTitle() and "索赔向导" in wizard.windowTitle()
    assert wizard.steps.counter.text() == "第 1 步 / 共 6 步"
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    assert wizard.steps.counter.text() == "第 2 步 / 共 6 步"
    assert "SF1234567890123" in wizard.windowTitle()
    assert "问题与货物" in wizard.steps.labels[1].text()


def test_pages_scroll_in_a_small_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    wizard.resize(560, 420)
    qtbot.waitUntil(lambda: wizard.width() <= 600)
    page = wizard.currentPage()
    assert page.scroll.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert page.tracking.height() >= page.tracking.minimumSizeHint().height()
    assert wizard.steps.compact
