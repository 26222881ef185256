"""Dropping files on the photos page (issue 14): what is not taken is named beside the drop
area with the reason; photos are prepared on the evidence worker processes; an import that
finishes after the wizard closed still reaches the draft; Enter in a caption stays on the page."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWizard

from .conftest import idle, press_enter, type_text
from .test_wizard_documents import drop, photo
from .test_wizard_walk import child, click, next_page, start_damage_claim


def message(page) -> str:  # type: ignore[no-untyped-def]
    label = child(page, QLabel, "dropMessage")
    return label.text() if label.isVisible() else ""


def test_files_that_are_not_photos_are_named_with_the_reason(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    notes = tmp_path / "notes.txt"
    notes.write_text("买家说箱子压扁了", encoding="utf-8")
    video = tmp_path / "开箱视频.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    drop(page, [notes, video, tmp_path / "gone.jpg"])
    text = message(page)
    assert "notes.txt" in text and "不是照片" in text
    assert "开箱视频.mp4" in text and "视频" in text and "截取" in text
    assert "gone.jpg" in text
    assert not page.importing and page.draft.photos == []


def test_a_photo_already_added_is_said_so(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    box = photo(tmp_path / "box.jpg", "#c8a060")
    drop(page, [box])
    idle(qtbot)
    assert len(page.draft.photos) == 1 and message(page) == ""
    drop(page, [box])  # the same file again
    assert "box.jpg" in message(page) and "已经添加过" in message(page)
    copy = tmp_path / "box-copy.jpg"
    shutil.copyfile(box, copy)  # the same picture under another name
    drop(page, [copy])
    idle(qtbot)
    assert "box-copy.jpg" in message(page) and "完全相同" in message(page)
    assert child(page, QListWidget, "photoList").count() == 1


def test_still_processing_clears_when_the_import_ends(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    drop(page, [photo(tmp_path / f"p{n}.jpg", color) for n, color in enumerate(("red", "blue"))])
    assert page.importing
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == 2
    assert page.page_error.isVisible() and "还在处理中" in page.page_error.text()
    idle(qtbot)
    assert not page.page_error.isVisible()
    assert len(page.draft.photos) == 2
    next_page(qtbot, wizard)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: photos are prepared in-process")
def test_photos_are_prepared_on_the_worker_processes(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from seller_app.evidence import pool

    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    assert pool.running_pool() is not None  # started when the page opened
    seen: list[tuple[int, int]] = []
    page.progress.valueChanged.connect(lambda value: seen.append((value, page.progress.maximum())))
    drop(page, [photo(tmp_path / f"p{n}.jpg", c) for n, c in enumerate(("red", "blue", "green"))])
    idle(qtbot)
    assert len(page.draft.photos) == 3
    assert (3, 3) in seen  # progress as each photo is ready


def test_an_import_finishing_after_the_wizard_closed_reaches_the_draft(
    qtbot, window, book, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    drop(page, [photo(tmp_path / "box.jpg", "#c8a060"), photo(tmp_path / "item.jpg", "#e0e0e0")])
    assert page.importing
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    click(qtbot, wizard.keep_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    idle(qtbot)
    (record,) = book.records()
    assert record.status == "draft" and len(record.photos) == 2
    assert len(record.data["photos"]) == 2
    for kept in record.photos:
        assert Path(kept["prepared_path"]).exists()


def test_an_import_after_discarding_saves_nothing(qtbot, window, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    drop(wizard.currentPage(), [photo(tmp_path / "box.jpg", "#c8a060")])
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    click(qtbot, wizard.discard_button)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    idle(qtbot)
    assert book.records() == []


def test_enter_in_the_caption_stays_on_the_page(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)
    page = wizard.currentPage()
    drop(page, [photo(tmp_path / "box.jpg", "#c8a060")])
    idle(qtbot)
    caption = child(page, QLineEdit, "photoCaption")
    type_text(qtbot, caption, "外箱右上角压扁")
    press_enter(qtbot, caption)
    assert wizard.currentId() == 2
    assert page.draft.photos[0]["caption"] == "外箱右上角压扁"
    next_page(qtbot, wizard)
    assert wizard.draft.data["photos"][0]["caption"] == "外箱右上角压扁"
