"""What a killed run leaves behind, found and removed at the next start.

A process stopped with ``kill -9`` (or a power cut) never runs its ``finally``: prepared photo
copies stay in the temp folder -- waybill labels show the buyer's name, phone and address -- and
half-written outputs stay beside the file the user asked for as ``.claim.pdf.<pid>.<x>.part``.
Two conventions make them findable:

- temporary folders are named ``seller-claims-<kind>-<pid>-<random>`` (`temp_prefix`);
- an output being written is announced by a marker file in ``<temp>/seller-claims-pending/``
  naming the partial file (`pending_output`); the marker goes when the write ends either way.

`clean_at_start` (the CLI and the app call it first thing) removes the folders and the partial
files of processes that are no longer running, and never anything of a live process, of another
user, or outside those two patterns. Every failure is logged and ignored: tidying must never
stop the app from starting.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_STEM = "seller-claims-"
PENDING_DIR = "seller-claims-pending"
_TEMP_RE = re.compile(r"^seller-claims-[a-z]+-(\d+)-")
_MARKER_RE = re.compile(r"^(\d+)-[0-9a-f]+$")
# Before pids were in the names (and the GUI's label reader): removed once a day old.
_OLD_PREFIXES = ("seller-claims-photos-", "seller-photos-", "seller-label-")
_OLD_AGE_SECONDS = 24 * 3600


def temp_prefix(kind: str) -> str:
    """``tempfile`` prefix for a temporary folder of this process: ``seller-claims-photos-42-``."""
    return f"{TEMP_STEM}{kind}-{os.getpid()}-"


def alive(pid: int) -> bool:
    """Whether process `pid` is still running (True when unsure)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def _pending_dir(root: Path | None = None) -> Path:
    return Path(root or tempfile.gettempdir()) / PENDING_DIR


def _mine(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


@contextlib.contextmanager
def pending_output(part: Path, root: Path | None = None) -> Iterator[None]:
    """Announce that `part` is being written by this process until the block ends."""
    folder = _pending_dir(root)
    marker = folder / f"{os.getpid()}-{secrets.token_hex(6)}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        marker.write_text(str(Path(part).resolve()), encoding="utf-8")
    except OSError:  # no marker: the write itself still works, it just cannot be tidied later
        log.debug("could not note the partial output %s", part, exc_info=True)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()


def clean_at_start(root: Path | None = None) -> list[Path]:
    """Remove what dead runs left behind; return what was removed."""
    removed: list[Path] = []
    try:
        removed += _clean_temp_folders(Path(root or tempfile.gettempdir()))
        removed += _clean_partial_outputs(_pending_dir(root))
    except OSError:
        log.warning("could not tidy leftovers of earlier runs", exc_info=True)
    return removed


def _clean_temp_folders(temp: Path) -> list[Path]:
    import time

    removed = []
    for entry in os.scandir(temp):
        if not entry.name.startswith(("seller-", TEMP_STEM)) or entry.name == PENDING_DIR:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or not _mine(info):
            continue
        match = _TEMP_RE.match(entry.name)
        if match:
            stale = not alive(int(match.group(1)))
        elif entry.name.startswith(_OLD_PREFIXES):
            stale = time.time() - info.st_mtime > _OLD_AGE_SECONDS
        else:
            continue
        if stale:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def _clean_partial_outputs(folder: Path) -> list[Path]:
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for marker in folder.iterdir():
        match = _MARKER_RE.match(marker.name)
        if not match or alive(int(match.group(1))):
            continue
        try:
            part = Path(marker.read_text(encoding="utf-8").strip())
            info = part.lstat()
            # only what the pattern says we wrote: a regular ``.<name>.<pid>...part`` file
            if (
                part.name.startswith(".")
                and part.name.endswith(".part")
                and f".{match.group(1)}." in part.name
                and stat.S_ISREG(info.st_mode)
                and _mine(info)
            ):
                part.unlink()
                removed.append(part)
        except (OSError, ValueError):
            pass
        with contextlib.suppress(OSError):
            marker.unlink()
    return removed


def clean_data_dir(data_dir: Path) -> list[Path]:
    """Partial files a killed run left in the data folder: a backup's database snapshot
    (``.backup-<pid>.sqlite3``), a restore's staging folder (``.restore-<pid>-<x>``), a blob
    being written (``blobs/ab/.<sha>.<pid>.tmp``). Only those of dead processes."""
    removed: list[Path] = []
    patterns = (
        (data_dir, re.compile(r"^\.backup-(\d+)\.sqlite3(?:\.tmp)?$")),
        (data_dir, re.compile(r"^\.restore-(\d+)-[0-9a-f]+$")),
    )
    for folder, pattern in patterns:
        removed += _remove_dead(folder, pattern)
    blobs = data_dir / "blobs"
    if blobs.is_dir():
        tmp = re.compile(r"^\..+\.(\d+)\.tmp$")
        for sub in blobs.iterdir():
            if sub.is_dir() and not sub.is_symlink():
                removed += _remove_dead(sub, tmp)
    return removed


def _remove_dead(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or alive(int(match.group(1))):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            log.warning("could not remove %s", entry.path, exc_info=True)
    return removed
