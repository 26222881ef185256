"""`seller-app`: the desktop application (PySide6). The Qt code lives in `seller_app.ui`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from seller_app.ui.app import run

    return run(sys.argv if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
