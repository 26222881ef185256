"""The photo workers leave with the app: a process that exits without shutting the pool down
(the app and the test runner leave with os._exit) leaves no worker behind."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from seller_app.domain.case import PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoInput, import_photos
from seller_app.evidence import pool as workers
from seller_app.evidence.model import prepare_jobs
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


# -- photos handed over ahead (issue 16) --------------------------------------------------------


def _photos(folder: Path) -> list[PhotoInput]:
    from tests.documents.photo_helpers import jpeg

    return [
        PhotoInput(jpeg(folder / "a.jpg", seed=1)),
        PhotoInput(jpeg(folder / "b.jpg", seed=2), PhotoKind.WAYBILL_LABEL),
        PhotoInput(jpeg(folder / "c.jpg", seed=3), PhotoKind.DAMAGED_ITEM),
    ]


def _count_submissions(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    pool = workers.shared_pool(2)
    submitted: list[object] = []
    original = pool.submit

    def counted(fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        submitted.append(args)
        return original(fn, *args, **kwargs)

    monkeypatch.setattr(pool, "submit", counted)
    return submitted


def test_photos_handed_over_ahead_are_taken_not_prepared_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _photos(tmp_path / "in")
    plain = import_photos(inputs, tmp_path / "plain", processes=2)
    workers.prepare_ahead(prepare_jobs(inputs, tmp_path / "out"))
    submitted = _count_submissions(monkeypatch)
    ahead = import_photos(inputs, tmp_path / "out", processes=2)
    assert submitted == []
    assert [_facts(p) for p in ahead] == [_facts(p) for p in plain]


def _facts(photo: object) -> dict[str, Any]:
    """All of an imported photo but the folder of its prepared copy."""
    assert isinstance(photo, EvidencePhoto)
    facts = asdict(photo)
    facts["prepared_path"] = photo.prepared_path.name
    return facts


def test_a_photo_handed_over_for_other_jobs_is_prepared_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _photos(tmp_path / "in")
    # barcodes read from every photo ahead; the batch reads them from labels and unknown kinds
    workers.prepare_ahead(prepare_jobs(inputs, tmp_path / "out", read_barcodes=True))
    submitted = _count_submissions(monkeypatch)
    results = import_photos(inputs, tmp_path / "out", processes=2)
    # the unknown kind and the label have their barcodes read either way: taken; the damaged
    # item's job differs (its barcodes are not read): prepared again
    assert submitted == [(prepare_jobs(inputs[2:], tmp_path / "out")[0],)]
    assert all(isinstance(r, EvidencePhoto) for r in results)
    assert results[2].barcodes == ()  # type: ignore[union-attr]


def test_photos_handed_over_ahead_are_forgotten_with_their_pool(tmp_path: Path) -> None:
    inputs = _photos(tmp_path / "in")
    jobs = prepare_jobs(inputs, tmp_path / "out")
    workers.shared_pool(2)
    workers.prepare_ahead(jobs)
    workers.shutdown_pool()
    assert workers.take_ahead(jobs[0]) is None
    workers.prepare_ahead(jobs)  # no pool running: nothing handed over
    assert workers.take_ahead(jobs[0]) is None
