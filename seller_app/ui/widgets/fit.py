"""Windows that fit the screen they open on: at 150 % scaling a 1280 x 800 screen is 853 x 533
device-independent pixels, smaller than the sizes our windows ask for."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 0.94  # of the available area, leaving room for the window frame


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to `width` x `height`, or as much of it as the screen's free area holds."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, int(area.width() * MARGIN)), min(height, int(area.height() * MARGIN)))
