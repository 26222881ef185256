"""The photo workers' pool, in a module of its own that imports only the standard library.

- A "spawn" worker imports the module of every function it is handed, starting with the pool's
  initializer. Kept in the importer, that initializer made each worker import the importer and
  with it the domain rules, the timeline and the checks (~0.1 s of CPU a worker, issue 16) that
  only the parent process uses.
- `warm_up` starts the workers before the caller imports the importer (~0.12 s): a cold
  ``seller-claims form --photos`` has its workers starting while it reads the rest.
"""

from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from importlib import import_module

_pool_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_workers = 0


def shared_pool(workers: int) -> ProcessPoolExecutor:
    """One pool of worker processes for the whole session, started on first use.

    Starting workers costs a fresh interpreter and the imports of preparing a photo (Pillow,
    zxing-cpp), so the pool is kept and reused. Workers are started with "spawn" everywhere: the
    same behaviour as Windows/macOS and the frozen app, and safe to use from a Qt worker thread
    (fork in a threaded process can deadlock). A frozen app must call
    ``multiprocessing.freeze_support()`` first thing in ``main()``.
    """
    global _pool, _pool_workers
    with _pool_lock:
        if _pool is None or _pool_workers != workers:
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            context = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=leave_with_parent
            )
            _pool_workers = workers
        return _pool


def forget_pool(pool: ProcessPoolExecutor) -> None:
    """`pool` is broken (a worker died): the next batch starts a fresh one."""
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None


def running_pool() -> ProcessPoolExecutor | None:
    """The session's pool if it has been started."""
    return _pool


def shutdown_pool(wait: bool = True) -> None:
    """Stop the worker processes (at exit; tests that want a cold start). Without `wait`, they
    leave in the background: a command that has its photos lets them exit while it writes its
    output instead of after (~40 ms at its exit, issue 16)."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=wait, cancel_futures=True)
            _pool = None


atexit.register(shutdown_pool)


WORKER_MODULE = "seller_app.evidence.prepare"
"""What a worker runs (Pillow and the checks; zxing-cpp comes with a first barcode read): imported
by `warm_up`, before the first photo."""


def warm_up(processes: int | None = None) -> None:
    """Start the worker processes now (e.g. when the photo page opens) so the first import does
    not wait for them, and have them import what preparing a photo needs (Pillow and ~30 ms
    more) while the caller does its own work. Returns at once; the workers start in the
    background. Called again for a pool of the same size, it does nothing (the CLI starts the
    pool before the command that also asks for it, issue 16)."""
    workers = processes or os.cpu_count() or 1
    if workers > 1 and (_pool is None or _pool_workers != workers):  # once per pool
        pool = shared_pool(workers)
        for _ in range(workers):
            pool.submit(preload, WORKER_MODULE)


def preload(module: str) -> None:
    """Worker task: import `module` (by name: this module stays standard-library only)."""
    import_module(module)


def leave_with_parent() -> None:
    """Worker start-up: exit as soon as the process that started the pool is gone.

    An app (or a test run) that leaves with ``os._exit`` never shuts the pool down, and a worker
    holds the write end of its own task queue, so it would wait for work forever: every session
    would leave its workers behind. The parent's sentinel (a pipe on POSIX, the process handle
    on Windows) becomes ready when the parent dies.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="leave-with-parent", daemon=True).start()
