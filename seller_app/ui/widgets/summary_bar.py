"""The header above the case list: where the seller stands at a glance.

Four tiles -- claims waiting to be sent, claims waiting for the courier, cases overdue (and due
today), and this month's money claimed against money received. Clicking one of the first three
(or Space / Enter on it) shows only those cases in the list; clicking it again shows all.

The tiles are made when the header is first shown or filled (issue 16): the main window starts
with it hidden, and a tile needs PySide6's `Qt` namespace, whose ~100 enum types PySide6 builds
all at once on its first use -- after the window's first frame, not before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import format_money

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent

    from ..case_rows import Summary

TONES = {
    "plain": ("#1f2937", "#f5f7fa", "#d9dee5"),
    "alert": ("#b3261e", "#fdecea", "#f1b7b2"),
    "warn": ("#8a5300", "#fff3d6", "#f0d28f"),
    "good": ("#1b5e20", "#eef7ee", "#b9dcba"),
}


class Tile(QFrame):
    """A figure with a caption and a line below it; clickable when it has a `view`."""

    clicked = Signal(str)

    def __init__(self, name: str, caption: str, view: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import Qt

        self.setObjectName(name)
        self.view = view
        self.checked = False
        self.tone = "plain"
        self.figure = QLabel("—")
        self.figure.setObjectName(f"{name}Figure")
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.figure.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setObjectName(f"{name}Caption")
        self.detail = QLabel("")
        self.detail.setObjectName(f"{name}Detail")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.figure)
        top.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        # Never narrower than its words (a wrapped line was cut off at 150 % scaling).
        self.setSizePolicy(QSizePolicy.Policy.MinimumExpanding, QSizePolicy.Policy.Fixed)
        if view is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._restyle()

    def set_values(self, figure: str, detail: str, tone: str = "plain") -> None:
        self.figure.setText(figure)
        self.detail.setText(detail)
        self.tone = tone
        self._restyle()

    def set_checked(self, checked: bool) -> None:
        self.checked = checked
        self._restyle()

    def _restyle(self) -> None:
        ink, fill, edge = TONES[self.tone]
        border = f"2px solid {ink}" if self.checked else f"1px solid {edge}"
        name = self.objectName()
        self.setStyleSheet(
            f"#{name} {{ background: {fill}; border: {border}; border-radius: 6px; }}"
            f"#{name}:focus {{ border: 2px solid #0d47a1; }}"
        )
        self.figure.setStyleSheet(f"color: {ink}; background: transparent; border: none;")
        for label in (self.caption, self.detail):
            label.setStyleSheet("color: #374151; background: transparent; border: none;")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt

        if self.view is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.view)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt

        if self.view is not None and event.key() in (
            Qt.Key.Key_Space,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.clicked.emit(self.view)
            return
        super().keyPressEvent(event)


class SummaryBar(QWidget):
    view_changed = Signal(object)
    """The group to show (``to_file``, ``with_courier``, ``urgent``) or None for all cases."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.view: str | None = None
        self.tiles: tuple[Tile, ...] = ()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(8)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._make_tiles()
        super().showEvent(event)

    def _make_tiles(self) -> None:
        if self.tiles:
            return
        self.to_file = Tile("toFileTile", self.tr("待提交"), "to_file")
        self.with_courier = Tile("withCourierTile", self.tr("等快递公司处理"), "with_courier")
        self.urgent = Tile("overdueTile", self.tr("已逾期"), "urgent")
        self.money = Tile("moneyTile", self.tr("本月索赔"), None)
        self.tiles = (self.to_file, self.with_courier, self.urgent)
        self.to_file.setToolTip(self.tr("已填好、还没提交给快递公司的索赔（含未填完的草稿）"))
        self.with_courier.setToolTip(
            self.tr("已提交给快递公司、还没结案的索赔：等它答复、赔付，或处理投诉和申诉")
        )
        self.urgent.setToolTip(self.tr("下一个期限已过或今天到期的案件"))
        self.money.setToolTip(
            self.tr("本月提交的索赔所要求的金额，和本月实际收到的赔款（不论哪个月提交的）")
        )
        layout = self.layout()
        for tile in (*self.tiles, self.money):
            layout.addWidget(tile)
        for tile in self.tiles:
            tile.clicked.connect(self._toggle)

    def show_summary(self, summary: Summary) -> None:
        self._make_tiles()
        drafts = (
            self.tr("另有 %1 份草稿未填完").replace("%1", str(summary.drafts))
            if summary.drafts
            else self.tr("已填好，还没提交")
        )
        tone = "warn" if summary.to_file else "plain"
        self.to_file.set_values(str(summary.to_file), drafts, tone)
        self.with_courier.set_values(str(summary.with_courier), self.tr("等它答复、赔付或处理投诉"))
        today = self.tr("今天到期 %1 项").replace("%1", str(summary.due_today))
        tone = "alert" if summary.overdue else ("warn" if summary.due_today else "good")
        self.urgent.set_values(str(summary.overdue), today, tone)
        received = self.tr("本月到账 %1").replace(
            "%1", format_money(summary.received_month, self.lang)
        )
        self.money.set_values(
            format_money(summary.claimed_month, self.lang),
            received,
            "good" if summary.received_month else "plain",
        )

    def _toggle(self, view: str) -> None:
        self.set_view(None if view == self.view else view)

    def set_view(self, view: str | None) -> None:
        self._make_tiles()
        self.view = view
        for tile in self.tiles:
            tile.set_checked(tile.view == view)
        self.view_changed.emit(view)
