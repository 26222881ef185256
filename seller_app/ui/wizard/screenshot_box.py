"""Reading a tracking screenshot on the shipment and signer pages (issue 20): a "从截图读取…"
button, the files dropped on the page, the reading off the GUI thread, and what it said.

The page decides what to fill in (`CasePage.screenshot_read`); this box reads, keeps the
screenshots as evidence (kind ``tracking_screenshot``) in the draft, and says why a file was
not read. The OCR models load on the first drag over the page, while the seller is still aiming.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..tasks import run_task
from .files import IMAGE_FILTER, sort_dropped
from .page import late_safe

if TYPE_CHECKING:
    from .page import CasePage

log = logging.getLogger(__name__)

_warmed = False


class ScreenshotBox(QWidget):
    """The button, hint and status line on `page`; files dropped anywhere on the page are read."""

    def __init__(self, page: CasePage, hint: str) -> None:
        super().__init__()
        self.page = page
        page.setAcceptDrops(True)
        page.installEventFilter(self)
        self.busy = False
        self.button = QPushButton(self.tr("从物流截图读取…"))
        self.button.setObjectName("readScreenshot")
        self.button.setToolTip(
            self.tr("选择快递 App 或淘宝“物流详情”的截图，或签收底单，自动读出时间和签收人")
        )
        self.button.clicked.connect(self.choose)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.status = QLabel()
        self.status.setObjectName("screenshotStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.page and isinstance(event, QDragEnterEvent):
            if event.mimeData().hasUrls():
                self.warm_up()
                event.acceptProposedAction()
            return True
        if watched is self.page and isinstance(event, QDropEvent):
            urls = event.mimeData().urls()
            event.acceptProposedAction()
            self.read([Path(url.toLocalFile()) for url in urls if url.isLocalFile()])
            return True
        return super().eventFilter(watched, event)

    def warm_up(self) -> None:
        """Load the OCR models in the background, once per session."""
        global _warmed
        if _warmed:
            return
        _warmed = True
        from .screenshot_tasks import warm_up_reader

        run_task(warm_up_reader, lambda _: None, on_error=lambda _: None)

    def say(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e;" if problem else "color: #0d47a1;")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def choose(self) -> None:
        self.warm_up()
        env = self.page.env
        start = str(env.settings.value("last_folder", str(Path.home())))
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择物流详情或签收底单截图"), start, IMAGE_FILTER()
        )
        if names:
            self.read([Path(name) for name in names])

    def read(self, paths: list[Path]) -> None:
        """Read the image files among `paths`; say why the others are not read."""
        images, refused = sort_dropped(paths)
        if refused:
            self.say("\n".join(refused), problem=True)
        if not images:
            return
        if self.busy:
            self.say(self.tr("上一张截图还在读取中，请稍等。"), problem=True)
            return
        from .screenshot_tasks import read_screenshots

        page, env, draft = self.page, self.page.env, self.page.draft
        env.settings.setValue("last_folder", str(images[0].parent))
        self.busy = True
        self.button.setEnabled(False)
        reading = self.tr("正在读取截图…（第一次需要几秒钟）")
        self.say(reading if not refused else "\n".join([*refused, reading]))
        case = page.case_or_none()
        out_dir = env.files_dir / draft.record_id / "photos"
        lang, now = env.lang, env.clock()
        run_task(
            lambda: read_screenshots(images, out_dir, case, lang, now),
            late_safe(self, draft, lambda result: result.photos, self._read),
            on_error=lambda error: self._failed(error) if shiboken6.isValid(self) else None,
        )

    def _read(self, result: Any, repeated: list[dict[str, Any]]) -> None:
        self.busy = False
        self.button.setEnabled(True)
        if result.empty:
            self.say(
                self.tr(
                    "截图里没有读到物流信息。请换一张清楚的“物流详情”截图；"
                    "面单照片请用“从面单照片读取…”。"
                ),
                problem=True,
            )
            return
        filled = self.page.screenshot_read(result)
        parts = [self.tr("已从截图读取：%1。请核对标有“从截图读取”的内容。").replace("%1", filled)]
        if result.photos:
            parts.append(self.tr("截图已作为证据加入第 3 步的照片。"))
        if repeated:
            parts.append(self.tr("这张截图之前已经加入过证据。"))
        problems = list(result.photo_errors)
        self.say("\n".join(parts + problems), problem=False)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.button.setEnabled(True)
        messages = getattr(error, "messages", None) or [str(error)]
        self.say(self.tr("无法读取截图：%1").replace("%1", "；".join(messages)), problem=True)
