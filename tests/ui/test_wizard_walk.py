"""Walk the whole wizard through real widgets, as a seller would, for a damage and a loss case."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QWizard,
)

from seller_app.ui.wizard.claim_wizard import ClaimWizard

from .conftest import idle, press_enter, type_text


def child(parent, kind, name):  # type: ignore[no-untyped-def]
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Click as a user does: on the box of a check box or radio button, else in the middle."""
    if isinstance(widget, QCheckBox | QRadioButton):
        spot = QPoint(8, widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=spot)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def set_when(edit, moment: datetime) -> None:  # type: ignore[no-untyped-def]
    edit.setDateTime(
        QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    )


def next_page(qtbot, wizard: ClaimWizard) -> None:
    before = wizard.currentId()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == before + 1, _visible_errors(wizard)


def _visible_errors(wizard: ClaimWizard) -> list[str]:
    page = wizard.currentPage()
    return [
        label.text()
        for label in page.findChildren(QLabel)
        if label.isVisible() and label.styleSheet().startswith("color: #b3261e")
    ]


def fill_shipment(
    qtbot,
    wizard,
    numbers: str,
    fee: str,
    kg: str,
    posted: datetime,  # type: ignore[no-untyped-def]
    insured: tuple[str, str] | None = None,
) -> None:
    page = wizard.currentPage()
    type_text(qtbot, child(page, QLineEdit, "tracking"), numbers)
    set_when(page.posted_at, posted)
    type_text(qtbot, child(page, QLineEdit, "serviceFee"), fee)
    type_text(qtbot, child(page, QLineEdit, "weight"), kg)
    if insured:
        click(qtbot, child(page, QCheckBox, "insured"))
        type_text(qtbot, child(page, QLineEdit, "insuredValue"), insured[0])
        type_text(qtbot, child(page, QLineEdit, "insuranceFee"), insured[1])


def start_damage_claim(qtbot, window):  # type: ignore[no-untyped-def]
    """New claim: an SF parcel posted 11 Nov, 12 yuan, 2 kg; totally damaged tableware worth 300.
    Returns the wizard on the photos page."""
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 18, 20))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:damage"))
    click(qtbot, child(page, QRadioButton, "choice:full"))
    type_text(qtbot, child(page, QLineEdit, "goodsDescription"), "陶瓷餐具套装")
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    return wizard


def test_damage_claim_from_new_to_filed(qtbot, window, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    assert isinstance(wizard, ClaimWizard) and wizard.currentId() == 0

    # 1 快件信息: the courier is recognised while typing
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 18, 20))
    assert "顺丰" in child(wizard.currentPage(), QLabel, "carrierHint").text()
    press_enter(qtbot, child(wizard.currentPage(), QLineEdit, "weight"))  # Enter goes forward
    assert wizard.currentId() == 1

    # 2 问题与货物: partial damage, with the follow-up question for the lost value
    page = wizard.currentPage()
    lost = child(page, QLineEdit, "lostValue")
    click(qtbot, child(page, QRadioButton, "choice:damage"))
    click(qtbot, child(page, QRadioButton, "choice:partial"))
    assert lost.isVisible()
    type_text(qtbot, lost, "120")
    type_text(qtbot, child(page, QLineEdit, "goodsDescription"), "陶瓷餐具套装 12 件")
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    assert wizard.draft.data["goods"]["description"] == "陶瓷餐具套装 12 件"

    # 3 证据照片 (no photos yet: the shot list says what is missing, the page does not block)
    next_page(qtbot, wizard)

    # 4 签收核实: the buyer signed without inspecting -> the warning shows right there
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "who:buyer"))
    assert "未验货" in child(page, QLabel, "signerAdvice").text()
    type_text(qtbot, child(page, QLineEdit, "buyerName"), "张三")
    next_page(qtbot, wizard)

    # 5 赔偿结果: SF's terms by default (12 + min(120, 84) = 96); the claim asks for the higher
    # actual loss, 12 + 120 = 132
    page = wizard.currentPage()
    assert page.policy.currentData() == "sf"
    assert "按顺丰条款计算" in child(page, QLabel, "policyReason").text()
    report = page.report.toPlainText()
    assert "¥132.00" in report and "¥96.00" in report and "可以索赔" in report
    assert "顺丰运单条款" in report  # the clause is cited
    assert child(page, QRadioButton, "basis:actual_loss").isChecked()
    next_page(qtbot, wizard)

    # 6 生成文件: not sent yet, so the one deadline is sending the claim (no courier deadlines
    # counted from the moment the wizard was filled in); mark as filed
    page = wizard.currentPage()
    idle(qtbot)
    deadlines = child(page, QListWidget, "deadlines")
    assert deadlines.count() == 1 and "提交索赔" in deadlines.item(0).text()
    assert child(page, QPushButton, "saveCalendar").isEnabled()
    type_text(qtbot, child(page, QLineEdit, "shopName"), "小白家居旗舰店")
    click(qtbot, child(page, QCheckBox, "filed"))
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert not wizard.isVisible()

    (record,) = book.records()
    assert record.status == "filed"
    assert record.amount_claimed == "132.00"
    assert "policy" not in record.data  # the courier's own terms, chosen automatically
    assert record.data["shop"] == {"name": "小白家居旗舰店"}
    calendar = Calendar.from_ical(book.document(record.id, "calendar"))
    events = [event for event in calendar.walk("VEVENT")]
    assert len(events) == deadlines.count()
    assert any(
        "SF1234567890123" in str(event.get("summary")) + str(event.get("description"))
        for event in events
    )
    idle(qtbot)
    assert window.model.rowCount() == 1
    row = [window.model.index(0, c).data() for c in range(window.model.columnCount())]
    assert row[0] == "已提交" and row[1] == "SF1234567890123" and row[4] == "¥132.00"
    assert row[6] != "—"  # the next deadline of the schedule
    assert window.reminders.list.count() > 2  # headers plus what is due


def test_loss_claim_insured_signed_by_someone_else(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(
        qtbot,
        wizard,
        "JT0012345678901, JT0012345678902",
        "18",
        "3.5",
        datetime(2026, 10, 28, 9, 0),
        insured=("1500", "6"),
    )
    assert "极兔" in child(wizard.currentPage(), QLabel, "carrierHint").text()
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    assert not child(page, QLineEdit, "lostValue").isVisible()
    type_text(qtbot, child(page, QLineEdit, "goodsDescription"), "蓝牙音箱 2 台")
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "2000")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "who:unauthorized"))
    advice = child(page, QLabel, "signerAdvice").text()
    assert "先给买家退款" in advice
    next_page(qtbot, wizard)
    report = wizard.currentPage().report.toPlainText()
    assert "¥1,518.00" in report  # insured 1500 (under-insured) + fee 18
    assert "保价不足" in report
    assert "未找到极兔速递公开的赔偿条款原文" in report  # no J&T terms: the standard, with a notice
    assert not child(wizard.currentPage(), QRadioButton, "basis:actual_loss").isEnabled()
    next_page(qtbot, wizard)
    idle(qtbot)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    (record,) = book.records()
    assert record.status == "ready"
    assert record.data["tracking_numbers"] == ["JT0012345678901", "JT0012345678902"]
    assert record.data["signer"]["who"] == "unauthorized"
    idle(qtbot)
    assert window.model.index(0, 1).data() == "JT0012345678901 +1"


def test_new_claim_button_is_reachable_by_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    new = child(window, QPushButton, "newClaim")
    new.setFocus()
    qtbot.keyClick(new, Qt.Key.Key_Space)
    assert window.wizard is not None and window.wizard.isVisible()
