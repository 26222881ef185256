"""Where the seller is in the wizard: "第 2 步 / 共 6 步" over the list of steps, the steps done
ticked and the current one in bold (QWizard's side panel). In a narrow window only the numbers
are shown, so the page keeps its room."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class StepPanel(QWidget):
    def __init__(self, titles: Sequence[str]) -> None:
        super().__init__()
        self.setObjectName("stepPanel")
        self.titles = list(titles)
        self.current = 0
        self.compact = False
        self.counter = QLabel()
        self.counter.setObjectName("stepCounter")
        self.counter.setWordWrap(True)
        self.counter.setStyleSheet("color: #555;")
        self.labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 12)
        layout.setSpacing(6)
        layout.addWidget(self.counter)
        for index in range(len(self.titles)):
            label = QLabel()
            label.setObjectName(f"step:{index}")
            label.setTextFormat(Qt.TextFormat.RichText)
            self.labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self.set_current(0)

    def counter_text(self) -> str:
        return (
            self.tr("第 %1 步 / 共 %2 步")
            .replace("%1", str(self.current + 1))
            .replace("%2", str(len(self.titles)))
        )

    def set_current(self, index: int) -> None:
        self.current = max(0, min(index, len(self.titles) - 1))
        self.counter.setText(
            f"{self.current + 1}/{len(self.titles)}" if self.compact else self.counter_text()
        )
        for number, (label, title) in enumerate(zip(self.labels, self.titles, strict=True)):
            shown = f"{number + 1}" if self.compact else f"{number + 1}  {title}"
            if number < self.current:
                text = f"<span style='color:#1b5e20'>✓ {shown}</span>"
            elif number == self.current:
                text = f"<b style='color:#0d47a1'>▶ {shown}</b>"
            else:
                text = f"<span style='color:#777'>　{shown}</span>"
            label.setText(text)
            label.setToolTip(title)
        self.setFixedWidth(56 if self.compact else 150)

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.set_current(self.current)
