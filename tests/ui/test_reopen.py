"""Reopening a finished case: its photos come back, the claim form is made again, and merely
looking at it stores nothing new."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton, QWizard

from .conftest import idle, type_text
from .test_wizard_documents import drop, photo
from .test_wizard_walk import child, click, fill_shipment, next_page, start_damage_claim


def finish_damage_claim_with_photos(qtbot, window, tmp_path) -> str:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    drop(
        wizard.currentPage(),
        [photo(tmp_path / "box.jpg", "#c8a060"), photo(tmp_path / "item.jpg", "#e0e0e0")],
    )
    idle(qtbot)
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:buyer"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    idle(qtbot)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert not wizard.isVisible()
    return wizard.draft.record_id


def double_click_first_row(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A finished case opens in its case view; its 查看或修改索赔内容 opens the wizard."""
    idle(qtbot)
    rect = window.table.visualRect(window.proxy.index(0, 1))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.case_view
    assert view is not None and view.isVisible()
    click(qtbot, view.edit_button)


def test_reopening_a_case_makes_the_claim_form_again_and_changes_nothing(
    qtbot, window, book, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    record_id = finish_damage_claim_with_photos(qtbot, window, tmp_path)
    case_id = int(record_id[1:])
    documents = book.store.documents(case_id)
    updated = book.store.get_case(case_id).updated_at
    first = window.wizard

    double_click_first_row(qtbot, window)
    wizard = window.wizard
    assert wizard is not first and wizard.isVisible() and wizard.currentId() == 5
    idle(qtbot)
    status = child(wizard.currentPage(), QLabel, "outputStatus").text()
    assert "索赔单已生成" in status, wizard.currentPage().page_error.text()
    assert wizard.currentPage().pdf_document.pageCount() >= 1
    assert book.store.documents(case_id) == documents
    assert book.store.get_case(case_id).updated_at == updated

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    click(qtbot, wizard.keep_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert len(book.store.photos(case_id)) == 2
    assert [(d.kind, d.sha256) for d in book.store.documents(case_id)] == [
        (d.kind, d.sha256) for d in documents
    ]

    # and it opens a second time with its photos
    double_click_first_row(qtbot, window)
    idle(qtbot)
    assert "索赔单已生成" in child(window.wizard.currentPage(), QLabel, "outputStatus").text()


def test_a_failed_save_on_finish_keeps_the_wizard_and_the_draft(
    qtbot, window, book, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    wizard = window.wizard
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", datetime(2026, 11, 11, 18, 20))
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:loss"))
    type_text(qtbot, child(page, QLineEdit, "goodsDescription"), "蓝牙音箱")
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    drop(wizard.currentPage(), [photo(tmp_path / "box.jpg", "#c8a060")])
    idle(qtbot)
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:buyer"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    idle(qtbot)
    # the photo became unreadable meanwhile (deleted, a disk gone)
    (tmp_path / "box.jpg").unlink()
    for prepared in (tmp_path / "data" / "files").rglob("*.jpg"):
        prepared.unlink()

    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.isVisible()
    assert len(book.store.list_drafts()) == 1  # nothing typed is lost

    wizard.draft.photos.clear()  # the seller takes the photo out and finishes again
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert not wizard.isVisible()
    assert book.store.list_drafts() == []
    assert len(book.store.list_cases()) == 1
