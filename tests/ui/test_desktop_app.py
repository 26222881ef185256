"""The app around the main window: the store's password on a computer without a keychain (new,
asked twice, never "set an environment variable"), SELLER_APP_PASSPHRASE honoured as the CLI
does, a language switch that keeps the window where it was and opens the store once, and
backup / restore / a holiday schedule from the File menu."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from seller_app import credentials
from seller_app.credentials import KeychainUnavailableError, PassphraseKeyStore
from seller_app.store import Store
from seller_app.ui import app as app_module
from seller_app.ui import file_dialogs
from seller_app.ui.app import PASSPHRASE_ENV, DesktopApp
from seller_app.ui.i18n import remove_language
from seller_app.ui.opening_book import OpeningBook
from seller_app.ui.store_book import StoreCaseBook
from tests.conftest import NOW, make_case

from .conftest import idle, type_text

PASSWORD = "店铺密码2026"


class NoKeychain:
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        raise KeychainUnavailableError()


@pytest.fixture(autouse=True)
def no_keychain(monkeypatch):  # type: ignore[no-untyped-def]
    """Never the real keychain: this computer has none, as on a headless Linux."""
    monkeypatch.setattr(credentials, "KeyringKeyStore", NoKeychain)
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def start(qtbot, settings, data_dir):  # type: ignore[no-untyped-def]
    started: list[DesktopApp] = []

    def make() -> DesktopApp:
        desktop = DesktopApp(QApplication.instance(), settings, data_dir)
        desktop.show()
        started.append(desktop)
        return desktop

    yield make
    idle(qtbot)
    for desktop in started:
        if desktop.passphrase_dialog is not None:
            desktop.passphrase_dialog.reject()
        window = desktop.window  # the app replaces its window on a language switch
        if window is not None and shiboken6.isValid(window):
            window.close()
            window.deleteLater()
        desktop.close()
        remove_language(QApplication.instance(), desktop.translators)  # none leak into others
    QLocale.setDefault(QLocale("zh_CN"))
    QApplication.setApplicationDisplayName("")


def existing_store(data_dir: Path, password: str = PASSWORD, cases: int = 1) -> None:
    store = Store.open(data_dir, PassphraseKeyStore(data_dir, password))
    for _ in range(cases):
        store.add_case(make_case(), NOW)
    store.close()


def dialog_words(dialog) -> str:  # type: ignore[no-untyped-def]
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def wait_for_dialog(qtbot, desktop):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: desktop.passphrase_dialog is not None and desktop.passphrase_dialog.isVisible()
    )
    return desktop.passphrase_dialog


def test_the_first_start_sets_a_new_password_asked_twice(qtbot, start, data_dir) -> None:  # type: ignore[no-untyped-def]
    desktop = start()
    window = desktop.window
    assert "还没有案件" not in window.empty_hint.text()
    dialog = wait_for_dialog(qtbot, desktop)
    assert dialog.mode == "create"
    words = dialog_words(dialog)
    assert "第一次使用" in words and "新密码" in words
    assert "无法找回" in words and "写下来" in words and dialog.warning.isVisible()
    assert "环境变量" not in words and PASSPHRASE_ENV not in words
    assert "还没有案件" not in window.empty_hint.text()
    assert not window.new_button.isEnabled()

    type_text(qtbot, dialog.first, PASSWORD)
    assert not dialog.ok_button.isEnabled()  # asked twice
    type_text(qtbot, dialog.second, PASSWORD + "x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "不一致" in dialog.error.text()
    dialog.second.clear()
    assert not dialog.error.isVisible()
    type_text(qtbot, dialog.second, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.book, StoreCaseBook))
    idle(qtbot)
    assert (data_dir / credentials.KEYS_FILE).exists()
    assert window.new_button.isEnabled() and "还没有案件" in window.empty_hint.text()


def test_a_wrong_password_asks_again_and_cancel_leaves_a_way_back(qtbot, start, data_dir) -> None:  # type: ignore[no-untyped-def]
    existing_store(data_dir)
    desktop = start()
    window = desktop.window
    dialog = wait_for_dialog(qtbot, desktop)
    assert dialog.mode == "unlock" and not dialog.second.isVisible()
    assert "第一次" not in dialog_words(dialog)
    type_text(qtbot, dialog.first, "不是这个")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.passphrase_dialog is not dialog)
    again = wait_for_dialog(qtbot, desktop)
    assert "密码不正确" in again.error.text() and again.mode == "unlock"
    again.reject()
    assert "需要输入密码" in window.empty_hint.text() and window.unlock_button.isVisible()
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    third = wait_for_dialog(qtbot, desktop)
    type_text(qtbot, third.first, PASSWORD)
    qtbot.mouseClick(third.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.book, StoreCaseBook))
    idle(qtbot)
    assert window.model.rowCount() == 1


def test_the_cli_s_passphrase_variable_opens_the_store_too(
    qtbot, start, data_dir, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from seller_app.cli.common import PASSPHRASE_ENV as CLI_ENV

    assert PASSPHRASE_ENV == CLI_ENV
    existing_store(data_dir)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSWORD)
    desktop = start()
    qtbot.waitUntil(lambda: isinstance(desktop.window.book, StoreCaseBook))
    assert desktop.passphrase_dialog is None

    # a wrong one in the variable: the seller is simply asked (no word about the variable)
    desktop.close()
    monkeypatch.setenv(PASSPHRASE_ENV, "old one")
    other = start()
    dialog = wait_for_dialog(qtbot, other)
    assert not dialog.error.isVisible() and PASSPHRASE_ENV not in dialog_words(dialog)


def test_switching_language_keeps_the_window_and_opens_the_store_once(  # type: ignore[no-untyped-def]
    qtbot, start, data_dir, monkeypatch, settings
) -> None:
    existing_store(data_dir)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSWORD)
    gate = threading.Event()
    calls: list[Path] = []
    real_open = app_module.open_store

    def slow_open(folder, passphrase=None):  # type: ignore[no-untyped-def]
        calls.append(folder)
        gate.wait(10)
        return real_open(folder, passphrase)

    monkeypatch.setattr(app_module, "open_store", slow_open)
    desktop = start()
    old = desktop.window
    old.resize(QSize(700, 480))  # the offscreen screen is 800 x 600
    old.move(QPoint(40, 30))
    geometry = old.geometry()
    desktop.switch_language("en")  # while the store is still opening
    new = desktop.window
    assert new is not old and new.lang == "en"
    assert new.geometry() == geometry
    assert isinstance(new.book, OpeningBook) and "Opening" in new.empty_hint.text()
    gate.set()
    qtbot.waitUntil(lambda: isinstance(new.book, StoreCaseBook))
    idle(qtbot)
    assert len(calls) == 1
    assert new.model.rowCount() == 1 and new.new_button.text() == "+ New claim"
    assert settings.value("language") == "en"
    # Qt adds the app's name to every title: in English too, and never twice on the main one
    assert QApplication.applicationDisplayName() == "Claims Assistant"
    assert new.windowTitle() == "Claims Assistant"
    desktop.switch_language("zh")
    assert desktop.window.geometry() == geometry


def test_an_open_wizard_comes_back_after_a_language_switch(
    qtbot, start, data_dir, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    existing_store(data_dir, cases=0)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSWORD)
    desktop = start()
    qtbot.waitUntil(lambda: isinstance(desktop.window.book, StoreCaseBook))
    wizard = desktop.window.open_wizard(None)
    type_text(qtbot, wizard.currentPage().tracking, "SF1234567890123")
    desktop.switch_language("en")
    new = desktop.window
    assert new.wizard is not None and new.wizard.isVisible()
    assert new.wizard.draft.data.get("tracking_numbers") == ["SF1234567890123"]


# --------------------------------------------------------------------------- the File menu


@pytest.fixture
def opened(qtbot, start, data_dir, monkeypatch):  # type: ignore[no-untyped-def]
    existing_store(data_dir, cases=2)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSWORD)
    desktop = start()
    qtbot.waitUntil(lambda: isinstance(desktop.window.book, StoreCaseBook))
    idle(qtbot)
    return desktop


def fill(qtbot, dialog, password: str) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, dialog.first, password)
    if dialog.asks_twice:
        type_text(qtbot, dialog.second, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_backup_then_restore_replaces_the_cases_and_keeps_the_old_ones(  # type: ignore[no-untyped-def]
    qtbot, opened, data_dir, tmp_path, monkeypatch
) -> None:
    window = opened.window
    target = tmp_path / "备份.zip"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: target)
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *a, **k: target)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    dialog = window.backup()
    assert dialog is not None and dialog.mode == "new_backup" and dialog.warning.isVisible()
    fill(qtbot, dialog, "备份密码 1")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "backupDone") is not None)
    assert target.exists() and not window.busy

    window.book.store.add_case(make_case(tracking_numbers=["JT0012345678901"]), NOW)
    window.refresh()
    idle(qtbot)
    assert window.model.rowCount() == 3

    # the wrong backup password: nothing changes
    fill(qtbot, window.restore_backup(), "不对")
    qtbot.waitUntil(lambda: isinstance(window.book, StoreCaseBook))
    idle(qtbot)
    box = window.findChild(QMessageBox, "restoreDone")
    assert box is not None and "没有恢复" in box.text()
    box.close()
    box.deleteLater()
    assert window.model.rowCount() == 3

    fill(qtbot, window.restore_backup(), "备份密码 1")
    assert "正在从备份恢复" in window.empty_hint.text() or isinstance(window.book, StoreCaseBook)
    qtbot.waitUntil(
        lambda: (
            isinstance(window.book, StoreCaseBook)
            and window.findChild(QMessageBox, "restoreDone") is not None
        )
    )
    idle(qtbot)
    assert window.model.rowCount() == 2
    assert "已从备份恢复" in window.findChild(QMessageBox, "restoreDone").text()
    assert (data_dir / "replaced-1").is_dir()


def test_a_backup_never_goes_into_the_data_folder(qtbot, opened, data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: data_dir / "b.zip")
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    assert opened.window.backup() is None
    assert warned and "数据文件夹" in warned[0]
    assert not (data_dir / "b.zip").exists()


def test_a_year_s_holiday_schedule_is_imported(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from seller_app import paths

    schedule = paths.resources_dir().parent / "docs" / "holidays" / "2026.toml"
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *a, **k: schedule)
    assert window.import_holidays() is True
    box = window.findChild(QMessageBox, "holidaysImported")
    assert box is not None and "2026 年" in box.text() and "调休上班日" in box.text()
    assert (tmp_path / "data" / "holidays" / "2026.toml").exists()

    bad = tmp_path / "2027.toml"
    bad.write_text('year = 2027\ndays_off = ["2027-01-01"]\n', encoding="utf-8")
    warned: list[str] = []
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *a, **k: bad)
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    assert window.import_holidays() is False
    assert warned and "2027" in warned[0] and "缺少法定节假日" in warned[0]
    assert not (tmp_path / "data" / "holidays" / "2027.toml").exists()
