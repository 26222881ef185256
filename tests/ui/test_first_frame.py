"""Start-up order (issue 16): the main window paints first; the holiday schedules, the temp
folder's tidying and the store come after its first frame, in that window's "opening" state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from seller_app import credentials
from seller_app.credentials import KeychainUnavailableError, PassphraseKeyStore
from seller_app.store import Store
from seller_app.ui import app as app_module
from seller_app.ui.app import PASSPHRASE_ENV, DesktopApp
from seller_app.ui.i18n import remove_language
from seller_app.ui.opening_book import OpeningBook
from seller_app.ui.store_book import StoreCaseBook
from seller_app.ui.widgets.first_frame import after_first_frame
from tests.conftest import NOW, make_case

from .conftest import idle

PASSWORD = "店铺密码2026"


class Paints(QObject):
    """Counts the Paint events a widget has had (installed before the code under test)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class NoKeychain:
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        raise KeychainUnavailableError()


def test_the_callback_comes_once_after_the_first_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    paints = Paints(window)
    calls: list[int] = []
    after_first_frame(window, lambda: calls.append(paints.count), fallback_ms=60_000)
    window.show()
    assert calls == []  # not from show(): Qt has not painted yet
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert calls[0] >= 1  # a zero timer after show() would have run before the first paint
    window.update()
    qtbot.wait(50)
    assert len(calls) == 1


def test_a_window_never_painted_still_gets_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()  # never shown
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_frame(window, lambda: calls.append(1), fallback_ms=20)
    qtbot.waitUntil(lambda: calls == [1])


def test_nothing_is_called_for_a_window_deleted_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    calls: list[int] = []
    after_first_frame(window, lambda: calls.append(1), fallback_ms=20)
    window.deleteLater()
    qtbot.wait(100)
    assert calls == []


def test_the_store_opens_after_the_window_is_painted(  # type: ignore[no-untyped-def]
    qtbot, settings, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(credentials, "KeyringKeyStore", NoKeychain)
    data_dir = tmp_path / "data"
    store = Store.open(data_dir, PassphraseKeyStore(data_dir, PASSWORD))
    store.add_case(make_case(), NOW)
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSWORD)
    order: list[str] = []
    painted_before_open: list[int] = []
    real_open = app_module.open_store
    real_open_from_env = DesktopApp._open_from_env

    def opening(folder, passphrase=None):  # type: ignore[no-untyped-def]
        order.append("open")
        return real_open(folder, passphrase)

    def from_env(self) -> None:  # type: ignore[no-untyped-def]
        painted_before_open.append(self.window.paints.count)
        real_open_from_env(self)

    monkeypatch.setattr(app_module, "open_store", opening)
    monkeypatch.setattr(DesktopApp, "_open_from_env", from_env)
    real_make = DesktopApp._make_window

    def make_window(self):  # type: ignore[no-untyped-def]
        window = real_make(self)
        window.paints = Paints(window)
        return window

    monkeypatch.setattr(DesktopApp, "_make_window", make_window)
    desktop = DesktopApp(
        QApplication.instance(), settings, data_dir, prepare=lambda: order.append("prepare")
    )
    try:
        window = desktop.show()
        assert order == [] and isinstance(window.book, OpeningBook)
        assert "正在打开案件库" in window.empty_hint.text() and not window.table.isVisible()
        assert desktop.icon is None  # the SVG icon is drawn after the first frame too
        look_in = QCoreApplication.translate("QFileDialog", "&Look in:")  # qt_gaps_zh's
        assert look_in == "&Look in:"  # Qt's strings its catalogue lacks: after it as well
        qtbot.waitUntil(lambda: desktop.icon is not None)
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
        assert window.paints.count >= 1 and not desktop.icon.isNull()
        assert window.windowIcon().cacheKey() == desktop.icon.cacheKey()
        assert QApplication.windowIcon().cacheKey() == desktop.icon.cacheKey()
        qtbot.waitUntil(lambda: isinstance(window.book, StoreCaseBook))
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        assert sorted(order) == ["open", "prepare"]  # each once
        assert painted_before_open and painted_before_open[0] >= 1
        assert window.table.isVisible() and window.new_button.isEnabled()
    finally:
        idle(qtbot)
        window.close()
        window.deleteLater()
        desktop.close()
        remove_language(QApplication.instance(), desktop.translators)


# The app's start in a fresh process, up to the main window's first painted frame (the loop turn
# after its first Paint event, as bench/startup.py counts it): which of PySide6's lazily built
# types exist by then.
FIRST_FRAME = """
import os
import sys
from pathlib import Path
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
from seller_app.ui.app import DesktopApp

class Frame(QObject):
    painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is desktop.window:
            self.painted = True
        elif self.painted and event.type() in (QEvent.Type.Timer, QEvent.Type.MetaCall):
            print("Qt" in vars(QtCore), "platformdirs" in sys.modules, flush=True)
            os._exit(0)  # nothing more to see: not the store opening after it
        return False

app = QApplication(["seller-app"])
frame = Frame()
app.installEventFilter(frame)
settings = QSettings(str(Path(sys.argv[1]) / "settings.ini"), QSettings.Format.IniFormat)
desktop = DesktopApp(app, settings, None, prepare=lambda: None)  # the platform's data folder
desktop.show()
app.exec()
"""


def test_the_first_frame_needs_no_qt_namespace(tmp_path: Path) -> None:
    """PySide6 builds all ~100 enum types of its `Qt` namespace on its first use (20-30 ms,
    issue 16): nothing the first frame shows may need it; the rest of the window comes after.
    Nor does it need the data folder (platformdirs' look-up, 4 ms)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "share"))
    env.pop(PASSPHRASE_ENV, None)
    env.pop("SELLER_APP_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # only shown when the test fails
        timeout=60,
        env=env,
    )
    assert done.stdout.strip() == "False False", done.stderr[-2000:]


def test_an_opening_window_is_finished_after_its_first_frame(  # type: ignore[no-untyped-def]
    qtbot, catalog, settings, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    from seller_app.ui.catalog_source import CatalogSource
    from seller_app.ui.main_window import MainWindow

    window = MainWindow(
        OpeningBook(), CatalogSource.of(catalog), settings, "zh", lambda: NOW, tmp_path / "f"
    )
    qtbot.addWidget(window)
    assert window.new_action.shortcut().isEmpty()  # not before the first frame
    assert not window.search.isClearButtonEnabled()
    assert not hasattr(window, "proxy")  # the list's model classes: after the first frame
    assert window.status_filter.count() == 1  # 全部状态; the statuses after it too
    window.show()
    qtbot.waitUntil(lambda: not window.new_action.shortcut().isEmpty())
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.quit_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    assert window.table.model() is window.proxy
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == 7
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert header.stretchLastSection() and window.table.verticalHeader().isHidden()
    assert window.table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert window.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert window.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert window.empty_hint.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.search.isClearButtonEnabled()
    assert [window.status_filter.itemData(i) for i in range(3)] == [None, "draft", "ready"]
    assert window.status_filter.count() == 10


@pytest.fixture(autouse=True)
def _chinese_after(qtbot):  # type: ignore[no-untyped-def]
    yield
    QApplication.setApplicationDisplayName("")
