#!/usr/bin/env python3
"""Cold start: process start to the main window shown, beside a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 7]

Each run is a fresh Python process; the clock runs from just before the process is spawned to
the moment the child reports its first event-loop turn after ``show()``. The bare peer does the
least a Qt app can do (QApplication + an empty QWidget). Runs alternate so machine load hits both
alike; the medians are compared against the target of 1.3 x bare (issue 16).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3  # issue 16

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1100, 680)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

APP = """
from pathlib import Path
import os
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from seller_app.ui.app import DesktopApp
app = QApplication([])
data = Path(os.environ["SELLER_APP_DATA_DIR"])
settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
DesktopApp(app, settings, data).show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def one_run(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
        encoding="ascii",  # the child prints "shown"
        errors="replace",
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"the child did not show its window (exit {process.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="startup-bench-"))
    env = dict(os.environ, SELLER_APP_DATA_DIR=str(data))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    one_run(BARE, env)  # warm the OS file cache for both
    one_run(APP, env)
    bare, full = [], []
    for _ in range(args.runs):
        bare.append(one_run(BARE, env))
        full.append(one_run(APP, env))
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(full) * 1000
    ratio = app_ms / bare_ms
    print(f"bare PySide6 window : median {bare_ms:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"seller-app main win : median {app_ms:7.1f} ms  (min {min(full) * 1000:.1f})")
    print(
        f"ratio               : {ratio:.2f} x bare   (target <= {TARGET} x)  "
        f"{'OK' if ratio <= TARGET else 'OVER TARGET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
