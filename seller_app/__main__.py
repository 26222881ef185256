"""`seller-app`: the desktop application (placeholder window until the wizard lands)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv if argv is None else argv)
    app.setApplicationName("理赔助手")
    label = QLabel(
        "理赔助手 — Seller claims assistant\n(the claim wizard arrives in a later version)"
    )
    label.setMargin(40)
    label.setWindowTitle("理赔助手")
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
