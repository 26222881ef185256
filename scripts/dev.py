#!/usr/bin/env python3
"""Set everything up, then start the app or run the tests: the README's two commands.

    python3 scripts/dev.py run     # create .venv, install, start the desktop app
    python3 scripts/dev.py test    # create .venv, install, run the whole test suite

Standard library only, so it runs on a bare Python >= 3.11 (Debian 12, Ubuntu, macOS, Windows).
Everything that can be checked is checked before anything is installed: the Python version, that
it can make virtual environments (Debian splits `venv` out into python3.X-venv) and, for `run`,
that there is a display. On Debian/Ubuntu it installs the system libraries Qt needs (and the venv
package) with apt when run as root, and names them otherwise. A half-made .venv is removed, not
left to break the next run; `run` and `test` share one install (the test extra includes the app).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)

# What Qt needs to run offscreen, and a CJK font for the UI.
APT_TEST = [
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-wqy-microhei",
]
# On a Linux desktop, Qt's xcb platform plugin also needs these (and the frozen build bundles them).
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
# Qt platforms that need no display (QT_QPA_PLATFORM); xcb and wayland need one.
DISPLAYLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")
# What each command installs into .venv, and which installs serve it: `test` installs the app
# too, so after `test` a `run` installs nothing (and after `run`, `test` adds only its extra).
EXTRAS = {"run": "", "test": "[test]"}
SATISFIED_BY = {"run": ("run", "test"), "test": ("test",)}


class SetupError(Exception):
    """Set-up cannot go on; the message says what to do."""


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


# ----------------------------------------------------------------------------- checks first


def check_python(version: tuple[int, ...] = tuple(sys.version_info)) -> None:
    if tuple(version[:2]) < MIN_PYTHON:
        shown = ".".join(str(part) for part in version[:3])
        need = ".".join(str(part) for part in MIN_PYTHON)
        raise SetupError(
            f"Python >= {need} is needed, this is {shown} ({sys.executable}). Install a newer "
            f"Python (python.org, your system's packages or pyenv) and run this script with it, "
            f"e.g. python{need} scripts/dev.py"
        )


def display_problem(
    argv: list[str], env: Mapping[str, str], system: str | None = None
) -> str | None:
    """Why `run` cannot show a window here, or None. Linux only: macOS and Windows always have
    their window system; a self-test without --window needs none."""
    if (system or platform.system()) != "Linux":
        return None
    if "--self-test" in argv and "--window" not in argv:
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    requested = env.get("QT_QPA_PLATFORM", "").partition(":")[0]
    if requested in DISPLAYLESS_PLATFORMS:
        return None
    return (
        "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the app has no "
        "window to open. Run it from a terminal inside your desktop session, or on a virtual "
        "screen with: xvfb-run -a python3 scripts/dev.py run  (Debian/Ubuntu: apt-get install "
        "xvfb xauth). `python3 scripts/dev.py run --self-test` checks the app without a window."
    )


def has_venv_support() -> bool:
    """`python -m venv` works only with ensurepip, which Debian/Ubuntu ship in python3.X-venv."""
    return all(importlib.util.find_spec(name) is not None for name in ("venv", "ensurepip"))


def venv_package() -> str | None:
    """The distribution package that gives this Python ensurepip, when it is the system's."""
    if sys.prefix == "/usr" and shutil.which("dpkg-query"):
        return f"python3.{sys.version_info[1]}-venv"
    return None


# ----------------------------------------------------------------------------- system packages


def dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    return result.returncode == 0 and "install ok installed" in result.stdout


def apt_has(package: str) -> bool:
    result = subprocess.run(
        ["apt-cache", "show", package],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    return result.returncode == 0 and bool(result.stdout.strip())


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def as_root(command: str) -> str:
    """How to run `command` as root here: with sudo where there is one."""
    if shutil.which("sudo"):
        return f"sudo {command}"
    return f"su -c '{command}'  (as root)"


def missing_system_packages(packages: list[str]) -> list[str]:
    if platform.system() != "Linux" or not shutil.which("dpkg-query"):
        return []
    missing = [p for p in packages if not dpkg_installed(p)]
    return [p for p in missing if not dpkg_installed(APT_ALTERNATIVES.get(p, p))]


def ensure_system_packages(packages: list[str]) -> None:
    """Install what is missing of `packages` with apt (as root); otherwise name them and stop."""
    missing = missing_system_packages(packages)
    if not missing:
        return
    if not is_root():
        names = " ".join(missing)
        raise SetupError(
            "these system packages are needed first; install them with: "
            + as_root(f"apt-get install {names}")
        )
    say(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
        chosen = []
        for package in missing:
            alternative = APT_ALTERNATIVES.get(package)
            chosen.append(alternative if alternative and not apt_has(package) else package)
        command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *chosen]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as error:
        raise SetupError(f"apt-get failed (exit status {error.returncode}); see above") from None


def system_packages(action: str, making_venv: bool) -> list[str]:
    """The system packages `action` needs; the venv package first when a .venv is to be made
    and this Python cannot make one."""
    packages = list(APT_RUN if action == "run" else APT_TEST)
    if making_venv and not has_venv_support():
        package = venv_package()
        if package is None:
            raise SetupError(
                f"this Python ({sys.executable}) cannot create virtual environments: it has no "
                "ensurepip. Install a Python with venv support (python.org, your system's "
                "python3-venv package) and run this script with it."
            )
        packages.insert(0, package)
    return packages


# ----------------------------------------------------------------------------- the .venv


def venv_usable() -> bool:
    """.venv has a Python that runs and has pip (an interrupted creation leaves neither)."""
    python = venv_python()
    if not python.exists():
        return False
    result = subprocess.run([str(python), "-c", "import pip"], capture_output=True)
    return result.returncode == 0


def create_venv() -> None:
    """Create .venv; on any failure remove what was made, so the next run starts clean."""
    if VENV.exists():
        say(f"removing {VENV.name}: an earlier set-up did not finish")
        shutil.rmtree(VENV)
    say(f"creating {VENV.name}")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        if not venv_usable():
            raise SetupError(f"{VENV.name} was created without pip")
    except (subprocess.CalledProcessError, SetupError, KeyboardInterrupt) as error:
        shutil.rmtree(VENV, ignore_errors=True)
        if isinstance(error, KeyboardInterrupt):
            raise
        raise SetupError(
            f"could not create {VENV.name} ({error}); nothing was left behind"
        ) from None


def project_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def stamp(action: str) -> Path:
    return VENV / f".installed-{action}"


def installed_for(action: str, digest: str) -> bool:
    """Whether an install that satisfies `action` was made from this pyproject.toml."""
    for other in SATISFIED_BY[action]:
        path = stamp(other)
        if path.exists() and path.read_text(encoding="utf-8").strip() == digest:
            return True
    return False


def install(action: str) -> None:
    """Install the app (and for `test` the test extra) into .venv; stamp what was installed."""
    digest = project_digest()
    if installed_for(action, digest):
        return
    say("installing the app and its dependencies (first run takes a minute)")
    pip = [str(venv_python()), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    try:
        subprocess.run([*pip, "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "-e", f"{ROOT}{EXTRAS[action]}"], check=True)
    except subprocess.CalledProcessError as error:
        raise SetupError(
            f"pip failed (exit status {error.returncode}); see its message above, then run "
            "this again (what was installed is kept)"
        ) from None
    stamp(action).write_text(digest + "\n", encoding="utf-8")


def ensure_venv(action: str) -> Path:
    if not venv_usable():
        create_venv()
    install(action)
    return venv_python()


# ----------------------------------------------------------------------------- main


def setup(action: str, rest: list[str]) -> Path:
    """Every check, then every install; the Python in .venv ready for `action`."""
    check_python()
    if action == "run":
        problem = display_problem(rest, os.environ)
        if problem:
            raise SetupError(problem)
    ensure_system_packages(system_packages(action, making_venv=not venv_usable()))
    return ensure_venv(action)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    action, rest = argv[0], argv[1:]
    os.chdir(ROOT)
    try:
        python = setup(action, rest)
    except SetupError as error:
        say(str(error))
        return 1
    if action == "test":
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run([str(python), "-m", "pytest", *rest], env=env).returncode
    return subprocess.run([str(python), "-m", "seller_app", *rest]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
