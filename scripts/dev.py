#!/usr/bin/env python3
"""Set everything up, then start the app or run the tests: the README's two commands.

    python3 scripts/dev.py run     # create .venv, install, start the desktop app
    python3 scripts/dev.py test    # create .venv, install, run the whole test suite

Standard library only, so it runs on a bare Python >= 3.11 (Debian 12, Ubuntu, macOS, Windows).
On Debian/Ubuntu it installs the system libraries Qt needs headless and a CJK font with apt when
run as root, and names them otherwise.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"

# What Qt needs to run offscreen, a CJK font for the UI and the PDF checks, and poppler for the
# tests that read PDFs back (pdftotext, pdffonts, pdftoppm).
APT_TEST = [
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-wqy-microhei",
    "poppler-utils",
]
# On a Linux desktop, Qt's xcb platform plugin also needs these.
APT_RUN = APT_TEST + [
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-render-util0",
    "libxcb-image0",
    "libxcb-randr0",
    "libxcb-xinerama0",
]
# Ubuntu 24.04 renamed some libraries for the 64-bit time_t transition.
APT_ALTERNATIVES = {"libglib2.0-0": "libglib2.0-0t64"}


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
    )
    return result.returncode == 0 and "install ok installed" in result.stdout


def apt_has(package: str) -> bool:
    result = subprocess.run(["apt-cache", "show", package], capture_output=True, text=True)
    return result.returncode == 0 and bool(result.stdout.strip())


def ensure_system_packages(packages: list[str]) -> None:
    if platform.system() != "Linux" or not shutil.which("dpkg-query"):
        return
    missing = [p for p in packages if not dpkg_installed(p)]
    missing = [p for p in missing if not dpkg_installed(APT_ALTERNATIVES.get(p, p))]
    if not missing:
        return
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends"]
    if os.geteuid() != 0:
        names = " ".join(missing)
        say(f"Qt needs these system packages; install them with: sudo apt-get install {names}")
        sys.exit(1)
    say(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    chosen = []
    for package in missing:
        alternative = APT_ALTERNATIVES.get(package)
        chosen.append(alternative if alternative and not apt_has(package) else package)
    subprocess.run(command + chosen, check=True, env=env, stdout=subprocess.DEVNULL)


def ensure_venv(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 -- this script runs on any system Python
        sys.exit(f"Python >= 3.11 is needed, this is {platform.python_version()}")
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV.name}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / ".installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        say("installing the app and its dependencies (first run takes a minute)")
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run(pip + ["--upgrade", "pip"], check=True)
        subprocess.run(pip + ["-e", f"{ROOT}{extras}"], check=True)
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    action, rest = argv[0], argv[1:]
    os.chdir(ROOT)
    if action == "test":
        ensure_system_packages(APT_TEST)
        python = ensure_venv("[test]")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run([str(python), "-m", "pytest", *rest], env=env).returncode
    ensure_system_packages(APT_RUN)
    python = ensure_venv("")
    return subprocess.run([str(python), "-m", "seller_app", *rest]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
