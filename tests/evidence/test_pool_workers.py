"""The photo workers leave with the app: a process that exits without shutting the pool down
(the app and the test runner leave with os._exit) leaves no worker behind."""

from __future__ import annotations

import os
import sys
import time

from tests.processes import run_python

CHILD = """
import os, sys
from seller_app.evidence import pool as workers
workers.warm_up(2)
pool = workers.shared_pool(2)
for future in [pool.submit(os.getpid) for _ in range(4)]:
    future.result()
print(" ".join(str(pid) for pid in pool._processes), flush=True)
os._exit(0)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie waiting for init to reap it has left too
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except OSError:
        return True


def test_workers_exit_when_the_app_leaves_without_shutting_down() -> None:
    result = run_python(["-c", CHILD], timeout=60)
    assert result.returncode == 0, result.stderr
    pids = [int(pid) for pid in result.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids), f"workers {pids} outlived the app"


if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) terminates on Windows
    del test_workers_exit_when_the_app_leaves_without_shutting_down


LEAN = """
from seller_app.evidence import pool as workers
pool = workers.shared_pool(2)
print(pool.submit(eval, "sorted(__import__('sys').modules)").result())
"""


def test_a_photo_worker_starts_without_the_parent_s_modules() -> None:
    """A worker imports what preparing a photo needs, not the importer, the checks or the
    domain rules (each import costs every worker at its start, issue 16)."""
    result = run_python(["-c", LEAN], timeout=60)
    assert result.returncode == 0, result.stderr
    modules = result.stdout
    assert "seller_app.evidence.pool" in modules
    for heavy in ("seller_app.evidence.importer", "seller_app.domain", "reportlab"):
        assert f"'{heavy}'" not in modules
