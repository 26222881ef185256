"""`seller-app`: the desktop application (PySide6). The Qt code lives in `seller_app.ui`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv if argv is None else argv
    if "--self-test" in args[1:]:  # the smoke test of a build: no user data (--window: a window)
        from seller_app.selftest import main as self_test

        return self_test(args[1:])
    import gc

    # No garbage collection while the UI's modules load (issue 16: PySide6 makes thousands of
    # types and enums, none of them garbage, and the collector went through them ~10 times);
    # they are then set aside for good (`gc.freeze`), and `run` hands collection to the GUI
    # thread (tasks.py).
    gc.disable()
    try:
        from seller_app.ui.app import run
    finally:
        gc.freeze()
        gc.enable()
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
