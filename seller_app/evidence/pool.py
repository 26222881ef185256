"""What a photo worker process runs at start-up, in a module of its own.

A "spawn" worker imports the module of every function it is handed, starting with the pool's
initializer. Kept beside the importer, that initializer made each worker import the importer
and with it the domain rules, the timeline and the checks (~0.15 s of CPU a worker, issue 16)
that only the parent process uses; here it costs the standard library's own imports.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading


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
