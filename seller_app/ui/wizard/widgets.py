"""Small input helpers shared by the pages (reading and writing case-file values).

`MomentEdit` is a date and time that starts empty: a seller who never touched it has not told us
when something happened, so nothing is taken from the clock (issue 14: a posting time that
defaulted to "now" passed silently). `money_text` and `weight_text` accept amounts as people
type them ("268元", "￥1,200", "２６８", "2kg").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QWidget

from seller_app.domain.case import SHANGHAI, parse_datetime
from seller_app.domain.errors import CaseError

DATETIME_DISPLAY = "yyyy-MM-dd HH:mm"
# The "no value" of a MomentEdit: its minimum, shown as the special value text.
_EMPTY = QDateTime(QDate(2000, 1, 1), QTime(0, 0))
_SELLER_FOCUS = {
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
}
# Keys that move through or leave the edit without giving a value.
_NOT_EDITING = {
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
}


def money_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(220)
    return edit


class MomentEdit(QDateTimeEdit):
    """A date and time that is empty until the seller gives one.

    Empty shows `placeholder`. Focusing an empty edit offers `start()` (the clock's date) to
    change from; left untouched, the edit is empty again when focus leaves, so tabbing through
    the page never fills it in. The mouse wheel does not change an empty edit.
    """

    def __init__(self, placeholder: str, start: Callable[[], datetime]) -> None:
        super().__init__()
        self._start = start
        self._offered = False  # showing the start value only because the edit got focus
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATETIME_DISPLAY)
        self.setMinimumDateTime(_EMPTY)
        self.setSpecialValueText(placeholder)
        self.setMaximumWidth(220)
        self.setMinimumWidth(160)
        self.clear_moment()
        self.dateTimeChanged.connect(self._accept_offer)
        # Picking the very day offered changes nothing, but is an answer all the same.
        self.calendarWidget().clicked.connect(self._accept_offer)

    def is_set(self) -> bool:
        return self.dateTime() != _EMPTY

    def clear_moment(self) -> None:
        self._offered = False
        self.setDateTime(_EMPTY)

    def set_moment(self, value: object) -> None:
        """Show `value` (a case-file datetime); None or something unreadable leaves it empty."""
        try:
            moment = parse_datetime(value, "value") if value else None
        except CaseError:
            moment = None
        if moment is None:
            self.clear_moment()
            return
        local = moment.astimezone(SHANGHAI)
        self._offered = False
        self.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def moment_text(self) -> str | None:
        """The value as a case-file datetime (local Shanghai time, minutes), None when empty."""
        if not self.is_set() or self._offered:
            return None
        return read_datetime(self)

    def _accept_offer(self, *_: object) -> None:
        self._offered = False

    def _offer_start(self) -> None:
        if self.is_set():
            return
        local = self._start().astimezone(SHANGHAI)
        self.blockSignals(True)
        self.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(0, 0)))
        self.blockSignals(False)
        self._offered = True

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # Only when the seller comes here (click, Tab): focus given by the page pointing at a
        # missing date must leave it showing "未填写".
        if event.reason() in _SELLER_FOCUS:
            self._offer_start()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        # The calendar popup taking focus is still editing; anything else leaves the edit.
        if self._offered and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.clear_moment()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        if not self.is_set():
            # Empty: Tab leaves the field (there are no sections to walk through).
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._offer_start()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.clear_moment()  # Ctrl+Delete empties the field again
            return
        if event.key() not in _NOT_EDITING:
            self._offer_start()  # an empty edit starts from today's date, never from 2000
            self._accept_offer()  # typing the digits offered is an answer too
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if not self.is_set() or not self.hasFocus():
            event.ignore()  # scrolling the page over an edit never changes it
            return
        super().wheelEvent(event)


def read_datetime(edit: QDateTimeEdit) -> str:
    """The edit's value as a case-file datetime (local Shanghai time, minutes)."""
    value = edit.dateTime()
    day, clock = value.date(), value.time()
    return (
        f"{day.year():04d}-{day.month():02d}-{day.day():02d}"
        f"T{clock.hour():02d}:{clock.minute():02d}"
    )


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def text_of(value: object) -> str:
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- typed amounts

_CURRENCY = re.compile(
    r"^(?:人民币|RMB|CNY|¥|￥)\s*|\s*(?:元整|元|块钱|块|RMB|CNY)$", re.IGNORECASE
)
_WEIGHT_UNIT = re.compile(r"\s*(?:kg|公斤|千克)$", re.IGNORECASE)


def plain_text(text: str) -> str:
    """Full-width digits, letters and spaces as ASCII (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def money_text(text: str) -> str:
    """An amount as typed ("268元", "¥268", "￥ 1,200.50", "２６８块") as the case file writes it
    ("268", "1200.50"). Text that is no amount is returned as typed, for the validator to name."""
    plain = plain_text(text)
    stripped = plain
    for _ in range(2):  # a sign before and a unit after: "¥268元"
        stripped = _CURRENCY.sub("", stripped).strip()
    stripped = stripped.replace(",", "").replace("，", "")
    return stripped if re.fullmatch(r"-?\d+(?:\.\d*)?|-?\.\d+", stripped) else text.strip()


def weight_text(text: str) -> str:
    """A weight as typed ("2kg", "0.5 公斤", "２") in kilograms, as the case file writes it."""
    plain = plain_text(text)
    stripped = _WEIGHT_UNIT.sub("", plain).strip()
    return stripped if re.fullmatch(r"\d+(?:\.\d*)?|\.\d+", stripped) else text.strip()
