"""The base of every wizard page: rows with a reason label beside each field, and validation
through the domain validator.

A page declares the case-file keys it asks for (`OWNS`); `collect()` writes its widgets into the
draft; `validatePage()` runs `check_case` over everything gathered so far and, when the domain
refuses, shows the domain's reason beside the field it names and keeps the user on the page.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from seller_app.domain.errors import CaseError

from .draft import WizardDraft, WizardEnv, check_case

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"


class CasePage(QWizardPage):
    OWNS: tuple[str, ...] = ()
    # Errors about a key this page does not show, mapped to the field that causes them.
    ALIASES: dict[str, str] = {}

    def __init__(self, draft: WizardDraft, env: WizardEnv) -> None:
        super().__init__()
        self.draft = draft
        self.env = env
        self.known: frozenset[str] = frozenset(self.OWNS)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.page_error = self._error_label()
        self.page_error.setObjectName("pageError")

    # ------------------------------------------------------------------ building rows

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def field_row(self, widget: QWidget, key: str, hint: str | None = None) -> QWidget:
        """`widget` with an (initially hidden) reason label under it, registered for `key`."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(note)
        error = self._error_label()
        error.setObjectName(f"error:{key}")
        layout.addWidget(error)
        self._fields[key] = (widget, error)
        return box

    def add_field(
        self, form: QFormLayout, label: str, widget: QWidget, key: str, hint: str | None = None
    ) -> None:
        form.addRow(label, self.field_row(widget, key, hint))

    # ------------------------------------------------------------------ errors

    def error_label(self, key: str) -> QLabel:
        """The reason label of field `key` (tests read it)."""
        return self._fields[key][1]

    def clear_errors(self) -> None:
        self.page_error.hide()
        for widget, label in self._fields.values():
            label.hide()
            label.clear()
            widget.setStyleSheet("")

    def _target(self, field: str) -> str | None:
        plain = re.sub(r"\[\d+\]", "", field)
        parts = plain.split(".")
        for end in range(len(parts), 0, -1):
            key = ".".join(parts[:end])
            key = self.ALIASES.get(key, key)
            if key in self._fields:
                return key
        return None

    def show_error(self, error: CaseError) -> None:
        message = self.env.catalog.texts.error_message(error, self.env.lang)
        message = message.removeprefix(f"{error.field}: ")
        key = self._target(error.field)
        if key is None:
            self.page_error.setText(message)
            self.page_error.show()
            return
        widget, label = self._fields[key]
        label.setText(message)
        label.show()
        widget.setStyleSheet("border: 1px solid #b3261e;")
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, message: str) -> None:
        self.page_error.setText(message)
        self.page_error.show()

    # ------------------------------------------------------------------ wizard protocol

    def collect(self) -> None:
        """Write this page's widgets into the draft."""

    def after_valid(self) -> bool:
        """Extra work once the page's input passed (e.g. remember a choice); False stays."""
        return True

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.clear_errors()
        self.collect()
        error = check_case(self.draft.data, self.known, self.env.clock())
        if error is not None:
            log.info("page %s refused: %s", type(self).__name__, error)
            self.show_error(error)
            return False
        return self.after_valid()
