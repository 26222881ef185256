"""The wizard and the follow-up (issue 13): no invented claim date, an already-sent claim, the
buyer-side dates, a second claim on a tracking number, and marking the claim filed."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QRadioButton

from seller_app.domain.case import SHANGHAI
from seller_app.domain.schedule import build_schedule
from tests.conftest import NOW, make_case

from .conftest import idle
from .test_wizard_walk import child, click, fill_shipment, next_page, set_when, start_damage_claim


def finish_signer(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    """From the photos page through the signer page (the buyer signed)."""
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:buyer"))


def test_the_wizard_does_not_invent_a_claim_date(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    assert "claim_at" not in wizard.draft.data
    finish_signer(qtbot, wizard)
    next_page(qtbot, wizard)
    case = wizard.draft.case(NOW)
    assert case.claim_at is None
    assert [d.kind for d in build_schedule(case)] == ["file_claim"]
    # the time bar is still checked, with today as the claim date
    assert "可以索赔" in wizard.currentPage().report.toPlainText()


def test_a_claim_already_sent_says_when(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 18, 20))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    click(qtbot, child(page, QCheckBox, "claimSent"))
    sent = datetime(2026, 11, 16, 10, 0, tzinfo=SHANGHAI)
    set_when(page.claim_at, sent)
    from .conftest import type_text

    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    assert wizard.draft.data["claim_at"] == "2026-11-16T10:00"
    # in the future: refused beside the field
    wizard.back()
    set_when(page.claim_at, NOW + timedelta(days=1))
    click(qtbot, wizard.button(wizard.WizardButton.NextButton))
    assert wizard.currentId() == 1
    assert "晚于现在" in page.error_label("claim_at").text()


def test_the_buyer_side_dates_are_optional_inputs(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    finish_signer(qtbot, wizard)
    page = wizard.currentPage()
    assert not page.buyer_requested_at.isEnabled()
    click(qtbot, child(page, QCheckBox, "buyerRequested"))
    set_when(page.buyer_requested_at, datetime(2026, 11, 14, 9, 0))
    click(qtbot, child(page, QCheckBox, "platformEscalated"))
    set_when(page.platform_escalated_at, datetime(2026, 11, 13, 9, 0))  # before the request
    click(qtbot, wizard.button(wizard.WizardButton.NextButton))
    assert wizard.currentId() == 3
    assert "平台介入不能早于买家申请售后" in page.error_label("platform_escalated_at").text()
    set_when(page.platform_escalated_at, datetime(2026, 11, 16, 9, 0))
    next_page(qtbot, wizard)
    data = wizard.draft.data
    assert (data["buyer_requested_at"], data["platform_escalated_at"]) == (
        "2026-11-14T09:00",
        "2026-11-16T09:00",
    )
    kinds = {d.kind for d in build_schedule(wizard.draft.case(NOW))}
    assert {"seller_response", "platform_intervention", "platform_ruling"} <= kinds


def test_a_second_claim_for_a_tracking_number_is_flagged(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    book.store.add_case(make_case(), NOW)  # a stored claim for SF1234567890123
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 18, 20))
    hint = child(wizard.currentPage(), QLabel, "carrierHint").text()
    assert "已有索赔案件（#1 待提交）" in hint and "重复索赔" in hint
    next_page(qtbot, wizard)  # a warning, not a refusal


def test_marking_the_claim_filed_starts_the_courier_deadlines(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    finish_signer(qtbot, wizard)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    idle(qtbot)
    page = wizard.currentPage()
    from .conftest import type_text

    type_text(qtbot, child(page, QLineEdit, "shopName"), "小白家居旗舰店")
    click(qtbot, child(page, QCheckBox, "filed"))
    click(qtbot, wizard.button(wizard.WizardButton.FinishButton))
    idle(qtbot)
    (summary,) = book.store.list_cases()
    case = book.store.get_case(summary.id).case
    assert case.claim_at == NOW  # the moment it was marked, from the app's clock
    assert build_schedule(case)[0].kind == "courier_reply"
    titles = [window.reminders.list.item(i).text() for i in range(window.reminders.list.count())]
    assert any("快递公司应答复索赔" in title for title in titles)
