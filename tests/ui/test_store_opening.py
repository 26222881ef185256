"""While the store opens (or after it failed to open) no claim can be started: a wizard then
would save nothing typed into it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from seller_app.ui.catalog_source import CatalogSource
from seller_app.ui.main_window import MainWindow
from seller_app.ui.opening_book import OpeningBook
from tests.conftest import NOW

from .conftest import idle


def test_new_claim_waits_for_the_store(qtbot, catalog, settings, book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(
        OpeningBook(), CatalogSource.of(catalog), settings, "zh", lambda: NOW, tmp_path / "files"
    )
    qtbot.addWidget(window)
    window.show()
    idle(qtbot)
    assert not window.new_button.isEnabled() and not window.new_action.isEnabled()

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.wizard is None

    assert window.open_wizard(None) is None  # e.g. from the reminders or another path
    box = window.findChild(QMessageBox, "storeNotOpen")
    assert box is not None and box.isVisible() and "稍后" in box.text()
    box.close()

    window.set_book(book)
    idle(qtbot)
    assert window.new_button.isEnabled() and window.new_action.isEnabled()
    window.new_action.trigger()
    assert window.wizard is not None and window.wizard.isVisible()
