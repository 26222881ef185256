"""Windows that fit the screen they open on: at 150 % scaling a 1280 x 800 screen is 853 x 533
device-independent pixels, smaller than the sizes our windows ask for."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 0.94  # of the available area, leaving room for the window frame
FRAME_GUESS = (16, 48)  # a title bar and borders, before the window manager has said


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to `width` x `height`, or as much of it as the screen's free area holds."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, int(area.width() * MARGIN)), min(height, int(area.height() * MARGIN)))


def keep_on_screen(widget: QWidget) -> None:
    """A window restored where a screen no longer is (or half off one) comes back into view,
    no larger than the screen's free area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = widget.frameGeometry()
    if widget.isVisible():
        extra_w, extra_h = frame.width() - widget.width(), frame.height() - widget.height()
    else:  # the window manager's frame is not known before the window is shown
        extra_w, extra_h = FRAME_GUESS
    width = min(widget.width(), area.width() - extra_w)
    height = min(widget.height(), area.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    frame = widget.frameGeometry().adjusted(0, 0, extra_w, extra_h)
    if widget.isVisible():
        frame = widget.frameGeometry()
    if not area.contains(frame):
        x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
        widget.move(x, y)
