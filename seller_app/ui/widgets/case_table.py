"""The case list: a table model over `CaseRow`s and a proxy that searches and filters by status
(or by one of the summary header's groups). Rows whose next deadline has passed are tinted red,
rows due later today amber, so they stand out whatever column is sorted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..i18n import format_date, format_money
from .case_status import RECORD_ID_ROLE, USER_ROLE, status_name

if TYPE_CHECKING:
    from ..case_rows import CaseRow

# Qt's item data roles (Qt::ItemDataRole; UserRole and the record id's in case_status.py),
# orientation and the money columns' alignment as the numbers Qt fixes for them (qnamespace.h;
# tests/ui/test_main_window.py checks them against PySide6's): plain ints are what `data()` is
# asked with, once per cell and role, and they need no `Qt` namespace (issue 16).
DISPLAY_ROLE = 0
TOOL_TIP_ROLE = 3
FONT_ROLE = 6
TEXT_ALIGNMENT_ROLE = 7
BACKGROUND_ROLE = 8
FOREGROUND_ROLE = 9
HORIZONTAL = 0x1  # Qt::Horizontal
ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080  # Qt::AlignRight | Qt::AlignVCenter

STATUS_ROLE = USER_ROLE + 2
SORT_ROLE = USER_ROLE + 3
URGENCY_ROLE = USER_ROLE + 4  # "overdue", "today" or ""
OVERDUE = QColor("#b3261e")
OVERDUE_ROW = QColor("#fdecea")
TODAY_ROW = QColor("#fff3d6")
STATUS_COLORS = {
    "draft": QColor("#777777"),
    "ready": QColor("#b26a00"),
    "filed": QColor("#0d47a1"),
    "paid": QColor("#1b5e20"),
    "rejected": QColor("#b3261e"),
}

_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        self.lang = lang
        self.headers = [
            QCoreApplication.translate("CaseTable", "状态"),
            QCoreApplication.translate("CaseTable", "快递单号"),
            QCoreApplication.translate("CaseTable", "快递公司"),
            QCoreApplication.translate("CaseTable", "问题"),
            QCoreApplication.translate("CaseTable", "索赔金额"),
            QCoreApplication.translate("CaseTable", "已赔付"),
            QCoreApplication.translate("CaseTable", "下一个期限"),
            QCoreApplication.translate("CaseTable", "更新时间"),
        ]

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Any,  # Qt.Orientation
        role: int = DISPLAY_ROLE,
    ) -> Any:
        if orientation.value == HORIZONTAL and role == DISPLAY_ROLE:
            return self.headers[section]
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        if column == 0:
            return status_name(row.status)
        if column == 1:
            return row.tracking
        if column == 2:
            return row.courier
        if column == 3:
            return row.incident_name or "—"
        if column == 4:
            return format_money(row.amount_claimed, self.lang)
        if column == 5:
            return format_money(row.amount_recovered, self.lang)
        if column == 6:
            if row.next_due is None:
                return "—"
            return f"{format_date(row.next_due.due.date(), self.lang)} {row.next_due.title}"
        return format_date(row.updated_at, self.lang)

    def _sort_key(self, row: CaseRow, column: int) -> Any:
        if column in (4, 5):
            value = row.amount_claimed if column == 4 else row.amount_recovered
            return float(value) if value else -1.0  # sorting only, never arithmetic
        if column == 6:
            return row.next_due.due.timestamp() if row.next_due else float("inf")
        if column == 7:
            return row.updated_at.timestamp()
        return self._text(row, column)

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == DISPLAY_ROLE:
            return self._text(row, column)
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role == STATUS_ROLE:
            return row.status
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == URGENCY_ROLE:
            return _urgency(row)
        if role == BACKGROUND_ROLE:
            urgency = _urgency(row)
            if urgency:
                return QBrush(OVERDUE_ROW if urgency == "overdue" else TODAY_ROW)
            return None
        if role == FONT_ROLE and column == 6 and _urgency(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == FOREGROUND_ROLE and column == 6 and row.overdue:
            return QBrush(OVERDUE)
        if role == FOREGROUND_ROLE and column == 0:
            return QBrush(STATUS_COLORS.get(row.status, QColor("#222")))
        if role == TOOL_TIP_ROLE and column == 6 and row.next_due:
            return row.next_due.detail
        if role == TEXT_ALIGNMENT_ROLE and column in (4, 5):
            return ALIGN_RIGHT_VCENTER
        return None


def _urgency(row: CaseRow) -> str:
    """ "overdue" when an open case's next deadline has passed, "today" when it falls later
    today, else ""."""
    if row.status in ("draft", "paid", "closed") or row.next_due is None:
        return ""
    if row.overdue:
        return "overdue"
    return "today" if row.due_today else ""


# The summary header's groups, as the statuses (or urgency) they show.
VIEWS: dict[str, tuple[str, ...]] = {
    "to_file": ("draft", "ready"),
    "with_courier": ("filed", "answered", "agreed", "escalated"),
}


class CaseFilter(QSortFilterProxyModel):
    """Rows whose status matches (``None``: all), in the chosen header group (``None``: all;
    ``to_file``, ``with_courier``, ``urgent``: overdue or due today) and whose text contains the
    search words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.view: str | None = None
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def set_view(self, view: str | None) -> None:
        self.beginFilterChange()
        self.view = view
        self.endFilterChange()

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        first = model.index(source_row, 0, source_parent)
        status = model.data(first, STATUS_ROLE)
        if self.status and status != self.status:
            return False
        if self.view == "urgent" and not model.data(first, URGENCY_ROLE):
            return False
        if self.view in VIEWS and status not in VIEWS[self.view]:
            return False
        if not self.search:
            return True
        words = " ".join(
            str(model.data(model.index(source_row, column, source_parent)))
            for column in range(model.columnCount())
        ).lower()
        return all(word in words for word in self.search.split())
