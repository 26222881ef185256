"""run_task: work on the pool, results and errors back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from seller_app.ui.tasks import run_task, tasks_running


def test_result_progress_and_error_arrive_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(report):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        for done in range(1, 4):
            report(done, 3)
        return 42

    progress: list[tuple[int, int]] = []

    def done(value: object) -> None:
        seen["result"] = value
        seen["done_thread"] = threading.get_ident()

    run_task(work, done, on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42 and seen["done_thread"] == gui and seen["worker"] != gui
    qtbot.waitUntil(lambda: len(progress) == 3)
    assert progress == [(1, 3), (2, 3), (3, 3)]

    errors: list[Exception] = []

    def fail() -> None:
        raise ValueError("照片损坏")

    run_task(fail, lambda _: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "照片损坏"
    qtbot.waitUntil(lambda: tasks_running() == 0)


def test_a_result_for_a_deleted_widget_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    gate = threading.Event()
    delivered: list[object] = []
    run_task(lambda: gate.wait(5) and "late", delivered.append, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label))
    gate.set()
    qtbot.waitUntil(lambda: tasks_running() == 0)
    assert delivered == []
