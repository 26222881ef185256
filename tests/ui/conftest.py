"""UI fixtures: a main window on a temporary case book and settings file, with a fixed clock."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from seller_app.credentials import MemoryKeyStore  # noqa: E402
from seller_app.store import Store  # noqa: E402
from seller_app.ui.catalog_source import CatalogSource  # noqa: E402
from seller_app.ui.main_window import MainWindow  # noqa: E402
from seller_app.ui.store_book import StoreCaseBook  # noqa: E402
from seller_app.ui.tasks import tasks_running  # noqa: E402
from tests.conftest import NOW  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[StoreCaseBook]:
    """A fresh store per test, its key in memory (no keychain needed)."""
    store = Store.open(tmp_path / "data", MemoryKeyStore())
    yield StoreCaseBook(store, tmp_path / "data" / "files")
    store.close()


@pytest.fixture
def make_window(qtbot, book, catalog, settings, tmp_path):  # type: ignore[no-untyped-def]
    def make(lang: str = "zh") -> MainWindow:
        window = MainWindow(
            book,
            CatalogSource.of(catalog),
            settings,
            lang,
            lambda: NOW,
            tmp_path / "data" / "files",
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: tasks_running() == 0)
        return window

    yield make
    idle(qtbot)  # pytest-qt then closes the windows; an open wizard saves its draft and closes


@pytest.fixture
def window(make_window) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield make_window()


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into `widget` as a user would: key clicks for ASCII, an input-method commit for
    anything else (``qtbot.keyClicks`` aborts the process on non-ASCII text)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def clear_and_type(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def press_enter(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tasks_running() == 0, timeout=20000)


__all__ = ["QEvent", "clear_and_type", "idle", "press_enter", "type_text"]


_exit_status: list[int] = []


def pytest_sessionfinish(session, exitstatus) -> None:  # type: ignore[no-untyped-def]
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12 can abort during interpreter teardown after a Qt-heavy session
    ("Fatal Python error: none_dealloc/bool_dealloc" while garbage-collecting Qt wrappers), even
    in a 20-line script with a few signal connections. The results are reported by now; leave
    with pytest's own exit status instead of crashing in the teardown."""
    if _exit_status and os.environ.get("SELLER_APP_TEST_FULL_TEARDOWN") != "1":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
