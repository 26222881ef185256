"""The reminders panel: what is due today (or overdue) and in the coming week."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..i18n import format_date
from .case_status import RECORD_ID_ROLE  # the list's role for the same thing (Qt's UserRole + 1)

if TYPE_CHECKING:
    from ..case_rows import DueItem


class RemindersPanel(QWidget):
    open_case = Signal(str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        title = QLabel(self.tr("提醒"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("reminders")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)

    def _header(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(_no_flags())
        item.setForeground(QColor("#444"))
        self.list.addItem(item)

    def show_items(self, today: list[DueItem], week: list[DueItem], now: datetime) -> None:
        self.list.clear()
        self._header(self.tr("今天到期及逾期"))
        if not today:
            self._empty(self.tr("今天没有到期的事项"))
        for item in today:
            self._add(item, now)
        self._header(self.tr("本周"))
        if not week:
            self._empty(self.tr("未来 7 天没有到期的事项"))
        for item in week:
            self._add(item, now)

    def _empty(self, text: str) -> None:
        item = QListWidgetItem("    " + text)
        item.setFlags(_no_flags())
        item.setForeground(QColor("#888"))
        self.list.addItem(item)

    def _add(self, due: DueItem, now: datetime) -> None:
        when = format_date(due.due, self.lang)
        item = QListWidgetItem(f"{due.title}\n{due.tracking} · {when}")
        item.setToolTip(due.detail)
        item.setData(RECORD_ID_ROLE, due.record_id)
        if due.due < now:
            item.setForeground(QColor("#b3261e"))
        self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        record_id = item.data(RECORD_ID_ROLE)
        if record_id:
            self.open_case.emit(str(record_id))


def _no_flags():  # type: ignore[no-untyped-def]
    """Qt.ItemFlag.NoItemFlags, looked up when the first reminder is listed (after the main
    window's first frame): the `Qt` namespace is built whole on its first use (issue 16)."""
    from PySide6.QtCore import Qt

    return Qt.ItemFlag.NoItemFlags
