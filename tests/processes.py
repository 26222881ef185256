"""Running the app in a child process and reading what it wrote in the encoding it wrote it in.

The CLI writes machine-readable output (JSON, documents) as UTF-8 whatever the locale, and human
messages in the terminal's encoding -- GB18030 under ``LANG=zh_CN.gb18030``, GBK on a Chinese
Windows. A test that decoded both as UTF-8 would pass only under a UTF-8 locale.
"""

from __future__ import annotations

import locale
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence


def stream_encoding(env: Mapping[str, str] | None = None) -> str:
    """The encoding a Python child started with `env` gives its stdout and stderr text streams."""
    env = os.environ if env is None else env
    forced = env.get("PYTHONIOENCODING", "").partition(":")[0]
    if forced:
        return forced
    if env.get("PYTHONUTF8") == "1" or sys.flags.utf8_mode:
        return "utf-8"
    return locale.getencoding()  # the locale's, as the child (same environment) will see it


def run_python(
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    stdout_encoding: str | None = "utf-8",
) -> subprocess.CompletedProcess[str]:
    """``python ARGS``: stdout decoded as UTF-8 (the app's machine-readable output) unless
    `stdout_encoding` is None (human text: the child's stream encoding), stderr in the child's
    stream encoding (human messages). Undecodable bytes fail the decoding loudly."""
    result = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        env=None if env is None else dict(env),
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode(stdout_encoding or stream_encoding(env)),
        result.stderr.decode(stream_encoding(env)),
    )


def run_cli(
    *args: str, env: Mapping[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``seller-claims ARGS`` as a user runs it."""
    return run_python(["-m", "seller_app.cli", *args], env=env, timeout=timeout)
