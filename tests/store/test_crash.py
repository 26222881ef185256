"""A writer killed with SIGKILL mid-save loses nothing it committed and leaves a readable store."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store

from .conftest import buyer_case

RUNS = 20
ROOT = Path(__file__).resolve().parents[2]
DEADLINE_S = 60

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def _kill_during_saves(
    data_dir: Path, keys: MemoryKeyStore, photo: Path, rng: random.Random
) -> list[tuple[int, int]]:
    """Start a writer in a fresh process (not a fork of this one, which may run Qt threads),
    let it commit a few times, SIGKILL it somewhere inside the next transaction."""
    env = dict(
        os.environ,
        SELLER_APP_TEST_KEYS=",".join(
            f"{name}={secret.hex()}" for name, secret in keys.secrets.items()
        ),
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_writer", str(data_dir), str(photo)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdout is not None
    wanted = rng.randint(1, 6)
    buffer = b""
    deadline = time.monotonic() + DEADLINE_S
    try:
        while buffer.count(b"\n") < wanted:
            ready, _, _ = select.select(
                [child.stdout], [], [], max(0.0, deadline - time.monotonic())
            )
            if not ready:
                pytest.fail("the writer made no progress in time")
            chunk = os.read(child.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
        time.sleep(rng.random() * 0.004)  # land somewhere inside the next transaction
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=DEADLINE_S)
    buffer += child.stdout.read()
    child.stdout.close()
    lines = buffer.decode("ascii").splitlines()
    return [(int(a), int(b)) for a, b in (line.split() for line in lines if line.strip())]


def test_sigkill_while_saving_loses_no_committed_case(tmp_path: Path) -> None:
    data_dir, keys = tmp_path / "data", MemoryKeyStore()
    Store.open(data_dir, keys).close()  # key created once and handed to every writer
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
