"""Run something once a window has painted its first frame (issue 16).

Work the first window does not need -- opening the store (keychain, cryptography), the holiday
schedules, tidying the temp folder -- waits until the seller sees the window. A zero timer after
``show()`` is not enough: Qt runs it before the window's first paint. The window's first Paint
event is watched instead, and `then` runs on the event-loop turn after it, once the whole
window is painted. A window that is never painted (minimised at start, a platform that does not
expose it) still gets `then` after `fallback_ms`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class _FirstFrame(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)
        # a timer of its own, not QTimer.singleShot(ms, context, slot): PySide6 builds two
        # enum types choosing that overload (0.3 ms before the first frame)
        self.fallback = QTimer(self)
        self.fallback.setSingleShot(True)
        self.fallback.timeout.connect(self._run)
        self.fallback.start(fallback_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.then is not None:
            self.window.removeEventFilter(self)
            self.fallback.start(0)  # the next turn of the event loop
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            self.window.removeEventFilter(self)
            then()


def after_first_frame(
    window: QWidget, then: Callable[[], None], fallback_ms: int = FALLBACK_MS
) -> None:
    """Call `then` once, on the event-loop turn after `window` first painted (or after
    `fallback_ms`, whichever comes first). Nothing is called if the window is deleted first."""
    _FirstFrame(window, then, fallback_ms)
