"""Closing the wizard on a case already filed (issue 14): its own wording, nothing saved unless
the seller says so; the documents the last page saves: Chinese names, PDF / calendar filters,
never into the app's data folder; the claim form in Chinese whatever the UI language."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox

from tests.conftest import NOW, make_case

from .conftest import clear_and_type, idle
from .test_wizard_walk import child, click


def open_filed_case(qtbot, window, book):  # type: ignore[no-untyped-def]
    case_id = book.store.add_case(
        make_case(goods={"description": "蓝牙音箱"}, signer={"who": "buyer", "inspected": False}),
        NOW,
    )
    book.set_status(f"c{case_id}", "filed", NOW)
    wizard = window.open_wizard(book.get(f"c{case_id}"))
    idle(qtbot)
    assert wizard.currentId() == 5
    return wizard, case_id


def box_words(wizard) -> str:  # type: ignore[no-untyped-def]
    box = wizard.confirm_box
    assert box is not None and box.isVisible()
    buttons = [button.text() for button in box.buttons()]
    return " ".join([box.windowTitle(), box.text(), box.informativeText(), *buttons])


def test_esc_on_a_new_wizard_with_nothing_entered_closes_it_without_asking(
    qtbot, window, book
) -> None:  # type: ignore[no-untyped-def]
    wizard = window.open_wizard(None)
    idle(qtbot)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.confirm_box is None
    assert book.records() == []  # no empty draft left in the list
    # nor when the app quits with it open
    wizard = window.open_wizard(None)
    idle(qtbot)
    assert wizard.close_without_asking()
    assert book.records() == []


def test_esc_on_a_new_wizard_with_a_number_typed_asks(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    wizard = window.open_wizard(None)
    idle(qtbot)
    clear_and_type(qtbot, child(wizard.currentPage(), QLineEdit, "tracking"), "SF1234567890123")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    words = box_words(wizard)
    assert "草稿" in words
    click(qtbot, wizard.stay_button)
    assert wizard.isVisible()


def test_esc_on_an_unchanged_filed_case(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    wizard, case_id = open_filed_case(qtbot, window, book)
    updated = book.store.get_case(case_id).updated_at
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    words = box_words(wizard)
    assert "草稿" not in words and "已提交" in words and "没有修改" in words
    assert wizard.discard_button is None
    click(qtbot, wizard.keep_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert book.store.get_case(case_id).updated_at == updated


def test_esc_on_a_changed_filed_case_can_drop_the_changes(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    wizard, case_id = open_filed_case(qtbot, window, book)
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.back()
    page = wizard.currentPage()
    clear_and_type(qtbot, child(page, QLineEdit, "goodsDescription"), "蓝牙音箱 2 台")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    words = box_words(wizard)
    assert "草稿" not in words and "保存修改" in words and "不保存" in words
    click(qtbot, wizard.discard_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    stored = book.store.get_case(case_id)
    assert stored.case.goods.description == "蓝牙音箱" and stored.status.value == "filed"

    wizard = window.open_wizard(book.get(f"c{case_id}"))
    idle(qtbot)
    for _ in range(4):
        wizard.back()
    clear_and_type(qtbot, child(wizard.currentPage(), QLineEdit, "goodsDescription"), "音箱 2 台")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    click(qtbot, wizard.keep_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert book.store.get_case(case_id).case.goods.description == "音箱 2 台"


def test_marking_a_ready_case_filed_and_closing_saves_it(qtbot, window, book) -> None:  # type: ignore[no-untyped-def]
    case_id = book.store.add_case(make_case(signer={"who": "buyer", "inspected": False}), NOW)
    wizard = window.open_wizard(book.get(f"c{case_id}"))
    idle(qtbot)
    click(qtbot, wizard.currentPage().filed)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert "保存修改" in box_words(wizard)
    click(qtbot, wizard.keep_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert book.store.get_case(case_id).status.value == "filed"


def test_saving_the_documents(qtbot, window, book, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard, case_id = open_filed_case(qtbot, window, book)
    page = wizard.currentPage()
    asked: list[tuple[str, str]] = []
    out = tmp_path / "out"
    out.mkdir()

    def save_dialog(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append((suggested, filters))
        return str(out / Path(suggested).stem), ""  # the seller drops the suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    click(qtbot, page.save_form)
    click(qtbot, page.save_calendar)
    (form_name, form_filters), (ics_name, ics_filters) = asked
    assert Path(form_name).name == "索赔申告单-SF1234567890123.pdf"
    assert form_filters.startswith("PDF") and "*.pdf" in form_filters
    assert Path(ics_name).name == "跟进期限-SF1234567890123.ics"
    assert "日历" in ics_filters and "*.ics" in ics_filters
    saved = out / "索赔申告单-SF1234567890123.pdf"
    assert saved.exists() and (out / "跟进期限-SF1234567890123.ics").exists()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "快件索赔申告单" in text

    inside = tmp_path / "data" / "claim.pdf"  # the app's own data folder
    assert not page.save_to("claim_form", inside)
    assert "数据文件夹" in child(page, QLabel, "outputStatus").text() and not inside.exists()


def test_the_claim_form_is_chinese_in_the_english_ui(qtbot, make_window, book) -> None:  # type: ignore[no-untyped-def]
    window = make_window("en")
    case_id = book.store.add_case(make_case(signer={"who": "buyer", "inspected": False}), NOW)
    wizard = window.open_wizard(book.get(f"c{case_id}"))
    idle(qtbot)
    page = wizard.currentPage()
    form = Path(wizard.draft.documents["claim_form"]).read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(form)).pages)
    assert "快件索赔申告单" in text and "Claim form" not in text
    assert page.deadlines.count() >= 1
    box = QMessageBox  # noqa: F841 - the English box words come from the catalogue (test_language)
