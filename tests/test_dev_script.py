"""scripts/dev.py, the README's two commands: checks before installs, no half-made .venv, one
install for `run` and `test`, and messages that say what to do. Subprocesses are faked (nothing
is installed); one real run checks the no-display refusal end to end."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "dev.py"


@pytest.fixture
def dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """scripts/dev.py loaded as a module, working on a project in tmp_path."""
    spec = importlib.util.spec_from_file_location("dev_script_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)  # main() changes into ROOT: give the directory back afterwards
    monkeypatch.setattr(module, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(module, "missing_system_packages", lambda packages: [])
    monkeypatch.setenv("DISPLAY", ":0")
    yield module


class FakeRun:
    """subprocess.run as dev.py uses it: `-m venv` makes a .venv (with pip unless told not to),
    `-c import pip` answers whether pip is there, everything else is recorded and succeeds."""

    def __init__(self, dev: ModuleType, *, venv_fails: bool = False, pip: bool = True) -> None:
        self.dev, self.venv_fails, self.pip = dev, venv_fails, pip
        self.calls: list[list[str]] = []

    def __call__(self, command: list[str], *args: Any, **kwargs: Any) -> Any:
        command = [str(part) for part in command]
        self.calls.append(command)
        if command[1:3] == ["-m", "venv"]:
            python = self.dev.venv_python()
            python.parent.mkdir(parents=True)
            python.write_text("", encoding="utf-8")
            if self.pip:
                (self.dev.VENV / "pip").mkdir()
            if self.venv_fails:
                raise subprocess.CalledProcessError(1, command)
        if command[1:] == ["-c", "import pip"]:
            return subprocess.CompletedProcess(
                command, 0 if (self.dev.VENV / "pip").exists() else 1
            )
        return subprocess.CompletedProcess(command, 0)

    def installs(self) -> list[str]:
        return [c[-1] for c in self.calls if c[1:4] == ["-m", "pip", "install"] and "-e" in c]


def fake_run(dev: ModuleType, monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> FakeRun:
    fake = FakeRun(dev, **kwargs)
    monkeypatch.setattr(dev.subprocess, "run", fake)
    return fake


def test_an_old_python_is_refused_before_anything_is_done(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(dev.SetupError, match=r"Python >= 3\.11 is needed, this is 3\.10\.4"):
        dev.check_python((3, 10, 4, "final", 0))
    dev.check_python((3, 11, 0))
    fake = fake_run(dev, monkeypatch)
    monkeypatch.setattr(dev, "MIN_PYTHON", (99, 0))
    assert dev.main(["test"]) == 1
    assert "Python >= 99.0 is needed" in capsys.readouterr().out
    assert fake.calls == [] and not dev.VENV.exists()


@pytest.mark.parametrize(
    ("argv", "env", "system", "refused"),
    [
        ([], {}, "Linux", True),
        ([], {"DISPLAY": ":0"}, "Linux", False),
        ([], {"WAYLAND_DISPLAY": "wayland-0"}, "Linux", False),
        ([], {"QT_QPA_PLATFORM": "offscreen"}, "Linux", False),
        ([], {"QT_QPA_PLATFORM": "xcb"}, "Linux", True),
        ([], {"QT_QPA_PLATFORM": "wayland"}, "Linux", True),
        (["--self-test"], {}, "Linux", False),
        (["--self-test", "--window"], {}, "Linux", True),
        ([], {}, "Darwin", False),
        ([], {}, "Windows", False),
    ],
)
def test_display_check(
    dev: ModuleType, argv: list[str], env: dict[str, str], system: str, refused: bool
) -> None:
    problem = dev.display_problem(argv, env, system)
    assert (problem is not None) is refused
    if problem:
        assert "xvfb-run" in problem and "desktop" in problem and "libxcb" not in problem


def test_run_without_a_display_says_how_and_installs_nothing(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(dev.platform, "system", lambda: "Linux")
    fake = fake_run(dev, monkeypatch)
    assert dev.main(["run"]) == 1
    assert "xvfb-run -a python3 scripts/dev.py run" in capsys.readouterr().out
    assert fake.calls == [] and not dev.VENV.exists()


@pytest.mark.parametrize("sudo", [True, False])
def test_no_ensurepip_names_the_venv_package_and_sudo_only_where_there_is_one(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, sudo: bool
) -> None:
    monkeypatch.setattr(dev, "has_venv_support", lambda: False)
    monkeypatch.setattr(dev, "venv_package", lambda: "python3.11-venv")
    monkeypatch.setattr(dev, "missing_system_packages", lambda packages: packages)
    monkeypatch.setattr(dev, "is_root", lambda: False)
    real_which = shutil.which

    def which(name: str) -> str | None:
        if name == "sudo":
            return "/usr/bin/sudo" if sudo else None
        return real_which(name)

    monkeypatch.setattr(dev.shutil, "which", which)
    fake = fake_run(dev, monkeypatch)
    with pytest.raises(dev.SetupError) as caught:
        dev.setup("test", [])
    message = str(caught.value)
    assert "apt-get install python3.11-venv libgl1" in message
    assert ("sudo apt-get" in message) is sudo and ("su -c" in message) is not sudo
    assert [c for c in fake.calls if "venv" in c] == [] and not dev.VENV.exists()


def test_a_python_without_venv_that_is_not_the_system_s_is_told_so(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dev, "has_venv_support", lambda: False)
    monkeypatch.setattr(dev, "venv_package", lambda: None)
    with pytest.raises(dev.SetupError, match="no ensurepip"):
        dev.system_packages("run", making_venv=True)
    monkeypatch.setattr(dev, "has_venv_support", lambda: True)
    assert "python3.11-venv" not in dev.system_packages("run", making_venv=True)


@pytest.mark.parametrize("failure", [{"venv_fails": True}, {"pip": False}])
def test_a_failed_venv_creation_leaves_no_venv(
    dev: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failure: dict[str, bool],
) -> None:
    fake = fake_run(dev, monkeypatch, **failure)
    assert dev.main(["test"]) == 1
    assert "could not create .venv" in capsys.readouterr().out
    assert not dev.VENV.exists() and fake.installs() == []
    fake = fake_run(dev, monkeypatch)  # the next run starts clean and succeeds
    assert dev.main(["test"]) == 0
    assert len(fake.installs()) == 1


def test_a_half_made_venv_is_replaced(dev: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    dev.venv_python().parent.mkdir(parents=True)  # killed after the python, before pip
    dev.venv_python().write_text("", encoding="utf-8")
    fake = fake_run(dev, monkeypatch)
    assert dev.main(["run"]) == 0
    assert [c for c in fake.calls if c[1:3] == ["-m", "venv"]] and len(fake.installs()) == 1


@pytest.mark.parametrize(
    ("sequence", "installs"),
    [
        (["test", "run", "test", "run"], ["[test]"]),
        (["run", "test", "run", "test"], ["", "[test]"]),
        (["run", "run"], [""]),
    ],
)
def test_switching_between_run_and_test_does_not_reinstall(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, sequence: list[str], installs: list[str]
) -> None:
    fake = fake_run(dev, monkeypatch)
    for action in sequence:
        assert dev.main([action]) == 0
    assert [target.removeprefix(str(dev.ROOT)) for target in fake.installs()] == installs


def test_a_changed_pyproject_installs_again(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_run(dev, monkeypatch)
    assert dev.main(["test"]) == 0
    (dev.ROOT / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    assert dev.main(["run"]) == 0
    assert len(fake.installs()) == 2


def test_a_failed_pip_install_is_one_message_and_retried_next_time(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = fake_run(dev, monkeypatch)
    original: Callable[..., Any] = fake.__call__

    def failing(command: list[str], *args: Any, **kwargs: Any) -> Any:
        if "-e" in command:
            raise subprocess.CalledProcessError(1, command)
        return original(command, *args, **kwargs)

    monkeypatch.setattr(dev.subprocess, "run", failing)
    assert dev.main(["test"]) == 1
    assert "pip failed" in capsys.readouterr().out
    fake = fake_run(dev, monkeypatch)
    assert dev.main(["test"]) == 0 and len(fake.installs()) == 1


@pytest.mark.skipif(sys.platform != "linux", reason="the display check is Linux's")
def test_the_real_script_refuses_run_without_a_display(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / "dev.py")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "dev.py"), "run"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "xvfb-run" in result.stdout and "Traceback" not in result.stderr
    assert not (tmp_path / ".venv").exists()
