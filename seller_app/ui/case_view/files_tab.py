"""The case view's 文件 tab: the documents kept for the case (open, save a copy), the
documents made from here (the three escalation documents, the buyer statement that fits the
case, the calendar) and the evidence pack.

Documents are made on the thread pool (`papers`), kept in the store (sealed, like the wizard's),
and then offered: an escalation in `EscalationDialog` with what stands in the way, the others
straight to a save dialog with a Chinese default name.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.catalog import Catalog

from .. import file_dialogs
from ..casebook import CaseBook, CaseFolder
from ..i18n import format_date
from ..tasks import run_task
from . import papers
from .escalation_dialog import EscalationDialog

log = logging.getLogger(__name__)

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class FilesTab(QWidget):
    changed = Signal()
    """A document was added to the case."""

    def __init__(
        self,
        record_id: str,
        book: CaseBook,
        catalog: Catalog,
        lang: str,
        clock: Callable[[], datetime],
        settings: QSettings,
        files_dir: Path,
        data_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record_id = record_id
        self.book = book
        self.catalog = catalog
        self.lang = lang
        self.clock = clock
        self.settings = settings
        self.work_dir = files_dir / record_id / "documents"
        self.data_dir = data_dir
        self.folder: CaseFolder | None = None
        self.busy = False
        self.escalation_dialog: EscalationDialog | None = None

        self.documents = QTreeWidget()
        self.documents.setObjectName("caseDocuments")
        self.documents.setHeaderLabels([self.tr("文件"), self.tr("生成时间")])
        self.documents.setRootIsDecorated(False)
        self.documents.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.documents.currentItemChanged.connect(lambda *_: self._enable())
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("openDocument")
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.setObjectName("saveDocument")
        self.save_button.clicked.connect(self.save_selected)

        self.make_buttons: dict[str, QPushButton] = {}
        makers = QGroupBox(self.tr("快递公司不答复、压价或不付款时"))
        grid = QGridLayout(makers)
        for column, (kind, words, tip) in enumerate(
            (
                (
                    "courier_complaint",
                    self.tr("快递服务投诉书…"),
                    self.tr(
                        "24 小时未答复、30 日未给方案、拒赔、压价或谈妥后不付款时，向快递公司投诉"
                    ),
                ),
                (
                    "postal_appeal",
                    self.tr("12305 申诉书…"),
                    self.tr("投诉 7 日后仍未解决，向邮政管理部门申诉（12305 电话或网站）"),
                ),
                (
                    "small_claims",
                    self.tr("民事起诉状（小额诉讼）…"),
                    self.tr("向法院起诉的起诉状提纲：当事人、诉讼请求、事实与理由、证据"),
                ),
            )
        ):
            button = QPushButton(words)
            button.setObjectName(f"make:{kind}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, k=kind: self.make_escalation(k))
            grid.addWidget(button, 0, column)
            self.make_buttons[kind] = button
        self.statement_button = QPushButton()
        self.statement_button.setObjectName("make:statement")
        self.statement_button.clicked.connect(self.make_statement)
        self.calendar_button = QPushButton(self.tr("导出日历（.ics）…"))
        self.calendar_button.setObjectName("make:calendar")
        self.calendar_button.setToolTip(
            self.tr("期限和提醒导入手机或电脑日历；再次导出会更新同一批事件，不会重复")
        )
        self.calendar_button.clicked.connect(self.make_calendar)
        self.pack_button = QPushButton(self.tr("导出证据包…"))
        self.pack_button.setObjectName("exportPack")
        self.pack_button.setToolTip(self.tr("案件、照片原件和文件打包成一个 zip，可隐去买家信息"))
        self.pack_button.clicked.connect(self.export_pack)
        self.status = QLabel("")
        self.status.setObjectName("filesStatus")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        others = QHBoxLayout()
        others.addWidget(self.statement_button)
        others.addWidget(self.calendar_button)
        others.addWidget(self.pack_button)
        others.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("这个案件保存的文件")))
        layout.addWidget(self.documents, 1)
        layout.addLayout(buttons)
        layout.addWidget(makers)
        layout.addLayout(others)
        layout.addWidget(self.status)

        self._enable()

    # ------------------------------------------------------------------ showing

    def show_folder(self, folder: CaseFolder) -> None:
        self.folder = folder
        current = self.documents.currentItem()
        keep = None if current is None else current.data(0, DOCUMENT_ROLE)
        self.documents.clear()
        for document in reversed(folder.documents):  # newest first
            item = QTreeWidgetItem(
                [self.kind_name(document.kind), format_date(document.created_at, self.lang)]
            )
            item.setToolTip(0, document.name)
            item.setData(0, DOCUMENT_ROLE, document.id)
            self.documents.addTopLevelItem(item)
            if document.id == keep:
                self.documents.setCurrentItem(item)
        if not folder.documents:
            empty = QTreeWidgetItem([self.tr("（还没有文件）"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.documents.addTopLevelItem(empty)
        self.documents.resizeColumnToContents(0)
        kind = papers.statement_kind(folder.case)
        self.statement_button.setVisible(kind is not None)
        if kind == "receipt":
            self.statement_button.setText(self.tr("收货情况说明（买家签字）…"))
            self.statement_button.setToolTip(
                self.tr("买家收到了损坏、短少或错发的货物：请买家写明收到的情况并签字")
            )
        elif kind == "non_receipt":
            self.statement_button.setText(self.tr("未收到货物声明（买家签字）…"))
            self.statement_button.setToolTip(
                self.tr("包裹被他人签收或未经同意放在快递柜、驿站：请买家声明没有收到")
            )
        self._enable()

    def kind_name(self, kind: str) -> str:
        names = {
            "claim_form": self.tr("索赔申告单"),
            "statement": self.tr("买家声明"),
            "calendar": self.tr("跟进日历"),
            "courier_complaint": self.tr("快递服务投诉书"),
            "postal_appeal": self.tr("邮政业用户申诉书（12305）"),
            "small_claims": self.tr("民事起诉状（小额诉讼）"),
        }
        return names.get(kind, kind)

    def file_name(self, kind: str) -> str:
        """The Chinese default name for a document of `kind` of this case."""
        names = {
            "claim_form": self.tr("索赔申告单-%1.pdf"),
            "statement": self.tr("买家声明-%1.pdf"),
            "receipt": self.tr("收货情况说明-%1.pdf"),
            "non_receipt": self.tr("未收到货物声明-%1.pdf"),
            "calendar": self.tr("索赔期限-%1.ics"),
            "courier_complaint": self.tr("快递服务投诉书-%1.pdf"),
            "postal_appeal": self.tr("邮政业用户申诉书-%1.pdf"),
            "small_claims": self.tr("民事起诉状-%1.pdf"),
            "pack": self.tr("证据包-%1.zip"),
        }
        tracking = self.folder.case.tracking_numbers[0] if self.folder else "case"
        return names[kind].replace("%1", file_dialogs.safe_file_name(tracking))

    def _enable(self) -> None:
        item = self.documents.currentItem()
        chosen = item is not None and item.data(0, DOCUMENT_ROLE) is not None
        self.open_button.setEnabled(chosen and not self.busy)
        self.save_button.setEnabled(chosen and not self.busy)
        for button in (
            *self.make_buttons.values(),
            self.statement_button,
            self.calendar_button,
            self.pack_button,
        ):
            button.setEnabled(not self.busy and self.folder is not None)

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e;" if error else "color: #1b5e20;")
        self.status.setText(text)

    # ------------------------------------------------------------------ stored documents

    def _selected(self) -> Any:
        item = self.documents.currentItem()
        document_id = None if item is None else item.data(0, DOCUMENT_ROLE)
        if self.folder is None or document_id is None:
            return None
        return next((d for d in self.folder.documents if d.id == document_id), None)

    def _default_name(self, document: Any) -> str:
        known = ("claim_form", "calendar", "courier_complaint", "postal_appeal", "small_claims")
        if document.kind in known:
            return self.file_name(document.kind)
        if document.kind == "statement" and self.folder is not None:
            kind = papers.statement_kind(self.folder.case)
            return self.file_name(kind or "statement")
        return document.name

    def open_selected(self) -> Path | None:
        document = self._selected()
        if document is None:
            return None
        try:
            data = self.book.read_document(document.id)
            path = papers.write_copy(data, self.work_dir, self._default_name(document))
        except Exception as error:  # noqa: BLE001 - shown, never raised into Qt
            self.say(_message(error, self.lang), error=True)
            return None
        if not file_dialogs.open_file(path):
            self.say(self.tr("没有可以打开这个文件的程序：%1").replace("%1", str(path)), error=True)
        return path

    def save_selected(self) -> Path | None:
        document = self._selected()
        if document is None:
            return None
        try:
            data = self.book.read_document(document.id)
        except Exception as error:  # noqa: BLE001 - shown, never raised into Qt
            self.say(_message(error, self.lang), error=True)
            return None
        name = self._default_name(document)
        suffix = Path(name).suffix.lower()
        kinds = {".pdf": ("pdf",), ".ics": ("ics",)}.get(suffix, ("pdf",))
        return self.save_bytes(data, name, kinds)

    def save_bytes(self, data: bytes, name: str, kinds: tuple[str, ...]) -> Path | None:
        """Ask where to save `name` and write it; refuses the data folder."""
        target = file_dialogs.ask_save_path(
            self, self.tr("另存为"), file_dialogs.start_folder(self.settings), name, kinds
        )
        if target is None:
            return None
        if file_dialogs.inside(target, self.data_dir):
            text = self.catalog.texts.get("output", "in_data_dir", self.lang, path=target)
            self.say(text, error=True)
            return None
        try:
            _write_atomic(target, data)
        except OSError as error:
            self.say(_cannot_write(target, error, self.lang), error=True)
            return None
        file_dialogs.remember_folder(self.settings, target)
        self.say(self.tr("已保存：%1").replace("%1", str(target)))
        return target

    # ------------------------------------------------------------------ making documents

    def _start(self, words: str) -> bool:
        if self.busy or self.folder is None:
            return False
        self.busy = True
        self._enable()
        self.say(words)
        return True

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self._enable()
        self.say(self.tr("未能生成：%1").replace("%1", _message(error, self.lang)), error=True)

    def _keep(self, paper: papers.Paper) -> None:
        """Store a made document with the case (the sealed copy)."""
        self.busy = False
        self._enable()
        try:
            self.book.add_document(
                self.record_id, paper.kind, paper.path.name, paper.data, self.clock()
            )
        except Exception as error:  # noqa: BLE001 - shown, never raised into Qt
            self.say(_message(error, self.lang), error=True)
            return
        self.changed.emit()

    def make_escalation(self, kind: str) -> None:
        if not self._start(self.tr("正在生成…")):
            return
        assert self.folder is not None
        case, catalog, now, lang = self.folder.case, self.catalog, self.clock(), self.lang
        folder, name = self.work_dir, self.file_name(kind)
        run_task(
            lambda: papers.make_escalation(case, kind, catalog, now, folder, name, lang),
            self._escalation_made,
            on_error=self._failed,
            owner=self,
        )

    def _escalation_made(self, paper: papers.Paper) -> None:
        self._keep(paper)
        self.say(self.tr("已生成并保存在案件里：%1").replace("%1", self.kind_name(paper.kind)))
        dialog = EscalationDialog(paper, self.kind_name(paper.kind), self)
        dialog.save_requested.connect(
            lambda: self.save_bytes(paper.data, paper.path.name, ("pdf",))
        )
        dialog.open_requested.connect(lambda: file_dialogs.open_file(paper.path))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        self.escalation_dialog = dialog
        dialog.open()

    def make_statement(self) -> None:
        if self.folder is None:
            return
        kind = papers.statement_kind(self.folder.case)
        if kind is None or not self._start(self.tr("正在生成…")):
            return
        case, catalog, folder = self.folder.case, self.catalog, self.work_dir
        name = self.file_name(kind)
        run_task(
            lambda: papers.make_statement(case, catalog, folder, name),
            self._saved_after_making,
            on_error=self._failed,
            owner=self,
        )

    def make_calendar(self) -> None:
        if self.folder is None or not self._start(self.tr("正在生成…")):
            return
        case, catalog, lang = self.folder.case, self.catalog, self.lang
        folder, name = self.work_dir, self.file_name("calendar")
        run_task(
            lambda: papers.make_calendar(case, catalog, folder, name, lang),
            self._saved_after_making,
            on_error=self._failed,
            owner=self,
        )

    def _saved_after_making(self, paper: papers.Paper) -> None:
        self._keep(paper)
        kinds = ("ics",) if paper.kind == "calendar" else ("pdf",)
        self.save_bytes(paper.data, paper.path.name, kinds)

    # ------------------------------------------------------------------ evidence pack

    def export_pack(self) -> Path | None:
        """The evidence pack as a zip: asks whether to hide the buyer's data, then where."""
        if self.folder is None or self.busy:
            return None
        redact = ask_redact(self)
        if redact is None:
            return None
        target = file_dialogs.ask_save_path(
            self,
            self.tr("导出证据包"),
            file_dialogs.start_folder(self.settings),
            self.file_name("pack"),
            ("zip",),
        )
        if target is None:
            return None
        if file_dialogs.inside(target, self.data_dir):
            self.say(
                self.catalog.texts.get("output", "in_data_dir", self.lang, path=target), error=True
            )
            return None
        self._start(self.tr("正在导出证据包…"))
        book, record_id = self.book, self.record_id
        run_task(
            lambda: export_pack(book, record_id, target, redact),
            self._pack_done,
            on_error=self._failed,
            owner=self,
        )
        file_dialogs.remember_folder(self.settings, target)
        return target

    def _pack_done(self, target: Path) -> None:
        self.busy = False
        self._enable()
        self.say(self.tr("证据包已导出：%1").replace("%1", str(target)))


def export_pack(book: CaseBook, record_id: str, target: Path, redact: bool) -> Path:
    """Write the pack beside `target` and move it into place, so a file the save dialog agreed
    to replace is replaced whole or not at all."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.export")
    partial.unlink(missing_ok=True)
    try:
        book.export_pack(record_id, partial, redact=redact)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def ask_redact(parent: QWidget) -> bool | None:
    """Hide the buyer's name, phone and address in the pack? None when cancelled."""
    box = QMessageBox(parent)
    box.setObjectName("askRedact")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FilesTab", "导出证据包"))
    box.setText(QCoreApplication.translate("FilesTab", "证据包里要包含买家的姓名、电话和地址吗？"))
    box.setInformativeText(
        QCoreApplication.translate(
            "FilesTab", "发给快递公司或平台时通常不需要买家信息，建议隐去。自己留档可以包含。"
        )
    )
    hide = box.addButton(
        QCoreApplication.translate("FilesTab", "隐去买家信息"), QMessageBox.ButtonRole.AcceptRole
    )
    keep = box.addButton(
        QCoreApplication.translate("FilesTab", "包含买家信息"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QCoreApplication.translate("FilesTab", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(hide)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is hide:
        return True
    if clicked is keep:
        return False
    return None


def _write_atomic(target: Path, data: bytes) -> None:
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _cannot_write(target: Path, error: OSError, lang: str) -> str:
    from seller_app.os_errors import os_reason

    return (
        QCoreApplication.translate("FilesTab", "无法保存到 %1：%2")
        .replace("%1", str(target))
        .replace("%2", os_reason(error, lang))
    )


def _message(error: Exception, lang: str) -> str:
    return error.message(lang) if callable(getattr(error, "message", None)) else str(error)


__all__ = ["FilesTab", "ask_redact", "export_pack"]
