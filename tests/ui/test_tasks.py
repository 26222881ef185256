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


def test_garbage_is_collected_on_the_gui_thread_while_a_task_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 15's crash: the collector ran on a worker and destroyed Qt objects there. While a
    task runs, automatic collection is off; the GUI thread collects instead; afterwards it is
    as it was."""
    import gc
    import weakref

    assert gc.isenabled()
    gui = threading.get_ident()
    gate = threading.Event()
    seen: dict[str, object] = {}
    collections: list[int] = []

    def note(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            collections.append(threading.get_ident())

    def work() -> None:
        seen["enabled_on_worker"] = gc.isenabled()
        junk = [[] for _ in range(50_000)]  # allocation that would trigger a collection
        del junk
        gate.wait(10)

    class Cycle:
        pass

    gc.callbacks.append(note)
    try:
        run_task(work, lambda _: seen.setdefault("done", True))
        cycle = Cycle()
        cycle.me = cycle  # type: ignore[attr-defined]
        probe = weakref.ref(cycle)
        del cycle
        kept = [[] for _ in range(2000)]  # young objects past the threshold: a collection is due
        qtbot.waitUntil(lambda: probe() is None)  # collected by the GUI thread's timer
        del kept
        gate.set()
        qtbot.waitUntil(lambda: tasks_running() == 0)
    finally:
        gc.callbacks.remove(note)
        gate.set()
    assert seen["enabled_on_worker"] is False
    assert collections and set(collections) == {gui}
    assert gc.isenabled()
