"""The File menu's work on the whole store: a backup sealed with its own password, a restore
(asked for and confirmed here, done by the app, which owns the store), and a year's official
holiday schedule.

Every file is chosen through `file_dialogs` (filters, Chinese default names, never inside the
data folder); long work runs on the thread pool, and `busy` says what is running, so the main
window neither closes nor starts a second one meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from . import file_dialogs
from .casebook import CaseBook
from .catalog_source import CatalogSource
from .passphrase_dialog import PassphraseDialog
from .tasks import run_task


class StoreWork(QObject):
    restore_requested = Signal(object, str)
    """(backup file, its password): the app closes the store, restores and reopens it."""
    about_to_restore = Signal()
    """The store is about to be closed: windows working on a case close first."""
    changed = Signal()
    """The deadlines changed (a holiday schedule was imported)."""
    busy_changed = Signal(str)
    """What is running now ("" when nothing is)."""
    said = Signal(str)
    """A line for the status bar: what was just done."""

    def __init__(
        self,
        window: QWidget,
        book: Callable[[], CaseBook],
        catalog: CatalogSource,
        settings: QSettings,
        lang: str,
        clock: Callable[[], datetime],
        data_dir: Path,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.book = book
        self.catalog = catalog
        self.settings = settings
        self.lang = lang
        self.clock = clock
        self.data_dir = data_dir
        self.busy = ""  # what long work on the whole store is running ("" for none)
        self.passphrase_dialog: PassphraseDialog | None = None

    # ------------------------------------------------------------------ backup

    def backup(self) -> PassphraseDialog | None:
        """Every case, photo and document in one zip sealed with a backup password."""
        store = getattr(self.book(), "store", None)
        if store is None or self.busy:
            return None
        name = self.tr("理赔助手备份-%1.zip").replace("%1", self.clock().strftime("%Y%m%d"))
        target = file_dialogs.ask_save_path(
            self.window,
            self.tr("备份全部数据"),
            file_dialogs.start_folder(self.settings),
            name,
            ("backup",),
        )
        if target is None or not self._outside_data(target):
            return None
        return self._ask(
            "new_backup", lambda passphrase: self._start_backup(store, target, passphrase)
        )

    def _outside_data(self, target: Path) -> bool:
        if not file_dialogs.inside(target, self.data_dir):
            return True
        QMessageBox.warning(
            self.window,
            self.tr("不能保存在这里"),
            self.catalog.get().texts.get("output", "in_data_dir", self.lang, path=target),
        )
        return False

    def _ask(self, mode: str, then: Callable[[str], None]) -> PassphraseDialog:
        dialog = PassphraseDialog(mode, self.window)
        dialog.accepted.connect(lambda: then(dialog.passphrase()))
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: PassphraseDialog) -> None:
        if self.passphrase_dialog is dialog:
            self.passphrase_dialog = None
        dialog.deleteLater()

    def _set_busy(self, words: str) -> None:
        self.busy = words
        self.busy_changed.emit(words)

    def _start_backup(self, store: Any, target: Path, passphrase: str) -> None:
        self._set_busy(self.tr("正在备份…"))
        file_dialogs.remember_folder(self.settings, target)
        run_task(
            lambda: store.backup(target, passphrase),
            self._backup_done,
            on_error=lambda error: self._failed(self.tr("备份失败"), error),
            owner=self,
        )

    def _backup_done(self, target: Path) -> None:
        self._set_busy("")
        self.said.emit(self.tr("已备份到 %1").replace("%1", str(target)))
        self._tell(
            "backupDone",
            self.tr("备份完成"),
            self.tr("已备份到 %1。\n恢复时需要刚才设置的备份密码。").replace("%1", str(target)),
        )

    def _failed(self, title: str, error: Exception) -> None:
        self._set_busy("")
        QMessageBox.warning(self.window, title, _message(error, self.lang))

    def _tell(self, name: str, title: str, text: str, *, warn: bool = False) -> QMessageBox:
        icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.open()  # not exec(): the window goes on
        return box

    # ------------------------------------------------------------------ restore

    def restore_backup(self) -> PassphraseDialog | None:
        """Replace every case with a backup's; the current data is moved aside, not deleted."""
        book = self.book()
        if getattr(book, "store", None) is None or self.busy:
            return None
        archive = file_dialogs.ask_open_path(
            self.window,
            self.tr("选择备份文件"),
            file_dialogs.start_folder(self.settings),
            ("backup",),
        )
        if archive is None:
            return None
        if book.records():
            answer = QMessageBox.question(
                self.window,
                self.tr("从备份恢复"),
                self.tr(
                    "恢复会用备份中的案件替换现在的全部案件。现在的数据不会删除，"
                    "会移到数据文件夹里的 replaced 文件夹中。继续吗？"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self._ask("open_backup", lambda passphrase: self._restore(archive, passphrase))

    def _restore(self, archive: Path, passphrase: str) -> None:
        self.about_to_restore.emit()
        file_dialogs.remember_folder(self.settings, archive)
        self.restore_requested.emit(archive, passphrase)

    def restore_finished(self, moved: Path | None, failure: Exception | None) -> None:
        """The app reopened the store after a restore (`failure`: why it did not happen)."""
        if failure is not None:
            text = self.tr("没有恢复，现有数据保持不变：%1").replace(
                "%1", _message(failure, self.lang)
            )
        else:
            text = self.tr("已从备份恢复。")
            if moved is not None:
                text += "\n" + self.tr("原来的数据移到了 %1。").replace("%1", str(moved))
        self._tell("restoreDone", self.tr("从备份恢复"), text, warn=failure is not None)

    # ------------------------------------------------------------------ holidays

    def import_holidays(self) -> bool:
        """Add a year's official holiday schedule (the State Council's notice, as a small TOML
        or JSON file); every deadline counts with it from now on."""
        from seller_app.holiday_files import HolidayFileError, import_schedule
        from seller_app.os_errors import os_reason

        path = file_dialogs.ask_open_path(
            self.window,
            self.tr("导入国务院放假安排"),
            file_dialogs.start_folder(self.settings),
            ("holidays",),
        )
        if path is None:
            return False
        texts = self.catalog.get().texts
        try:
            official, _stored = import_schedule(path, self.data_dir)
        except HolidayFileError as error:
            QMessageBox.warning(self.window, self.tr("不能导入"), error.message(texts, self.lang))
            return False
        except OSError as error:
            reason = os_reason(error, self.lang)
            where = error.filename or path
            QMessageBox.warning(self.window, self.tr("不能导入"), f"{where}: {reason}")
            return False
        file_dialogs.remember_folder(self.settings, path)
        text = (
            self.tr("已导入 %1 年的放假安排：%2 天放假，%3 个调休上班日。期限已按它重新计算。")
            .replace("%1", str(official.year))
            .replace("%2", str(len(official.days_off)))
            .replace("%3", str(len(official.workdays)))
        )
        self.said.emit(text)
        self._tell("holidaysImported", self.tr("已导入放假安排"), text)
        self.changed.emit()
        return True


def _message(error: Exception, lang: str) -> str:
    return error.message(lang) if callable(getattr(error, "message", None)) else str(error)
