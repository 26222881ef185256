"""A batch killed outright (SIGKILL, a power cut) and run again: every row stored exactly once.

The store commits the batch's cases in groups (one wait for the disk per few hundred rows); a
kill loses the open group from the store, and the re-run must add exactly those cases back.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seller_app.credentials import PassphraseKeyStore
from seller_app.store import Store, schema
from tests.batch.conftest import TAOBAO_HEADER, taobao_row, write_csv

ROOT = Path(__file__).resolve().parents[2]
ROWS = 1200  # more than one group of commits (`command.ROWS_PER_COMMIT`, 500)
PASSPHRASE = "店铺口令"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def committed(data_dir: Path) -> int:
    try:
        with sqlite3.connect(data_dir / schema.DB_NAME, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_a_killed_batch_run_again_stores_every_row_once(tmp_path: Path) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(ROWS)])
    data_dir = tmp_path / "data"
    env = dict(
        os.environ,
        SELLER_APP_DATA_DIR=str(data_dir),
        SELLER_APP_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    command = [
        sys.executable, "-m", "seller_app.cli", "batch", str(orders), "--out",
        str(tmp_path / "out"), "--incident", "loss", "--weight", "2", "--jobs", "1",
        "--form", "none",
    ]  # fmt: skip
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while committed(data_dir) == 0 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    before = committed(data_dir)
    assert 0 < before < ROWS, "the kill should land between the first commit and the end"

    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr.decode(errors="replace")
    with Store.open(data_dir, PassphraseKeyStore(data_dir, PASSPHRASE)) as store:
        stored = [summary.tracking_numbers for summary in store.list_cases()]
    assert sorted(stored) == [(f"SF{1234500000000 + n}",) for n in range(ROWS)]
