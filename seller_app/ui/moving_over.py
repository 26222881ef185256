"""Moving over: this PC's own cases into the shop's shared store, when the seller says so.

When the app has just opened the shared store (and from 设置 › 共享案件库 › 复制本机案件), it
asks on the thread pool how many of this PC's own cases and drafts the shared store does not
have yet (`Store.not_yet_copied`); if there are any it offers to copy them. The copy runs on a
worker with a progress dialog (`Store.migrate_to`, each case whole in one transaction on the
server, re-encrypted with the shop's key); 取消 stops after the case being copied and a later
copy carries on where it stopped, nothing twice. The report says how many were copied and
which tracking numbers another desk had already claimed on the server, naming that desk. The
local store is only read: it stays exactly as it was.

Declining at start is remembered with the counts declined, so the same offer does not come back
at every start; new local cases (made while the server was away) bring it back.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from .save_problems import WIDE_BOX, message_of
from .shared_store import (
    DECLINED_KEY,
    CopyStoppedError,
    MoveReport,
    SharedChoice,
    copy_local_cases,
    not_yet_copied,
)
from .tasks import run_task

log = logging.getLogger(__name__)


class MovingOver(QObject):
    copied = Signal()
    """Cases were copied: the list should show them."""
    finished = Signal()
    """Nothing more to do (offer declined, nothing to copy, or the report closed)."""

    def __init__(
        self,
        parent: QWidget,
        data_dir: Path,
        passphrase: str | None,
        choice: SharedChoice,
        shared: Any,
        settings: QSettings,
        lang: str,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.data_dir = data_dir
        self.passphrase = passphrase
        self.choice = choice
        self.shared = shared
        self.settings = settings
        self.lang = lang
        self.counts: tuple[int, int] = (0, 0)
        self.box: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self.cancelled = threading.Event()
        self.running = False

    # ------------------------------------------------------------------ the offer

    def check(self, *, asked: bool = False) -> None:
        """Count what could be copied (worker) and offer it. `asked`: the seller asked (say
        so when there is nothing to copy, and offer again even if declined before)."""
        data_dir, passphrase, shared = self.data_dir, self.passphrase, self.shared
        self.running = True
        run_task(
            lambda: not_yet_copied(data_dir, passphrase, shared),
            lambda counts: self._counted(counts, asked),
            on_error=lambda error: self._count_failed(error, asked),
            owner=self,
        )

    def _counted(self, counts: tuple[int, int], asked: bool) -> None:
        self.running = False
        self.counts = counts
        cases, drafts = counts
        if not cases and not drafts:
            if asked:
                self._tell(self.tr("这台电脑的本机案件库里没有需要复制的案件。"))
            else:
                self.finished.emit()
            return
        if not asked and self._declined() == counts:
            log.info("copying %s local cases, %s drafts was declined before", cases, drafts)
            self.finished.emit()
            return
        self.offer(cases, drafts)

    def _count_failed(self, error: Exception, asked: bool) -> None:
        self.running = False
        log.warning("could not count the local cases to copy: %s", error)
        if asked:
            self._tell(message_of(error, self.lang), warn=True)
        else:
            self.finished.emit()

    def offer(self, cases: int, drafts: int) -> QMessageBox:
        box = QMessageBox(self.parent_widget)
        box.setObjectName("offerCopy")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("复制本机案件"))
        if not drafts:
            waiting = self.tr("这台电脑的本机案件库里有 %1 个案件还没有复制到共享案件库。")
        elif not cases:
            waiting = self.tr("这台电脑的本机案件库里有 %2 个草稿还没有复制到共享案件库。")
        else:
            waiting = self.tr(
                "这台电脑的本机案件库里有 %1 个案件、%2 个草稿还没有复制到共享案件库。"
            )
        box.setText(waiting.replace("%1", str(cases)).replace("%2", str(drafts)))
        box.setInformativeText(
            self.tr(
                "现在复制过去吗？案件连同进展、备注、照片和文件一起复制，本机案件库保持原样；"
                "已经复制过的不会重复复制。以后也可以在“设置 › 共享案件库”里复制。"
            )
        )
        box.setStyleSheet(WIDE_BOX)
        copy = box.addButton(self.tr("复制过去"), QMessageBox.ButtonRole.AcceptRole)
        copy.setObjectName("copyNow")
        later = box.addButton(self.tr("以后再说"), QMessageBox.ButtonRole.RejectRole)
        later.setObjectName("copyLater")
        box.setDefaultButton(copy)
        box.setEscapeButton(later)
        box.finished.connect(lambda _: self._answered(box, copy))
        self.box = box
        box.open()
        return box

    def _answered(self, box: QMessageBox, copy: Any) -> None:
        self.box = None
        box.deleteLater()
        if box.clickedButton() is copy:
            self.start()
            return
        self.settings.setValue(DECLINED_KEY, f"{self.counts[0]},{self.counts[1]}")
        self.finished.emit()

    def _declined(self) -> tuple[int, int] | None:
        raw = str(self.settings.value(DECLINED_KEY, "") or "")
        try:
            cases, drafts = (int(part) for part in raw.split(","))
        except ValueError:
            return None
        return cases, drafts

    # ------------------------------------------------------------------ the copy

    def start(self) -> None:
        """Copy on a worker, with progress and 取消."""
        total = max(sum(self.counts), 1)
        progress = QProgressDialog(
            self.tr("正在复制本机案件到共享案件库…"),
            self.tr("取消"),
            0,
            total,
            self.parent_widget,
        )
        progress.setObjectName("copyProgress")
        progress.setWindowTitle(self.tr("复制本机案件"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._cancel)
        progress.setValue(0)
        progress.show()
        self.progress = progress
        self.cancelled.clear()
        self.running = True
        data_dir, passphrase, choice, cancelled = (
            self.data_dir,
            self.passphrase,
            self.choice,
            self.cancelled,
        )
        self.done_count = 0
        run_task(
            lambda report: copy_local_cases(data_dir, passphrase, choice, cancelled, report),
            self._copied,
            on_error=self._copy_failed,
            on_progress=self._progressed,
            owner=self,
        )

    def cancel(self) -> None:
        """Stop after the case being copied (what the progress dialog's 取消 does)."""
        self._cancel()

    def _cancel(self) -> None:
        self.cancelled.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("正在停止：等这个案件复制完…"))

    def _progressed(self, done: int, total: int) -> None:
        self.done_count = done
        progress = self.progress
        if progress is not None and not self.cancelled.is_set():
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            progress.setLabelText(
                self.tr("正在复制本机案件到共享案件库… %1 / %2")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _close_progress(self) -> None:
        self.running = False
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.canceled.disconnect(self._cancel)
            progress.close()
            progress.deleteLater()

    def _copied(self, report: MoveReport) -> None:
        self._close_progress()
        self.settings.remove(DECLINED_KEY)
        self.copied.emit()
        self._tell(self.report_text(report), warn=bool(report.claimed_elsewhere))

    def _copy_failed(self, error: Exception) -> None:
        self._close_progress()
        if self.done_count:
            self.copied.emit()
        if isinstance(error, CopyStoppedError):
            self._tell(
                self.tr(
                    "已停止：复制了 %1 项。已复制的都完整地在共享案件库里；"
                    "以后再复制时会从停下的地方继续，不会重复。"
                ).replace("%1", str(self.done_count))
            )
            return
        self._tell(
            self.tr(
                "复制没有完成：%1\n已复制的案件完整地在共享案件库里；再复制时会接着复制。"
            ).replace("%1", message_of(error, self.lang)),
            warn=True,
        )

    def report_text(self, report: MoveReport) -> str:
        text = (
            self.tr("已复制 %1 个案件、%2 个草稿到共享案件库。本机案件库保持原样。")
            .replace("%1", str(report.cases))
            .replace("%2", str(report.drafts))
        )
        if report.already:
            text += "\n" + self.tr("%1 个案件以前已经复制过，没有重复复制。").replace(
                "%1", str(report.already)
            )
        if report.claimed_elsewhere:
            text += "\n\n" + self.tr(
                "下面这些快递单号在共享案件库里已有别的电脑建的案件，请确认是不是重复索赔："
            )
            for item in report.claimed_elsewhere:
                others = "、".join(
                    f"#{case_id}" + (f"（{desk}）" if desk else "") for case_id, desk in item.others
                )
                text += "\n" + self.tr("%1：复制成 #%2；已有 %3").replace(
                    "%1", item.tracking
                ).replace("%2", str(item.shared_id)).replace("%3", others)
        return text

    def _tell(self, text: str, *, warn: bool = False) -> QMessageBox:
        icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
        box = QMessageBox(
            icon, self.tr("复制本机案件"), text, QMessageBox.StandardButton.Ok, self.parent_widget
        )
        box.setObjectName("copyReport")
        box.finished.connect(lambda _: (box.deleteLater(), self.finished.emit()))
        self.box = box
        box.open()
        return box
