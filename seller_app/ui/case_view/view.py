"""The case view: one claim from filing to money received.

Opened from the case list (double-click, Enter), the reminders panel or 案件 → 打开. At the top,
what the claim is and where it stands (status, amounts, the courier's ticket number); below it
the steps a seller most likely records next as buttons, every other event in a menu, 结案, and
the wizard for the claim's own fields. Three tabs: 进展 (the timeline of events, status changes
and notes beside the open deadlines), 文件 (the documents kept for the case, and the escalation
documents, buyer statement, calendar and evidence pack made from here) and 照片.

Every change goes through the case book and is followed by `changed`, on which the main window
recomputes the list, the reminders and the tray. On a shop server (issue 17) each change is
checked against the version of the case the view shows: when another desk changed it first,
nothing is saved and `SaveProblems` says who and when, with 重新载入; the timeline names the desk
behind each line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.errors import CaseError
from seller_app.domain.events import CaseEvent, EventKind

from ..casebook import CaseBook, CaseFolder
from ..i18n import format_date, format_money
from ..save_problems import SaveProblems
from ..widgets.case_status import status_name
from ..widgets.fit import fit_on_screen
from .event_dialog import EventDialog
from .files_tab import FilesTab
from .photos_tab import PhotosTab
from .story import CREATED, EVENT, NOTE, STATUS, UNDONE, can_record, next_steps, open_deadlines
from .story import timeline as build_timeline

log = logging.getLogger(__name__)

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_COLORS = {
    EVENT: QColor("#111827"),
    STATUS: QColor("#4b5563"),
    UNDONE: QColor("#9ca3af"),
    NOTE: QColor("#374151"),
    CREATED: QColor("#4b5563"),
}
STATUS_TONES = {
    "ready": "#b26a00",
    "filed": "#0d47a1",
    "answered": "#0d47a1",
    "agreed": "#1b5e20",
    "paid": "#1b5e20",
    "rejected": "#b3261e",
    "escalated": "#b3261e",
    "closed": "#4b5563",
}


class CaseView(QDialog):
    changed = Signal(str)
    """Emitted with the record id after anything about the case changed."""
    edit_requested = Signal(str)
    """The seller wants the claim's own fields: the main window opens the wizard."""

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
        problems: SaveProblems | None = None,
    ) -> None:
        super().__init__(parent)
        self.record_id = record_id
        self.book = book
        self.problems = problems or SaveProblems(lang, self)
        self.catalog = catalog
        self.lang = lang
        self.clock = clock
        self.folder: CaseFolder | None = None
        self.event_dialog: EventDialog | None = None
        self.setObjectName("caseView")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_on_screen(self, 980, 660)

        self.tracking = QLabel()
        self.tracking.setObjectName("caseTracking")
        font = self.tracking.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.tracking.setFont(font)
        self.tracking.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("caseSubtitle")
        self.status = QLabel()
        self.status.setObjectName("caseStatus")
        self.amounts = QLabel()
        self.amounts.setObjectName("caseAmounts")
        self.ticket = QLabel()
        self.ticket.setObjectName("caseTicket")
        self.ticket.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("caseMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.steps = QHBoxLayout()
        self.more = QPushButton(self.tr("记录其他进展"))
        self.more.setObjectName("moreEvents")
        self.more.setAutoDefault(False)
        self.more_menu = QMenu(self.more)
        self.more_menu.setToolTipsVisible(True)
        self.more.setMenu(self.more_menu)
        self.note_button = QPushButton(self.tr("添加备注…"))
        self.note_button.setObjectName("addNote")
        self.note_button.clicked.connect(self.add_note)
        self.close_case_button = QPushButton(self.tr("结案…"))
        self.close_case_button.setObjectName("closeCase")
        self.close_case_button.clicked.connect(self.close_case)
        self.edit_button = QPushButton(self.tr("查看或修改索赔内容…"))
        self.edit_button.setObjectName("editClaim")
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.record_id))

        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setHeaderLabels(
            [self.tr("时间"), self.tr("进展"), self.tr("备注"), self.tr("由谁记录")]
        )
        # 由谁记录 (a shop server) right after 进展, where it stays in view; the note, which
        # can be long (its tooltip shows it whole), last.
        self.timeline.header().moveSection(3, 2)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)
        self.undo_button = QPushButton(self.tr("撤销所选记录…"))
        self.undo_button.setObjectName("undoEvent")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo_selected)
        self.timeline.currentItemChanged.connect(
            lambda item, _old: self.undo_button.setEnabled(
                item is not None and item.data(0, EVENT_ROLE) is not None
            )
        )
        self.deadlines = QTreeWidget()
        self.deadlines.setObjectName("caseDeadlines")
        self.deadlines.setHeaderLabels([self.tr("期限"), self.tr("事项")])
        self.deadlines.setRootIsDecorated(False)
        self.deadlines.setWordWrap(True)
        self.calendar_hint = QLabel(
            self.tr(
                "已把日历导入手机或电脑的，记录进展后在“文件”里重新导出日历：原有提醒会被更新。"
            )
        )
        self.calendar_hint.setWordWrap(True)
        self.calendar_hint.setStyleSheet("color: #4b5563;")

        self.files = FilesTab(
            record_id, book, catalog, lang, clock, settings, files_dir, data_dir, self
        )
        self.files.changed.connect(self._files_changed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(self._progress_tab(), self.tr("进展"))
        self.tabs.addTab(self.files, self.tr("文件"))
        self.photos = PhotosTab(book, lang)
        self.tabs.addTab(self.photos, self.tr("照片"))

        close = QPushButton(self.tr("关闭"))
        close.setObjectName("closeView")
        close.clicked.connect(self.close)
        close.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.message)
        layout.addLayout(self._actions())
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.close_case_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the view presses nothing by surprise
        self.reload()
        self.tabs.setFocus()

    # ------------------------------------------------------------------ layout

    def _header(self) -> QHBoxLayout:
        left = QVBoxLayout()
        left.addWidget(self.tracking)
        left.addWidget(self.subtitle)
        right = QVBoxLayout()
        right.addWidget(self.status, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.amounts, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.ticket, 0, Qt.AlignmentFlag.AlignRight)
        header = QHBoxLayout()
        header.addLayout(left, 1)
        header.addLayout(right)
        return header

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addLayout(self.steps)
        row.addWidget(self.more)
        row.addWidget(self.note_button)
        row.addStretch(1)
        return row

    def _progress_tab(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("时间线")))
        left_layout.addWidget(self.timeline, 1)
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        left_layout.addLayout(undo_row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("接下来的期限")))
        right_layout.addWidget(self.deadlines, 1)
        right_layout.addWidget(self.calendar_hint)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 380])
        return splitter

    # ------------------------------------------------------------------ showing the case

    def reload(self) -> None:
        """Read the case again from the book and show it."""
        try:
            folder = self.book.folder(self.record_id)
        except Exception as error:  # noqa: BLE001 - the store explains; no traceback dialog
            log.warning("case %s not shown: %s", self.record_id, error)
            self.say(_message(error, self.lang), error=True)
            return
        self.folder = folder
        case, record = folder.case, folder.record
        texts = self.catalog.texts
        tracking = " ".join(case.tracking_numbers)
        carriers = self.catalog.carriers
        code = case.carrier or next(iter(carriers.candidates(list(case.tracking_numbers))), None)
        courier = carriers.by_code[code].name(self.lang) if code in carriers.by_code else ""
        incident = texts.get("incident", case.incident.value, self.lang)
        self.setWindowTitle(self.tr("案件 %1").replace("%1", case.tracking_numbers[0]))
        self.tracking.setText(tracking)
        parts = [courier, incident]
        if case.order_id:
            parts.append(self.tr("订单 %1").replace("%1", case.order_id))
        self.subtitle.setText(" · ".join(part for part in parts if part))
        tone = STATUS_TONES.get(record.status, "#4b5563")
        self.status.setText(status_name(record.status))
        self.status.setStyleSheet(
            f"color: white; background: {tone}; border-radius: 4px; padding: 3px 10px;"
            " font-weight: bold;"
        )
        self.amounts.setText(
            self.tr("索赔 %1 · 已赔付 %2")
            .replace("%1", format_money(record.amount_claimed, self.lang))
            .replace("%2", format_money(record.amount_recovered, self.lang))
        )
        self.ticket.setText(self._ticket_text(case))
        self._fill_steps(case, record.status)
        self._fill_timeline(folder)
        self._fill_deadlines(case, record.status)
        self.files.show_folder(folder)
        self.photos.show_photos(folder.photos)

    def _ticket_text(self, case: Any) -> str:
        if case.claim_at is None:
            return self.tr("还没有提交给快递公司")
        texts = self.catalog.texts
        sent = self.tr("%1 提交").replace("%1", format_date(case.claim_at, self.lang))
        if case.channel is not None:
            sent += " · " + texts.get("claim_channel", case.channel.name.lower(), self.lang)
        if case.ticket:
            sent += " · " + self.tr("工单号 %1").replace("%1", case.ticket)
        return sent

    def _fill_steps(self, case: Any, status: str) -> None:
        while self.steps.count():
            widget = self.steps.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        texts = self.catalog.texts
        closed = status == "closed"
        for index, kind in enumerate(next_steps(case, status)):
            button = QPushButton(self._step_words(kind))
            button.setObjectName(f"step:{kind.value}")
            button.setAutoDefault(False)
            if index == 0:  # the likeliest next step
                button.setStyleSheet("font-weight: bold; padding: 4px 14px;")
            button.clicked.connect(lambda _=False, k=kind: self.record(k))
            self.steps.addWidget(button)
        self.more_menu.clear()
        for kind in EventKind:
            title = texts.get("event_title", kind.value, self.lang)
            again = any(event.kind is kind for event in _case_events(case))
            action = self.more_menu.addAction(
                title + (self.tr("（修改）") if again else "") + "…",
                lambda k=kind: self.record(k),
            )
            action.setObjectName(f"event:{kind.value}")
            action.setEnabled(can_record(case, kind) and not closed)
            if not can_record(case, kind):
                action.setToolTip(self._why_not(kind))
        self.more.setEnabled(not closed)
        self.close_case_button.setEnabled(not closed)

    def _why_not(self, kind: EventKind) -> str:
        if kind is EventKind.APPEALED:
            return self.tr("先记录向快递公司投诉：12305 只受理已向快递公司投诉过的事项")
        if kind is EventKind.PLATFORM_ESCALATED:
            return self.tr("先记录买家申请售后")
        return self.tr("先记录向快递公司提交索赔")

    def _step_words(self, kind: EventKind) -> str:
        words = {
            EventKind.FILED: self.tr("已提交给快递公司…"),
            EventKind.REPLIED: self.tr("快递公司已答复…"),
            EventKind.REJECTED: self.tr("快递公司拒赔…"),
            EventKind.PROPOSAL: self.tr("快递公司提出金额…"),
            EventKind.AGREED: self.tr("同意赔偿方案…"),
            EventKind.PAID: self.tr("收到赔款…"),
            EventKind.COMPLAINED: self.tr("向快递公司投诉…"),
            EventKind.APPEALED: self.tr("向 12305 申诉…"),
        }
        return words.get(kind) or self.catalog.texts.get("event_title", kind.value, self.lang)

    def _fill_timeline(self, folder: CaseFolder) -> None:
        words = {
            "created": self.tr("建立案件"),
            "status": self.tr("状态改为：{text}"),
            "undone": self.tr("撤销了：{text}"),
            "note": self.tr("备注：{text}"),
        }
        self.timeline.clear()
        entries = build_timeline(folder, self.catalog.texts, self.lang, status_name, words)
        for entry in entries:
            item = QTreeWidgetItem(
                [format_date(entry.at, self.lang), entry.text, entry.note, entry.desk or ""]
            )
            color = ENTRY_COLORS[entry.kind]
            for column in range(4):
                item.setForeground(column, color)
            if entry.kind == EVENT:
                font = QFont(item.font(1))
                font.setBold(True)
                item.setFont(1, font)
                item.setData(0, EVENT_ROLE, entry.event.value if entry.event else None)
            item.setToolTip(1, entry.text)
            item.setToolTip(2, entry.note)
            self.timeline.addTopLevelItem(item)
        # Which desk did what matters where several desks work on the case (a shop server, or
        # a case copied over from another desk's store); a single desk's column would only
        # repeat its own name.
        desks = {entry.desk for entry in entries if entry.desk}
        self.timeline.setColumnHidden(3, not (folder.shared or len(desks) > 1))
        for column in (0, 1, 3):
            self.timeline.resizeColumnToContents(column)
        self.timeline.scrollToBottom()

    def _fill_deadlines(self, case: Any, status: str) -> None:
        """The open deadlines; none once the case is paid or closed (as in the list and the
        reminders, which stop chasing it then)."""
        from ..case_rows import DONE_STATUSES

        self.deadlines.clear()
        now = self.clock()
        lines = (
            [] if status in DONE_STATUSES else open_deadlines(case, self.catalog.texts, self.lang)
        )
        if not lines:
            item = QTreeWidgetItem(["—", self.tr("没有待跟进的期限")])
            item.setForeground(1, QColor("#6b7280"))
            self.deadlines.addTopLevelItem(item)
        for line in lines:
            when = format_date(line.due, self.lang)
            if line.legal_due is not None:
                when += "\n" + self.tr("（顺延至 %1）").replace(
                    "%1", format_date(line.legal_due, self.lang)
                )
            item = QTreeWidgetItem([when, line.title])
            item.setToolTip(1, line.detail)
            item.setToolTip(0, line.detail)
            if line.due < now:
                for column in range(2):
                    item.setForeground(column, QColor("#b3261e"))
            elif line.due.astimezone(SHANGHAI).date() == now.astimezone(SHANGHAI).date():
                for column in range(2):
                    item.setForeground(column, QColor("#8a5300"))
            self.deadlines.addTopLevelItem(item)
        self.deadlines.resizeColumnToContents(0)

    def say(self, text: str, *, error: bool = False) -> None:
        """A line under the header: what just happened, or what went wrong."""
        color = "#b3261e" if error else "#1b5e20"
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ recording

    def record(self, kind: EventKind) -> EventDialog | None:
        """Open the dialog that records `kind` (the caller, or the seller, fills it in)."""
        if self.folder is None:
            return None
        now = self.clock()
        dialog = EventDialog(
            kind,
            self.folder.case,
            self.catalog.texts,
            self.lang,
            now,
            lambda event, note: self._store_event(event, note, now, dialog),
            self,
        )
        dialog.accepted.connect(lambda: self._recorded(kind))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        self.event_dialog = dialog
        dialog.open()
        return dialog

    def _store_event(
        self, event: CaseEvent, note: str, now: datetime, dialog: EventDialog | None = None
    ) -> None:
        try:
            self.book.record_event(self.record_id, event, now, note)
        except CaseError:
            raise  # the dialog shows it beside its field
        except Exception as error:
            # The dialog keeps what was typed and says it was not saved; the box offers the way
            # on: another desk's version to look at, or the server to try again.
            failed = error
            parent = dialog if dialog is not None and dialog.isVisible() else self
            self.save_failed(
                error,
                parent=parent,
                retry=(lambda: dialog.accept()) if dialog is not None else None,
                after_reload=None if dialog is None else lambda: self._kept_typing(dialog, failed),
                unsaved=self.tr("这条记录没有保存，填写的内容还在窗口里。"),
            )
            raise

    def _kept_typing(self, dialog: EventDialog, error: Exception) -> None:
        """After 重新载入 the record being typed stays open with everything in it: the case
        behind it now shows the other desk's version, and saving again is the seller's call."""
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return
        desk = getattr(error, "desk", None) or self.tr("另一台电脑")
        dialog.error.setText(
            self.tr(
                "已重新载入 %1 的修改（见后面的案件窗口）。你填写的内容还在："
                "确认后再点“记录”，或点“取消”。"
            ).replace("%1", desk)
        )
        dialog.error.show()

    def _recorded(self, kind: EventKind) -> None:
        self.event_dialog = None
        title = self.catalog.texts.get("event_title", kind.value, self.lang)
        self.say(self.tr("已记录：%1。期限已按这一项重新计算。").replace("%1", title))
        self.reload()
        self.changed.emit(self.record_id)

    def _timeline_menu(self, position: Any) -> None:
        item = self.timeline.itemAt(position)
        if item is None or item.data(0, EVENT_ROLE) is None:
            return
        self.timeline.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("撤销这条记录…"), self._undo_selected)
        menu.popup(self.timeline.viewport().mapToGlobal(position))

    def _undo_selected(self) -> None:
        item = self.timeline.currentItem()
        value = None if item is None else item.data(0, EVENT_ROLE)
        if value is None:
            return
        kind = EventKind(value)
        title = self.catalog.texts.get("event_title", kind.value, self.lang)
        answer = QMessageBox.question(
            self,
            self.tr("撤销记录"),
            self.tr("撤销“%1”这条记录吗？期限会按撤销后的情况重新计算，案件状态不变。").replace(
                "%1", title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo(kind)

    def undo(self, kind: EventKind) -> bool:
        """Take back a mistaken event; False (and the reason shown) when a later one needs it."""
        try:
            self.book.clear_event(self.record_id, kind, self.clock())
        except CaseError as error:
            field_words = self.catalog.texts.get("errors", error.code, self.lang, **error.params)
            self.say(self.tr("不能撤销：%1").replace("%1", field_words), error=True)
            return False
        except Exception as error:  # noqa: BLE001 - said in the box, never a traceback
            self.save_failed(error, retry=lambda: self.undo(kind))
            return False
        self.say(self.tr("已撤销。"))
        self.reload()
        self.changed.emit(self.record_id)
        return True

    def add_note(self) -> None:
        where = (
            self.tr("备注（加密后保存在共享案件库里）：")
            if self.folder is not None and self.folder.shared
            else self.tr("备注（只保存在这台电脑上，加密保存）：")
        )
        text, ok = QInputDialog.getMultiLineText(self, self.tr("添加备注"), where)
        if ok and text.strip():
            self.save_note(text.strip())

    def save_note(self, text: str) -> bool:
        """Add a note (notes are only ever added: another desk's changes never conflict with
        one); False, and the way on offered, when it could not be saved."""
        try:
            self.book.add_note(self.record_id, text, self.clock())
        except Exception as error:  # noqa: BLE001 - said in the box, never a traceback
            self.save_failed(
                error,
                retry=lambda: self.save_note(text),
                unsaved=self.tr("备注没有保存：%1").replace("%1", text[:200]),
            )
            return False
        self.reload()
        self.changed.emit(self.record_id)
        return True

    def close_case(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("结案"),
            self.tr("把这个案件标记为已结案吗？结案后不再提醒它的期限。"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.set_status("closed")

    def set_status(self, status: str) -> bool:
        try:
            self.book.set_status(self.record_id, status, self.clock())
        except Exception as error:  # noqa: BLE001 - the store explains; no traceback dialog
            self.say(_message(error, self.lang), error=True)
            self.save_failed(error, retry=lambda: self.set_status(status), plain=False)
            return False
        self.reload()
        self.changed.emit(self.record_id)
        return True

    # ------------------------------------------------------------------ several desks (issue 17)

    def save_failed(
        self,
        error: Exception,
        *,
        parent: QWidget | None = None,
        retry: Callable[[], Any] | None = None,
        after_reload: Callable[[], Any] | None = None,
        unsaved: str | None = None,
        plain: bool = True,
    ) -> None:
        """A change was not saved: another desk changed the case first (重新载入 shows their
        version), the server is away (重试), or the store's own reason. `plain` False: a
        reason of the last kind is already said in the view."""
        from seller_app.store import ConcurrentEditError, ServerUnreachableError

        log.warning("case %s: change not saved: %s", self.record_id, error)
        if not plain and not isinstance(error, ConcurrentEditError | ServerUnreachableError):
            return

        def reload() -> None:
            self.reload_after_conflict(error)
            if after_reload is not None:
                after_reload()

        self.problems.show(
            parent or self,
            error,
            reload=reload,
            retry=(lambda: retry()) if retry is not None else None,
            unsaved=unsaved,
        )
        if isinstance(error, ConcurrentEditError):
            self.say(_message(error, self.lang), error=True)

    def reload_after_conflict(self, error: Exception) -> None:
        """Show the other desk's version (nothing of theirs is lost) and say so."""
        self.reload()
        desk = getattr(error, "desk", None) or self.tr("另一台电脑")
        self.say(
            self.tr("已重新载入 %1 的修改。你刚才的修改没有保存，看过之后请再做一次。").replace(
                "%1", desk
            )
        )
        self.changed.emit(self.record_id)

    def _files_changed(self) -> None:
        self.reload()
        self.changed.emit(self.record_id)


def _case_events(case: Any) -> tuple[Any, ...]:
    from seller_app.domain.events import case_events

    return case_events(case)


def _message(error: Exception, lang: str) -> str:
    return error.message(lang) if callable(getattr(error, "message", None)) else str(error)
