"""Start-up order (issue 16): the main window paints first; the holiday schedules, the temp
folder's tidying and the store come after its first frame, in that window's "opening" state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from seller_app import credentials
from seller_app.credentials import KeychainUnavailableError, PassphraseKeyStore
from seller_app.store import Store
from seller_app.ui import app as app_module
from seller_app.ui.app import PASSPHRASE_ENV, DesktopApp
from seller_app.ui.casebook import OpeningBook
from seller_app.ui.i18n import remove_language
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


@pytest.fixture(autouse=True)
def _chinese_after(qtbot):  # type: ignore[no-untyped-def]
    yield
    QApplication.setApplicationDisplayName("")
