"""When a save did not happen: another desk changed the case first, or the shop server cannot
be reached. One place words both and offers the way on (issue 17).

- `ConcurrentEditError`: "这个案件刚被 仓库电脑 修改过（2026-11-21 10:05）" with 重新载入 (the
  window shows the other desk's version; nothing of theirs is lost) and 取消 (nothing changes;
  what the seller typed stays where it is). Never an overwrite.
- `ServerUnreachableError`: the reason in words, that nothing was saved and that the work is
  still in the window, with 重试, 在本机案件库上工作 (only when the window offering it can carry
  its work over or has none) and 取消. Nothing goes to the local store unless the seller picks
  it.
- anything else: the store's own words in a plain warning.

`SaveProblems` is made by the main window and handed to the windows that save (the wizard, the
case view); it never saves anything itself. Only one such box is open at a time: a list
refreshing in the background while a box is up does not stack a second one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:  # imported when a problem is shown, not before the first window (issue 16)
    from seller_app.store import ConcurrentEditError, ServerUnreachableError

log = logging.getLogger(__name__)

CONFLICT_BOX = "concurrentEdit"
UNREACHABLE_BOX = "serverUnreachable"
PROBLEM_BOX = "saveProblem"
# Room for a sentence per line in a message box (a narrow one wraps every few characters). Only
# the informative text: a minimum width on the main text hides its length from QMessageBox,
# which then neither widens the box nor wraps it, and cuts the sentence off.
WIDE_BOX = "QLabel#qt_msgbox_informativelabel { min-width: 24em; }"


def is_unreachable(error: BaseException) -> bool:
    from seller_app.store import ServerUnreachableError

    return isinstance(error, ServerUnreachableError)


def message_of(error: BaseException, lang: str) -> str:
    words = getattr(error, "message", None)
    return words(lang) if callable(words) else str(error)


class SaveProblems(QObject):
    local_requested = Signal()
    """The seller chose to keep working on this PC's own store (the app switches)."""

    def __init__(self, lang: str, parent: QObject | None = None, *, can_go_local: bool = False):
        super().__init__(parent)
        self.lang = lang
        self.can_go_local = can_go_local
        self.box: QMessageBox | None = None

    def show(
        self,
        parent: QWidget,
        error: BaseException,
        *,
        reload: Callable[[], None] | None = None,
        retry: Callable[[], None] | None = None,
        title: str | None = None,
        unsaved: str | None = None,
        go_local: bool = True,
    ) -> QMessageBox | None:
        """Say why the save did not happen and offer the way on. `reload` shows the other
        desk's version (a conflict); `retry` tries the same save again (server away); `unsaved`
        says where the seller's work is meanwhile; `go_local` False where the window cannot
        take its work along. Returns the box (None when one is already open)."""
        if self.box is not None and self.box.isVisible():
            log.info("a save problem is already shown: %s", error)
            return None
        from seller_app.store import ConcurrentEditError, ServerUnreachableError

        if isinstance(error, ConcurrentEditError):
            box = self._conflict(parent, error, reload, unsaved)
        elif isinstance(error, ServerUnreachableError):
            box = self._unreachable(parent, error, retry, unsaved, go_local)
        else:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                title or self.tr("没有保存"),
                message_of(error, self.lang),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            box.setObjectName(PROBLEM_BOX)
        box.finished.connect(lambda _: self._closed(box))
        self.box = box
        box.open()  # not exec(): nothing waits on the seller's answer
        return box

    def _conflict(
        self,
        parent: QWidget,
        error: ConcurrentEditError,
        reload: Callable[[], None] | None,
        unsaved: str | None,
    ) -> QMessageBox:
        desk = error.desk or self.tr("另一台电脑")
        box = QMessageBox(parent)
        box.setObjectName(CONFLICT_BOX)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("案件已被修改"))
        box.setText(
            self.tr("这个案件刚被 %1 修改过（%2）。")
            .replace("%1", desk)
            .replace("%2", f"{error.at:%Y-%m-%d %H:%M}")
        )
        box.setInformativeText(
            (unsaved or self.tr("你的这次修改没有保存。"))
            + "\n"
            + self.tr("点“重新载入”看对方的修改（对方的内容不会丢失），然后再改一次。")
        )
        box.setStyleSheet(WIDE_BOX)
        again = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("reloadCase")
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelReload")
        box.setDefaultButton(again)
        box.setEscapeButton(cancel)
        if reload is not None:
            again.clicked.connect(lambda: reload())
        return box

    def _unreachable(
        self,
        parent: QWidget,
        error: ServerUnreachableError,
        retry: Callable[[], None] | None,
        unsaved: str | None,
        go_local: bool,
    ) -> QMessageBox:
        box = QMessageBox(parent)
        box.setObjectName(UNREACHABLE_BOX)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("连不上共享案件库"))
        box.setText(message_of(error, self.lang))
        box.setInformativeText(unsaved or self.tr("刚才的修改没有保存，也没有保存到别处。"))
        box.setStyleSheet(WIDE_BOX)
        again = box.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("retrySave")
        if retry is not None:
            again.clicked.connect(lambda: retry())
        if self.can_go_local and go_local:
            local = box.addButton(self.tr("在本机案件库上工作"), QMessageBox.ButtonRole.ActionRole)
            local.setObjectName("workLocally")
            local.clicked.connect(self.local_requested.emit)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelSave")
        box.setDefaultButton(again)
        box.setEscapeButton(cancel)
        return box

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()
