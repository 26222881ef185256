"""The base of every wizard page: rows with a reason label beside each field, validation through
the domain validator, and a body that scrolls when the window is small.

A page declares the case-file keys it asks for (`OWNS`); `collect()` writes its widgets into the
draft; `validatePage()` runs the domain validator over everything gathered so far and shows
every problem of the page at once, each beside the field it concerns (`reasons.reason` words
it). Once the seller has been refused, the page checks again as they type: a reason disappears
as soon as its field is right. Notes (`set_note`) are softer: things to look at that do not
stop the seller (a duplicate claim, a posting time equal to the claim time).

Only the field itself is marked red (the line edit, the box around a group of choices), never
its children: a style sheet on a container would cascade into its buttons.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from seller_app.domain.errors import CaseError

from .draft import WizardDraft, WizardEnv, collect_errors
from .reasons import reason

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #8a5300;"
INFO_STYLE = "color: #0d47a1;"
MARK_COLOR = "#b3261e"


@dataclass
class FieldRow:
    widget: QWidget
    mark: QWidget
    error: QLabel
    note: QLabel
    label: str


class CasePage(QWizardPage):
    OWNS: tuple[str, ...] = ()
    # Errors about a key this page does not show, mapped to the field that causes them.
    ALIASES: dict[str, str] = {}
    # Check again while the seller types, once a Next has been refused.
    LIVE = True

    def __init__(self, draft: WizardDraft, env: WizardEnv) -> None:
        super().__init__()
        self.draft = draft
        self.env = env
        self.known: frozenset[str] = frozenset(self.OWNS)
        self._fields: dict[str, FieldRow] = {}
        self._base_styles: dict[int, str] = {}
        self._refused = False
        self._watching = False
        self._recheck_queued = False
        self.page_error = self._error_label()
        self.page_error.setObjectName("pageError")
        # The page's own layout holds only a scroll area; pages lay out `self.body`.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("pageScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus goes to the first field
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll)

    # ------------------------------------------------------------------ building rows

    def _error_label(self, style: str = ERROR_STYLE) -> QLabel:
        label = QLabel()
        label.setStyleSheet(style)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def field_row(
        self,
        widget: QWidget,
        key: str,
        hint: str | None = None,
        *,
        mark: QWidget | None = None,
        label: str = "",
    ) -> QWidget:
        """`widget` with (initially hidden) reason and note labels under it, registered for
        `key`. `mark` is what turns red on a problem (default: `widget` itself)."""
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
        note_label = self._error_label(NOTE_STYLE)
        note_label.setObjectName(f"note:{key}")
        layout.addWidget(note_label)
        self._fields[key] = FieldRow(widget, mark or widget, error, note_label, label)
        return box

    def add_field(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget,
        key: str,
        hint: str | None = None,
        *,
        mark: QWidget | None = None,
    ) -> None:
        form.addRow(label, self.field_row(widget, key, hint, mark=mark, label=label))

    def set_label(self, key: str, label: str) -> None:
        """The field's name in messages, for rows built with `field_row`."""
        self._fields[key].label = label

    # ------------------------------------------------------------------ errors and notes

    def error_label(self, key: str) -> QLabel:
        """The reason label of field `key` (tests read it)."""
        return self._fields[key].error

    def note_label(self, key: str) -> QLabel:
        return self._fields[key].note

    def clear_errors(self) -> None:
        self.page_error.hide()
        self.page_error.clear()
        for row in self._fields.values():
            row.error.hide()
            row.error.clear()
            self._mark(row.mark, False)

    def _mark(self, widget: QWidget, on: bool) -> None:
        """A red frame around `widget` only: an id selector keeps it off the children."""
        ident = id(widget)
        if ident not in self._base_styles:
            if not on:
                return
            self._base_styles[ident] = widget.styleSheet()
        base = self._base_styles[ident]
        if not on:
            widget.setStyleSheet(base)
            return
        if not widget.objectName():
            widget.setObjectName(f"field{ident}")
        name = widget.objectName()
        selector = f'*[objectName="{name}"]'
        if base and "{" not in base:
            base = f"{selector} {{ {base} }}"
        if type(widget) is QWidget:
            widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        widget.setStyleSheet(
            f"{base}\n{selector} {{ border: 1px solid {MARK_COLOR}; border-radius: 3px; }}"
        )

    def _target(self, field: str) -> str | None:
        plain = re.sub(r"\[\d+\]", "", field)
        parts = plain.split(".")
        for end in range(len(parts), 0, -1):
            key = ".".join(parts[:end])
            key = self.ALIASES.get(key, key)
            if key in self._fields:
                return key
        return None

    def reason_text(self, error: CaseError, key: str | None) -> str:
        label = self._fields[key].label if key else ""
        label = label.rstrip("：:")
        return reason(error, label, key, self.draft.data, self.env.catalog.texts, self.env.lang)

    def show_error(self, error: CaseError) -> None:
        """Add `error` beside its field (or under the page when no field of it is here)."""
        key = self._target(error.field)
        message = self.reason_text(error, key)
        if key is None:
            self.show_message(message)
            return
        row = self._fields[key]
        if row.error.text():
            return  # one reason per field: the first
        row.error.setText(message)
        row.error.show()
        self._mark(row.mark, True)

    def show_errors(self, errors: list[CaseError], focus: bool = False) -> None:
        self.clear_errors()
        for error in errors:
            self.show_error(error)
        order = list(self._fields)
        keys = [key for key in (self._target(e.field) for e in errors) if key is not None]
        if focus and keys:  # the first field in error, top to bottom
            self._focus(self._fields[min(keys, key=order.index)].widget)

    def _focus(self, widget: QWidget) -> None:
        target = widget
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            inputs = [w for w in widget.findChildren(QWidget) if w.isEnabled() and _is_input(w)]
            target = inputs[0] if inputs else widget
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(target)

    def show_message(self, message: str) -> None:
        text = self.page_error.text()
        self.page_error.setText(f"{text}\n{message}" if text else message)
        self.page_error.show()

    def set_note(self, key: str, text: str | None, tone: str = "warn") -> None:
        """A note beside field `key` that does not stop the seller (`tone` "warn": look at
        this; "info": where a value came from); None hides it."""
        label = self._fields[key].note
        label.setStyleSheet(NOTE_STYLE if tone == "warn" else INFO_STYLE)
        label.setText(text or "")
        label.setVisible(bool(text))

    # ------------------------------------------------------------------ checking

    def page_errors(self) -> list[CaseError]:
        """Every problem of this page: the domain's, then the page's own."""
        # The page's own checks first: they are the more precise (a share typed that is no
        # share, rather than the amount it left empty); one reason per field is shown.
        return self.extra_errors() + collect_errors(self.draft.data, self.known, self.env.clock())

    def extra_errors(self) -> list[CaseError]:
        """The page's own checks beyond the case format (a ticked box with no date...)."""
        return []

    def update_notes(self) -> None:
        """Show or hide the page's notes (called whenever an input changes)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._watching:
            self._watching = True
            self._watch_inputs()
        self.update_notes()  # coming back from a later page: what it changed may matter here
        self.scroll.verticalScrollBar().setValue(0)
        QTimer.singleShot(0, self._focus_first_field)

    def _focus_first_field(self) -> None:
        """Start typing in the page's first field (not on a button above it)."""
        if not self.isVisible() or not self._fields:
            return
        focused = self.focusWidget()
        if focused is not None and not isinstance(focused, QAbstractButton | QScrollArea):
            return  # the seller (or a refusal) already put the focus somewhere
        first = next(iter(self._fields.values())).widget
        inputs = [first] if _is_input(first) else first.findChildren(QWidget)
        for widget in inputs:
            if _is_input(widget) and widget.isEnabled() and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _watch_inputs(self) -> None:
        for widget in self.body.findChildren(QObject):
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self._input_changed)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self._input_changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._input_changed)
            elif isinstance(widget, QDateTimeEdit):
                widget.dateTimeChanged.connect(self._input_changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._input_changed)

    def _input_changed(self, *_: object) -> None:
        if not self._recheck_queued:
            self._recheck_queued = True
            QTimer.singleShot(0, self._recheck)

    def _recheck(self) -> None:
        self._recheck_queued = False
        if not self.isVisible():
            return
        self.collect()
        if self.LIVE and self._refused:
            # Reasons already shown follow the typing (gone once fixed, reworded if the
            # problem changed); a question just revealed is not scolded before the next Next.
            shown = {key for key, row in self._fields.items() if row.error.text()}
            still = [e for e in self.page_errors() if self._target(e.field) in shown]
            self.show_errors(still)
        self.update_notes()

    def case_or_none(self):  # type: ignore[no-untyped-def]
        """The case as far as it is complete and valid, else None (photo checks use it)."""
        try:
            return self.draft.case(self.env.clock())
        except CaseError:
            return None

    # ------------------------------------------------------------------ wizard protocol

    def collect(self) -> None:
        """Write this page's widgets into the draft."""

    def after_valid(self) -> bool:
        """Extra work once the page's input passed (e.g. remember a choice); False stays."""
        return True

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.collect()
        errors = self.page_errors()
        self.update_notes()
        if errors:
            log.info("page %s refused: %s", type(self).__name__, [str(e) for e in errors])
            self._refused = True
            self.show_errors(errors, focus=True)
            return False
        self.clear_errors()
        return self.after_valid()


def late_safe(
    page: QWidget,
    draft: WizardDraft,
    photos_of: Callable[[Any], list[dict[str, Any]]],
    on_page: Callable[[Any, list[dict[str, Any]]], None],
) -> Callable[[Any], None]:
    """The result handler of background work that prepares photos: the photos reach the draft
    (and the case, when the wizard has closed meanwhile with its work kept) whatever became of
    `page`; `on_page(result, repeated)` shows the rest while the page is still there."""

    def deliver(result: Any) -> None:
        repeated = draft.deliver_photos(photos_of(result))
        if not draft.closed and shiboken6.isValid(page):
            on_page(result, repeated)

    return deliver


def _is_input(widget: QWidget) -> bool:
    return isinstance(
        widget, QLineEdit | QPlainTextEdit | QAbstractButton | QComboBox | QAbstractSpinBox
    )
