"""`seller-app`: the desktop application (PySide6). The Qt code lives in `seller_app.ui`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv if argv is None else argv
    if "--self-test" in args[1:]:  # the smoke test of a build: no user data (--window: a window)
        from seller_app.selftest import main as self_test

        return self_test(args[1:])
    from seller_app.ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
