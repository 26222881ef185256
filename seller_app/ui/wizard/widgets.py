"""Small input helpers shared by the pages (reading and writing case-file values)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit

from seller_app.domain.case import SHANGHAI, parse_datetime
from seller_app.domain.errors import CaseError

DATETIME_DISPLAY = "yyyy-MM-dd HH:mm"


def money_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(220)
    return edit


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_DISPLAY)
    edit.setMaximumWidth(220)
    return edit


def set_datetime(edit: QDateTimeEdit, value: object, fallback: datetime) -> None:
    try:
        moment = parse_datetime(value, "value") if value else fallback
    except CaseError:
        moment = fallback
    local = moment.astimezone(SHANGHAI)
    edit.setDateTime(
        QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    )


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
