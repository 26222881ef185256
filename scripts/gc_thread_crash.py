#!/usr/bin/env python3
"""The GUI batch import's segmentation fault (issue 15), reduced: dialogs without a parent left in
reference cycles (as closed dialogs and wizards were), and a worker thread that allocates (as
ReportLab does making a claim form) -- so Python's automatic garbage collector runs on the worker
and destroys the dialogs there, while the GUI thread runs its event loop.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/gc_thread_crash.py ROUNDS none|guard

``none`` usually dies with SIGSEGV (exit 139); ``guard`` first calls
``seller_app.ui.tasks.hold_collection()`` -- what `run_task` and the batch dialog do while work
runs, and the app for its whole run -- so the collector runs on the GUI thread only, and it prints
"survived". Not a test: the unguarded run crashes the process.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTableWidget, QVBoxLayout

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class Leftover(QDialog):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("x"))
        layout.addWidget(QTableWidget(20, 5))
        self.me = lambda: self  # a reference cycle: only the garbage collector frees it


def allocate() -> None:
    junk: list[object] = []
    for _ in range(200_000):
        junk.append([{}])
        if len(junk) > 5000:
            junk = []


def main() -> int:
    app = QApplication(sys.argv[:1])
    if sys.argv[2] == "guard":
        from seller_app.ui.tasks import hold_collection

        hold_collection()
    for _ in range(int(sys.argv[1])):
        for _ in range(30):
            dialog = Leftover()
            dialog.show()
            dialog.close()
            del dialog
        worker = threading.Thread(target=allocate)
        worker.start()
        loop = QEventLoop()  # the GUI thread runs its event loop meanwhile, as in the app
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda w=worker, lp=loop: w.is_alive() or lp.quit())
        poll.start()
        loop.exec()
        poll.stop()
        worker.join()
    print("survived")  # noqa: T201 - a diagnostic script's one line of output
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
