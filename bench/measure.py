"""Whole-process figures for the benchmarks: wall time, CPU time and peak memory of a command and
every process it starts.

The command runs under a small launcher process. Linux keeps a process's peak memory across
fork and exec, so a command started straight from a benchmark that has photos or fonts in memory
would report the benchmark's own size as its peak; started from the launcher it reports its own.
Peak memory is that of the largest single process (the command or one of its workers), as
``getrusage(RUSAGE_CHILDREN)`` gives it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "scale = 1 << 20 if sys.platform == 'darwin' else 1 << 10\n"
    "with open(sys.argv[1], 'w', encoding='ascii') as out:\n"
    "    out.write(f'{code} {use.ru_utime + use.ru_stime} {use.ru_maxrss / scale}')\n"
)


@dataclass(frozen=True)
class Measured:
    code: int
    wall: float
    cpu: float
    peak_mb: float


class Running:
    """A command started under the launcher; `stderr` is readable while it runs."""

    def __init__(
        self, command: Sequence[str], env: Mapping[str, str] | None = None, *, stderr: Any = None
    ) -> None:
        handle, name = tempfile.mkstemp(prefix="bench-measure-")
        os.close(handle)
        self._result = Path(name)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-c", _LAUNCHER, name, *command],
            cwd=ROOT,
            env=None if env is None else dict(env),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )

    @property
    def stderr(self) -> IO[bytes] | None:
        return self.process.stderr

    def wait(self) -> Measured:
        self.process.wait()
        wall = time.perf_counter() - self.started
        code, cpu, peak = self._result.read_text(encoding="ascii").split()
        self._result.unlink()
        return Measured(int(code), wall, float(cpu), float(peak))


def measure(command: Sequence[str], env: Mapping[str, str] | None = None) -> Measured:
    return Running(command, env, stderr=subprocess.DEVNULL).wait()
