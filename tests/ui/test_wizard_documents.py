"""With photos dropped in: prepared off the GUI thread, shot list updated, the claim form PDF
previewed and stored with the case, the calendar file stored too."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QRadioButton,
    QWizard,
)

from .conftest import idle
from .test_wizard_walk import child, click, next_page, start_damage_claim


def photo(path: Path, color: str) -> Path:
    image = Image.new("RGB", (1600, 1200), color)
    draw = ImageDraw.Draw(image)
    for x in range(0, 1600, 40):
        draw.line((x, 0, 1600 - x, 1200), fill="black", width=3)
    image.save(path, "JPEG", quality=90)
    return path


def drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_damage_claim_with_photos_makes_the_pdf(qtbot, window, book, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = start_damage_claim(qtbot, window)

    page = wizard.currentPage()
    drop(page, [photo(tmp_path / "box.jpg", "#c8a060"), photo(tmp_path / "item.jpg", "#e0e0e0")])
    idle(qtbot)
    photos = child(page, QListWidget, "photoList")
    assert photos.count() == 2
    photos.setCurrentRow(1)
    kind = page.kind
    kind.setCurrentIndex(kind.findData("damaged_item"))
    shots = child(page, QLabel, "shotList").text()
    assert "还缺" in shots and "损坏的货物" in shots.split("还缺")[0]
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:buyer"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)

    page = wizard.currentPage()
    idle(qtbot)
    assert "索赔单已生成" in child(page, QLabel, "outputStatus").text()
    assert page.pdf_document.pageCount() >= 1
    # Saving a copy somewhere it cannot go says why instead of raising into Qt.
    from PySide6.QtWidgets import QFileDialog

    unwritable = str(tmp_path / "no-such-folder" / "claim.pdf")
    with monkeypatch.context() as patch:
        patch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (unwritable, ""))
        click(qtbot, page.save_form)
    assert "无法保存到" in child(page, QLabel, "outputStatus").text()
    click(qtbot, child(page, QCheckBox, "filed"))
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    (record,) = book.records()
    pdf = book.document(record.id, "claim_form")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "SF1234567890123" in text
    assert book.document(record.id, "calendar").startswith(b"BEGIN:VCALENDAR")
    assert len(book.store.photos(int(record.id[1:]))) == 2
    # the plain working copies are gone once the store holds sealed ones
    assert not any((tmp_path / "data" / "files").rglob("*.pdf"))
