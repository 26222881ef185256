"""Two desks, two processes, 200 saves each on the same two cases, on both backends: every save
either goes through or is refused as a conflict -- never lost. Each save adds 1 to the case's
goods value with the version it read, so a lost update would leave the total short."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path

from seller_app.credentials import MemoryKeyStore
from tests.conftest import NOW, make_case

from .conftest import Backend

ROOT = Path(__file__).resolve().parents[2]
SAVES = 200
DEADLINE_S = 120


def test_two_processes_lose_no_update(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path, record_property: object
) -> None:
    with backend.open(keys) as store:
        cases = [store.add_case(make_case(goods_value="100"), NOW) for _ in range(2)]
    env = dict(
        os.environ,
        SELLER_APP_TEST_KEYS=",".join(f"{k}={v.hex()}" for k, v in keys.secrets.items()),
    )
    location = backend.url or str(backend.data_dir)
    children = []
    for number in (1, 2):
        desk_dir = tmp_path / f"desk{number}"
        desk_dir.mkdir()
        children.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.store.concurrent_saver",
                    location,
                    uuid.uuid4().hex,
                    f"desk {number}",
                    ",".join(map(str, cases)),
                    str(SAVES),
                ],
                cwd=ROOT,
                env={**env, "SELLER_APP_TEST_DESK_DIR": str(desk_dir)},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        )
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        for child in children:  # both start together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        for child in children:
            out, _ = child.communicate(timeout=DEADLINE_S)
            assert child.returncode == 0
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    saved = {case_id: sum(r["saves"][str(case_id)] for r in results) for case_id in cases}
    conflicts = [r["conflicts"] for r in results]
    assert sum(saved.values()) == 2 * SAVES
    with backend.open(keys) as store:
        for case_id in cases:
            record = store.get_case(case_id)
            # every save that went through is in the total; none was overwritten unseen
            assert record.case.goods_value == Decimal(100 + saved[case_id])
            assert record.version == 1 + saved[case_id]
    assert sum(conflicts) > 0  # the desks did collide, and each collision was reported
    summary = f"{backend.name}: saves {saved}, conflicts per desk {conflicts}"
    record_property("concurrency", summary)  # type: ignore[operator]
    sys.stdout.write(summary + "\n")  # shown with pytest -s
