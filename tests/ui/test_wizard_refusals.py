"""Bad input on each page is refused, with the domain's reason shown beside the field."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLineEdit, QRadioButton

from .conftest import clear_and_type, type_text
from .test_wizard_walk import child, click, fill_shipment, next_page, press_enter


def refused(qtbot, wizard, page_index: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWizard

    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == page_index


def test_shipment_refuses_a_bad_tracking_number_and_fee(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    page = wizard.currentPage()
    fill_shipment(qtbot, wizard, "AB", "12", "2", datetime(2026, 11, 11, 18, 20))
    refused(qtbot, wizard, 0)
    reason = page.error_label("tracking_numbers")
    assert reason.isVisible() and "6–40" in reason.text()

    clear_and_type(qtbot, child(page, QLineEdit, "tracking"), "SF1234567890123")
    clear_and_type(qtbot, child(page, QLineEdit, "serviceFee"), "十二元")
    press_enter(qtbot, child(page, QLineEdit, "serviceFee"))
    assert wizard.currentId() == 0
    assert not page.error_label("tracking_numbers").isVisible()
    fee_reason = page.error_label("service_fee")
    assert fee_reason.isVisible() and "十二元" in fee_reason.text()


def test_shipment_refuses_posting_after_today(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 12, 1, 9, 0))
    refused(qtbot, wizard, 0)
    reason = wizard.currentPage().error_label("posted_at")
    assert reason.isVisible() and "晚于现在" in reason.text()


def test_insured_needs_an_insured_value(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(
        qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0), insured=("", "6")
    )
    refused(qtbot, wizard, 0)
    assert "缺少必填项" in wizard.currentPage().error_label("insured_value").text()


def test_incident_refuses_lost_value_above_goods_value(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    refused(qtbot, wizard, 1)  # what went wrong is not chosen yet
    assert "缺少必填项" in page.error_label("incident").text()
    click(qtbot, child(page, QRadioButton, "choice:damage"))
    refused(qtbot, wizard, 1)  # damage without saying how bad
    assert page.error_label("damage").isVisible()
    click(qtbot, child(page, QRadioButton, "choice:partial"))
    type_text(qtbot, child(page, QLineEdit, "lostValue"), "500")
    refused(qtbot, wizard, 1)
    reason = page.error_label("lost_value")
    assert reason.isVisible() and "不能大于货物价值" in reason.text()
    clear_and_type(qtbot, child(page, QLineEdit, "lostValue"), "120")
    next_page(qtbot, wizard)


def test_signer_must_be_answered(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 9, 0))
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "choice:loss"))
    type_text(qtbot, child(wizard.currentPage(), QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    refused(qtbot, wizard, 3)
    assert "缺少必填项" in wizard.currentPage().error_label("signer").text()


def test_reasons_follow_the_language(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("en")
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "AB", "12", "2", datetime(2026, 11, 11, 9, 0))
    refused(qtbot, wizard, 0)
    assert "6-40 letters or digits" in wizard.currentPage().error_label("tracking_numbers").text()
