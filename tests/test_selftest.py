"""The build smoke test passes from a checkout (the frozen build runs the same code).

Run in a child process, as a build runs it: it starts Qt, which the other tests must not inherit.
"""

from __future__ import annotations

import os
import subprocess

from tests.processes import run_python

CODE = """
import sys
from seller_app import selftest
amounts = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
if amounts:
    selftest.EXPECTED_AMOUNT = selftest.Decimal(amounts[0])
sys.exit(selftest.main(sys.argv[1:]))
"""


def self_test(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return run_python(["-c", CODE, *args], env=env, timeout=120, stdout_encoding=None)


def test_self_test_passes() -> None:
    result = self_test()
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip()
    assert len(result.stdout.splitlines()) == 1
    assert line.startswith("self-test ok") and "barcode read" in line
    assert "shop-server driver libpq" in line  # psycopg and its libpq, no server needed


def test_window_mode_refuses_a_headless_platform() -> None:
    result = self_test("--window")  # QT_QPA_PLATFORM=offscreen: there is no window to show
    assert result.returncode == 1
    assert result.stdout.startswith("self-test FAILED") and "xvfb-run" in result.stdout


def test_self_test_reports_a_failure() -> None:
    result = self_test("1.00")
    assert result.returncode == 1
    assert result.stdout.startswith("self-test FAILED") and "96.00" in result.stdout
