"""What a run killed with kill -9 leaves behind is removed at the next start, and nothing of a
live process or outside our own names is touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from seller_app import leftovers
from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store

pytestmark = pytest.mark.skipif(os.name == "nt", reason="kill -9 and pids as on POSIX")

KILLED_WRITER = """
import os, signal, sys, tempfile
from pathlib import Path
from seller_app import leftovers
root, out = Path(sys.argv[1]), Path(sys.argv[2])
photos = Path(tempfile.mkdtemp(prefix=leftovers.temp_prefix("photos"), dir=root))
(photos / "label.jpg").write_bytes(b"the buyer's name and phone")
fd, part = tempfile.mkstemp(prefix=f".{out.name}.{os.getpid()}.", suffix=".part", dir=out.parent)
with leftovers.pending_output(Path(part), root):
    os.write(fd, b"%PDF-1.4 half")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_run_is_tidied_at_the_next_start(tmp_path: Path) -> None:
    temp, outputs = tmp_path / "tmp", tmp_path / "claims"
    temp.mkdir()
    outputs.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(temp), str(outputs / "form.pdf")],
        capture_output=True,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert [p.name for p in outputs.iterdir() if p.name.endswith(".part")]
    assert [p for p in temp.iterdir() if p.name.startswith("seller-claims-photos-")]
    # what a live process (this one) is using, and what is not ours, stays
    live = temp / f"{leftovers.temp_prefix('photos')}keep"
    live.mkdir()
    stranger = temp / "seller-claims-photos-notapid-x"
    stranger.mkdir()
    (outputs / "mine.pdf.part").write_bytes(b"not in any marker")

    removed = leftovers.clean_at_start(temp)

    assert len(removed) == 2
    assert sorted(p.name for p in outputs.iterdir()) == ["mine.pdf.part"]
    assert sorted(p.name for p in temp.iterdir()) == sorted(
        [live.name, stranger.name, leftovers.PENDING_DIR]
    )
    assert list((temp / leftovers.PENDING_DIR).iterdir()) == []


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_partial_files_in_the_data_folder_are_removed_when_the_store_opens(
    tmp_path: Path,
) -> None:
    data, keys = tmp_path / "data", MemoryKeyStore()
    Store.open(data, keys).close()
    pid = dead_pid()
    snapshot = data / f".backup-{pid}.sqlite3"
    snapshot.write_bytes(b"a copy of the database")
    staging = data / f".restore-{pid}-0a1b"
    (staging / "blobs").mkdir(parents=True)
    blob_tmp = data / "blobs" / "ab" / f".abcdef.{pid}.tmp"
    blob_tmp.parent.mkdir(parents=True)
    blob_tmp.write_bytes(b"sealed")
    alive = data / f".backup-{os.getpid()}.sqlite3"
    alive.write_bytes(b"a backup running now")
    Store.open(data, keys).close()
    assert not snapshot.exists() and not staging.exists() and not blob_tmp.exists()
    assert alive.exists()
