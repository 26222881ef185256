"""Long work off the GUI thread: `run_task(fn, on_done)` on the app's own `QThreadPool`.

The worker only runs `fn`; its result (or exception) is posted back to the GUI thread through a
queued signal, so `on_done` / `on_error` / `on_progress` run where widgets may be touched.
Workers never touch widgets (Picard's ``util/thread.py`` does the same).

Two rules keep Qt objects from being destroyed on a worker thread, which crashes the process:

- Results travel through one long-lived `_Dispatcher` made on the GUI thread, never through a
  per-task QObject: a task's last reference to such an object could be dropped by the worker
  and destroy it there.
- Python's cyclic garbage collector runs wherever memory happens to be allocated. While a worker
  runs (ReportLab making a PDF allocates plenty), a collection there would destroy any unreachable
  widget, dialog or window wrapper held in a reference cycle -- from the worker thread. That was
  the batch import's segmentation fault (issue 15). So while tasks of ours run, automatic
  collection is off and `GuiThreadCollector` collects on the GUI thread instead, by the same
  thresholds (pyqtgraph's ``GarbageCollector`` and calibre do the same); the desktop app holds it
  for its whole run. Code that starts threads of its own (the batch dialog) calls
  `hold_collection` / `release_collection` around them.
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
COLLECT_INTERVAL_MS = 500

_pool: QThreadPool | None = None


def task_pool() -> QThreadPool:
    """The app's own worker pool. Qt itself uses the global pool (for instance to scale images
    on several threads); long tasks of ours there crashed the process in a Qt worker (seen with
    the batch import), so ours never go there."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
    return _pool


# --------------------------------------------------------------------------- garbage collection


class GuiThreadCollector(QObject):
    """Python's garbage collection moved to the GUI thread while it is held.

    `hold()` turns automatic collection off (remembering whether it was on) and starts a timer
    that collects each generation when its count passes the interpreter's own threshold, as the
    automatic collector would; `release()` undoes one hold, and the last one turns automatic
    collection back on. Both are called on the GUI thread only.
    """

    def __init__(self) -> None:
        super().__init__()
        self.holds = 0
        self._was_enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(COLLECT_INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)

    def hold(self) -> None:
        if self.holds == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self.timer.start()
        self.holds += 1

    def release(self) -> None:
        if self.holds == 0:
            return
        self.holds -= 1
        if self.holds == 0:
            self.timer.stop()
            if self._was_enabled:
                gc.enable()

    @Slot()
    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns how many
        objects were found unreachable."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        found = 0
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                found = gc.collect(generation)  # collects the younger generations too
                break
        return found


_collector: GuiThreadCollector | None = None


def collector() -> GuiThreadCollector:
    """The one collector (made on first use, on the GUI thread)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector()
    return _collector


def hold_collection() -> None:
    """No automatic garbage collection until the matching `release_collection` (GUI thread)."""
    collector().hold()


def release_collection() -> None:
    collector().release()


# --------------------------------------------------------------------------- tasks


class _Callbacks:
    """A running task's callbacks (a plain class: this module is imported before the main
    window's first frame, `dataclasses` is not)."""

    __slots__ = ("on_done", "on_error", "on_progress", "owner")

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None,
        on_progress: ProgressFn | None,
        owner: QObject | None,
    ) -> None:
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.owner = owner

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)


class _Dispatcher(QObject):
    """Made once on the GUI thread and never deleted; workers emit on it, its slots run on the
    GUI thread (queued connections) and hand each result to the task's callbacks."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[int, _Callbacks] = {}
        # Imported here, when the first task runs (after the main window's first frame): PySide6
        # builds all of the `Qt` namespace's ~100 enum types on its first import (issue 16).
        from PySide6.QtCore import Qt

        queued = Qt.ConnectionType.QueuedConnection
        self.done.connect(self._deliver_result, queued)
        self.failed.connect(self._deliver_error, queued)
        self.progress.connect(self._deliver_progress, queued)

    def _finish(self, task_id: int) -> _Callbacks | None:
        callbacks = self.running.pop(task_id, None)
        if callbacks is not None:
            release_collection()
        return callbacks

    @Slot(int, object)
    def _deliver_result(self, task_id: int, result: object) -> None:
        callbacks = self._finish(task_id)
        if callbacks is not None and not callbacks.owner_gone():
            callbacks.on_done(result)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, error: object) -> None:
        callbacks = self._finish(task_id)
        if callbacks is not None and callbacks.on_error is not None and not callbacks.owner_gone():
            callbacks.on_error(error)  # type: ignore[arg-type]

    @Slot(int, int, int)
    def _deliver_progress(self, task_id: int, done: int, total: int) -> None:
        callbacks = self.running.get(task_id)
        if callbacks is not None and callbacks.on_progress and not callbacks.owner_gone():
            callbacks.on_progress(done, total)


_dispatcher: _Dispatcher | None = None
_ids = itertools.count(1)


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


class _Task(QRunnable):
    """Holds only the work and the task's number: nothing a worker could destroy."""

    def __init__(
        self, task_id: int, fn: Callable[..., Any], dispatcher: _Dispatcher, wants_progress: bool
    ) -> None:
        super().__init__()
        self.task_id = task_id
        self.fn = fn
        self.dispatcher = dispatcher
        self.wants_progress = wants_progress

    def _report(self, done: int, total: int) -> None:
        self.dispatcher.progress.emit(self.task_id, done, total)

    def run(self) -> None:
        try:
            args = (self._report,) if self.wants_progress else ()
            result = self.fn(*args)
        except Exception as error:  # noqa: BLE001 - every failure is reported to the GUI thread
            if callable(getattr(error, "message", None)):
                # A worded error of ours (store, keychain): expected, the user is told; no trace.
                log.warning("background task: %s", error)
            else:
                log.exception("background task failed")
            self.dispatcher.failed.emit(self.task_id, error)
        else:
            self.dispatcher.done.emit(self.task_id, result)


def run_task(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    *,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: ProgressFn | None = None,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run `fn()` on the thread pool and call `on_done(result)` on the GUI thread.

    With `on_progress`, `fn` is called as ``fn(report)`` and may call ``report(done, total)``
    from the worker; `on_progress(done, total)` then runs on the GUI thread. Exceptions go to
    `on_error` (logged either way), never up into Qt. When `owner` (the widget the callbacks
    update) has been deleted by the time the result arrives, the result is dropped.

    Call it on the GUI thread. `fn` must not capture widgets: it runs, and is released, on the
    worker.
    """
    dispatcher = _the_dispatcher()
    task_id = next(_ids)
    dispatcher.running[task_id] = _Callbacks(on_done, on_error, on_progress, owner)
    hold_collection()
    (pool or task_pool()).start(_Task(task_id, fn, dispatcher, on_progress is not None))


def tasks_running() -> int:
    """How many tasks have not yet delivered their result (tests wait for 0)."""
    return 0 if _dispatcher is None else len(_dispatcher.running)
