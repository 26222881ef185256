"""A writer killed with SIGKILL mid-save loses nothing it committed and leaves a readable store."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store
from tests.conftest import NOW

from .conftest import buyer_case

RUNS = 25

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork()"
)


def _writer(data_dir: Path, keys: MemoryKeyStore, photo: Path, report: int) -> None:
    """Child process: save cases, drafts and photos in a loop, reporting each commit."""
    store = Store.open(data_dir, keys)
    draft_id = store.save_draft({"page": 0}, 0, NOW)
    step = 0
    while True:
        step += 1
        case_id = store.add_case(buyer_case(), NOW)
        store.save_draft({"page": step, "buyer": {"phone": "13812345678"}}, step, NOW, draft_id)
        store.add_note(case_id, f"note {step}", NOW)
        if step % 3 == 0:
            store.add_photo(case_id, photo, NOW)
        os.write(report, f"{case_id} {step}\n".encode())


def _kill_during_saves(
    data_dir: Path, keys: MemoryKeyStore, photo: Path, rng: random.Random
) -> list[tuple[int, int]]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(read_end)
        try:
            _writer(data_dir, keys, photo, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    wanted = rng.randint(1, 6)
    buffer = b""
    while buffer.count(b"\n") < wanted:
        chunk = os.read(read_end, 4096)
        if not chunk:
            break
        buffer += chunk
    time.sleep(rng.random() * 0.004)  # land somewhere inside the next transaction
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 4096):
        buffer += chunk
    os.close(read_end)
    return [(int(a), int(b)) for a, b in (line.split() for line in buffer.decode().splitlines())]


def test_sigkill_while_saving_loses_no_committed_case(tmp_path: Path) -> None:
    data_dir, keys = tmp_path / "data", MemoryKeyStore()
    Store.open(data_dir, keys).close()  # key created once; the forked children inherit it
    photo = tmp_path / "p.jpg"
    photo.write_bytes(os.urandom(200_000))
    rng = random.Random(5)
    committed: list[int] = []
    for _ in range(RUNS):
        reported = _kill_during_saves(data_dir, keys, photo, rng)
        committed += [case_id for case_id, _ in reported]
        with Store.open(data_dir, keys) as store:
            with store._lock:  # noqa: SLF001 - integrity check is a test-only query
                assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            present = {summary.id for summary in store.list_cases()}
            assert set(committed) <= present
            for case_id in present:  # every row there is whole: its sealed PII opens
                assert store.get_case(case_id).case == buyer_case()
                store.notes(case_id)
            for draft in store.list_drafts():
                assert draft.data["page"] == draft.page
            for case_id in present:
                for stored in store.photos(case_id):
                    assert store.read_photo(stored.sha256) == photo.read_bytes()
    assert len(committed) >= RUNS
