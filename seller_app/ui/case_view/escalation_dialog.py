"""An escalation document just made: what stands in the way (the conditions of the step, met or
not, and the warnings), the text to paste into an online form (12305's website, a courier's
complaint page, a court's online filing), and the PDF to open or save."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..widgets.fit import fit_on_screen
from .papers import Paper

MARKS = {"met": ("✔", "#1b5e20"), "unmet": ("✘", "#b3261e"), "confirm": ("？", "#8a5300")}


class EscalationDialog(QDialog):
    save_requested = Signal()
    open_requested = Signal()

    def __init__(self, paper: Paper, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationDialog")
        self.paper = paper
        self.setWindowTitle(title)
        fit_on_screen(self, 720, 620)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("%1已生成，并保存在案件的文件里。").replace("%1", title))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if paper.warnings:
            warning = QLabel("\n".join(f"⚠ {line}" for line in paper.warnings))
            warning.setObjectName("escalationWarnings")
            warning.setWordWrap(True)
            warning.setStyleSheet(
                "color: #8a1c14; background: #fdecea; border: 1px solid #f1b7b2;"
                " border-radius: 4px; padding: 6px;"
            )
            layout.addWidget(warning)
        if paper.checks:
            layout.addWidget(QLabel(self.tr("条件核对（“？”需要你自己确认）：")))
            self.checks = QListWidget()
            self.checks.setObjectName("escalationChecks")
            self.checks.setWordWrap(True)
            for check in paper.checks:
                mark, color = MARKS.get(check.status, ("·", "#374151"))
                item = QListWidgetItem(f"{mark} {check.text}")
                item.setForeground(QColor(color))
                self.checks.addItem(item)
            self.checks.setMaximumHeight(150)
            layout.addWidget(self.checks)
        layout.addWidget(QLabel(self.tr("纯文本（可复制到网上表单）：")))
        self.text = QPlainTextEdit(paper.text)
        self.text.setObjectName("escalationText")
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        self.copied = QLabel("")
        self.copied.setStyleSheet("color: #1b5e20;")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("复制文本"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copyText")
        self.copy_button.clicked.connect(self.copy_text)
        self.open_button = buttons.addButton(
            self.tr("打开 PDF"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_requested.emit)
        self.save_button = buttons.addButton(
            self.tr("另存为 PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setObjectName("savePdf")
        self.save_button.clicked.connect(self.save_requested.emit)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        for button in (self.copy_button, self.open_button, self.save_button, close):
            button.setAutoDefault(False)
        layout.addWidget(buttons)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.paper.text)
        self.copied.setText(self.tr("已复制，可以粘贴到网上表单里。"))
