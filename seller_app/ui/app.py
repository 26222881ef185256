"""Start the desktop app: QApplication, settings, language, fonts, the case book, main window."""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from seller_app import paths

from .casebook import CaseBook, JsonCaseBook
from .catalog_source import CatalogSource
from .i18n import LANGUAGES, install_language, register_fonts, remove_language
from .main_window import MainWindow

log = logging.getLogger(__name__)


def shanghai_now() -> datetime:
    """The app's clock (the domain never reads one; it is handed this)."""
    return datetime.now(_shanghai())


def _shanghai() -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def open_case_book(data_dir: Path) -> CaseBook:
    return JsonCaseBook(data_dir / "cases")


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
        self.book = open_case_book(data_dir)
        self.icon = app_icon(self.resources)
        app.setWindowIcon(self.icon)
        register_fonts(self.resources)
        self.translators: list = []  # type: ignore[type-arg]
        self.window: MainWindow | None = None

    def show(self) -> MainWindow:
        lang = str(self.settings.value("language", "zh"))
        lang = lang if lang in LANGUAGES else "zh"
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
        return window

    def switch_language(self, lang: str) -> None:
        self.settings.setValue("language", lang)
        old = self.window
        self.show()
        if old is not None:
            old.close()
            old.deleteLater()


def run(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication(argv)
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("理赔助手")
    settings = QSettings()
    desktop = DesktopApp(app, settings, paths.user_data_dir())
    desktop.show()
    return app.exec()
