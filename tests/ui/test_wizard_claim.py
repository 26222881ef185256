"""The compensation page (issue 12): the combo starts on the courier's terms, both figures with
the choice of the one to claim, the new inputs (monthly account, promised time, value proofs,
inquiry, payee) reach the case and the form."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QRadioButton, QWizard

from .conftest import idle, type_text
from .test_wizard_walk import child, click, fill_shipment, next_page, set_when


def test_choosing_the_terms_figure_and_back(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "18", "2.5", datetime(2026, 11, 11, 18, 20))
    click(qtbot, child(wizard.currentPage(), QCheckBox, "monthlyAccount"))
    type_text(qtbot, child(wizard.currentPage(), QLineEdit, "destination"), "Hangzhou")
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "268")
    click(qtbot, child(page, QCheckBox, "proof:invoice"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:unknown"))
    next_page(qtbot, wizard)

    page = wizard.currentPage()
    combo = child(page, QComboBox, "policy")
    assert combo.currentData() == "sf"
    # Monthly account: 18 + min(268, 9 × 18 = 162) = 180; the actual loss 18 + 268 = 286.
    actual = child(page, QRadioButton, "basis:actual_loss")
    terms = child(page, QRadioButton, "basis:courier_terms")
    assert actual.isChecked() and "286.00" in actual.text() and "180.00" in terms.text()
    click(qtbot, terms)
    assert wizard.draft.data["claim_basis"] == "courier_terms"
    assert "180.00" in child(page, QLabel, "claimLine").text()
    # The national standard, chosen by hand, is remembered as the case's own policy.
    combo.setCurrentIndex(combo.findData("standard"))
    assert wizard.draft.data["policy"] == "standard"
    combo.setCurrentIndex(combo.findData("sf"))
    assert "policy" not in wizard.draft.data
    next_page(qtbot, wizard)

    page = wizard.currentPage()
    idle(qtbot)
    type_text(qtbot, child(page, QLineEdit, "payee:name"), "Wang")
    type_text(qtbot, child(page, QLineEdit, "payee:account"), "6225880123456789")
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    (record,) = book.records()
    assert record.amount_claimed == "180.00"
    assert record.data["sender_kind"] == "monthly_account"
    assert record.data["value_proofs"] == [{"kind": "invoice"}]
    assert record.data["payee"] == {"name": "Wang", "account": "6225880123456789"}
    assert record.data["destination"] == "Hangzhou"


def test_a_delay_asks_for_the_promised_time(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 18, 20))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    promised = child(page, QCheckBox, "promisedKnown")
    assert not promised.isVisible()
    click(qtbot, child(page, QRadioButton, "choice:delay"))
    assert promised.isVisible()
    click(qtbot, promised)
    set_when(page.promised_at, datetime(2026, 11, 13, 18, 0))
    set_when(page.claim_at, datetime(2026, 11, 21, 9, 0))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    assert wizard.draft.data["promised_at"] == "2026-11-13T18:00"
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:unknown"))
    next_page(qtbot, wizard)
    # Still undelivered 7 days after the promised time: counted as lost.
    report = wizard.currentPage().report.toPlainText()
    assert "彻底延误" in report and "¥312.00" in report
