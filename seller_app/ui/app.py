"""Start the desktop app: QApplication, settings, language, fonts, the case book, main window."""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from seller_app import leftovers, paths

from .casebook import CaseBook, OpeningBook
from .catalog_source import CatalogSource
from .i18n import LANGUAGES, install_language, register_fonts, remove_language
from .main_window import MainWindow
from .tasks import run_task

log = logging.getLogger(__name__)


def shanghai_now() -> datetime:
    """The app's clock (the domain never reads one; it is handed this)."""
    return datetime.now(_shanghai())


def _shanghai() -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def open_store(data_dir: Path, passphrase: str | None = None):  # type: ignore[no-untyped-def]
    """Open the case store with the OS keychain, or with a passphrase key file (worker thread:
    the keychain and scrypt may take a moment)."""
    from seller_app.credentials import PassphraseKeyStore, key_store_for
    from seller_app.store import Store

    keys = (
        key_store_for(data_dir) if passphrase is None else PassphraseKeyStore(data_dir, passphrase)
    )
    return Store.open(data_dir, keys)


def app_icon(resources: Path) -> QIcon:
    return QIcon(str(resources / "icons" / "app.svg"))


class DesktopApp:
    """Owns the main window and rebuilds it when the user switches language."""

    def __init__(self, app: QApplication, settings: QSettings, data_dir: Path) -> None:
        self.app = app
        self.settings = settings
        self.data_dir = data_dir
        self.resources = paths.resources_dir()
        self.catalog = CatalogSource(self.resources)
        self.book: CaseBook = OpeningBook()
        self.icon = app_icon(self.resources)
        app.setWindowIcon(self.icon)
        register_fonts(self.resources)
        self.translators: list = []  # type: ignore[type-arg]
        self.window: MainWindow | None = None

    def show(self) -> MainWindow:
        lang = _lang(self.settings)
        remove_language(self.app, self.translators)
        self.translators = install_language(
            self.app, lang, self.resources, self.data_dir / "translations"
        )
        window = MainWindow(
            self.book,
            self.catalog,
            self.settings,
            lang,
            shanghai_now,
            self.data_dir / "files",
            self.icon,
        )
        window.language_requested.connect(self.switch_language)
        window.show()
        self.window = window
        if isinstance(self.book, OpeningBook):
            window.statusBar().showMessage(
                QCoreApplication.translate("DesktopApp", "正在打开案件库…")
            )
            self.open_store(None)
        else:
            window.set_book(self.book)
        return window

    def open_store(self, passphrase: str | None) -> None:
        data_dir = self.data_dir
        run_task(
            lambda: open_store(data_dir, passphrase),
            self._store_opened,
            on_error=self._store_failed,
        )

    def _store_opened(self, store) -> None:  # type: ignore[no-untyped-def]
        from .store_book import StoreCaseBook

        self.book = StoreCaseBook(store, self.data_dir / "files")
        try:
            self.book.tidy_work_files()
        except OSError:
            log.warning("could not tidy the work files", exc_info=True)
        if self.window is not None:
            self.window.set_book(self.book)

    def _store_failed(self, error: Exception) -> None:
        """No keychain (or a wrong passphrase): ask for the passphrase; else explain and stay."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

        from seller_app.credentials import (
            KEYS_FILE,
            KeychainUnavailableError,
            WrongPassphraseError,
        )

        window = self.window
        message = error.message(_lang(self.settings)) if hasattr(error, "message") else str(error)
        title = QCoreApplication.translate("DesktopApp", "案件库密码")
        if isinstance(error, KeychainUnavailableError | WrongPassphraseError):
            passphrase, ok = QInputDialog.getText(
                window,
                title,
                message + "\n\n" + QCoreApplication.translate("DesktopApp", "请输入案件库密码："),
                QLineEdit.EchoMode.Password,
            )
            first_time = not (self.data_dir / KEYS_FILE).exists()
            if ok and passphrase and first_time:
                # A new passphrase locks the data for good: a typo must not do that.
                again, ok = QInputDialog.getText(
                    window,
                    title,
                    QCoreApplication.translate(
                        "DesktopApp", "请再输入一次确认。忘记这个密码，数据将无法恢复。"
                    ),
                    QLineEdit.EchoMode.Password,
                )
                if ok and again != passphrase:
                    QMessageBox.warning(
                        window,
                        title,
                        QCoreApplication.translate("DesktopApp", "两次输入的密码不一致。"),
                    )
                    self._store_failed(error)
                    return
            if ok and passphrase:
                self.open_store(passphrase)
                return
        QMessageBox.critical(
            window, QCoreApplication.translate("DesktopApp", "无法打开案件库"), message
        )

    def close(self) -> None:
        """Close the store (its WAL is checkpointed) once the window has gone."""
        store = getattr(self.book, "store", None)
        if store is not None:
            store.close()

    def switch_language(self, lang: str) -> None:
        self.settings.setValue("language", lang)
        old = self.window
        self.show()
        if old is not None:
            old.close()
            old.deleteLater()


def _lang(settings: QSettings) -> str:
    lang = str(settings.value("language", "zh"))
    return lang if lang in LANGUAGES else "zh"


def run(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    leftovers.clean_at_start()  # what a killed run left in the temp folder
    app = QApplication(argv)
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("理赔助手")
    settings = QSettings()
    data_dir = paths.user_data_dir()
    from ..holiday_files import install_user_schedules

    install_user_schedules(data_dir)  # official holiday schedules the seller imported
    desktop = DesktopApp(app, settings, data_dir)
    desktop.show()
    code = app.exec()
    desktop.close()
    settings.sync()
    # PySide6 6.12 can abort while the interpreter tears down Qt wrappers at exit
    # ("none_dealloc"/"bool_dealloc", seen here with signal connections); everything is saved
    # and closed by now, so leave without that teardown.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
