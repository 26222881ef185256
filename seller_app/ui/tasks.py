"""Long work off the GUI thread: `run_task(fn, on_done)` on the global `QThreadPool`.

The worker only runs `fn`; its result (or exception) is posted back to the GUI thread through a
queued signal, so `on_done` / `on_error` / `on_progress` run where widgets may be touched.
Workers never touch widgets (Picard's ``util/thread.py`` does the same).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]

# Signal carriers of running tasks; kept alive here until their result has been delivered.
_running: set[_TaskSignals] = set()
_pool: QThreadPool | None = None


def task_pool() -> QThreadPool:
    """The app's own worker pool. Qt itself uses the global pool (for instance to scale images
    on several threads); long tasks of ours there crashed the process in a Qt worker (seen with
    the batch import), so ours never go there."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
    return _pool


class _TaskSignals(QObject):
    """Created on the GUI thread; its slots run there because the connections are queued."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None,
        on_progress: ProgressFn | None,
        owner: QObject | None,
    ) -> None:
        super().__init__()
        self.owner = owner
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        queued = Qt.ConnectionType.QueuedConnection
        self.done.connect(self._deliver_result, queued)
        self.failed.connect(self._deliver_error, queued)
        self.progress.connect(self._deliver_progress, queued)

    def _owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        _running.discard(self)
        if not self._owner_gone():
            self.on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        _running.discard(self)
        if self.on_error is not None and not self._owner_gone():
            self.on_error(error)  # type: ignore[arg-type]

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self.on_progress is not None and not self._owner_gone():
            self.on_progress(done, total)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _TaskSignals, wants_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.wants_progress = wants_progress

    def run(self) -> None:
        try:
            args = (self.signals.progress.emit,) if self.wants_progress else ()
            result = self.fn(*args)
        except Exception as error:  # noqa: BLE001 - every failure is reported to the GUI thread
            if callable(getattr(error, "message", None)):
                # A worded error of ours (store, keychain): expected, the user is told; no trace.
                log.warning("background task: %s", error)
            else:
                log.exception("background task failed")
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


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
    """
    signals = _TaskSignals(on_done, on_error, on_progress, owner)
    _running.add(signals)
    (pool or task_pool()).start(_Task(fn, signals, on_progress is not None))


def tasks_running() -> int:
    """How many tasks have not yet delivered their result (tests wait for 0)."""
    return len(_running)
