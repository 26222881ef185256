"""PySide6's look at each imported module's source, answered from the file's bytes (ui/__init__)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

import seller_app.ui  # noqa: F401 - installs the quicker check

feature = sys.modules.get("shibokensupport.feature")
check = getattr(feature, "_mod_uses_pyside", None)
pytestmark = pytest.mark.skipif(check is None, reason="this PySide6 has no source check")


def test_quickened() -> None:
    assert getattr(check, "quickened", False)


def test_same_answer_as_pyside_for_every_loaded_module() -> None:
    assert check is not None
    upstream = check.upstream
    modules = [module for module in list(sys.modules.values()) if module is not None]
    assert len(modules) > 100
    differing = [m.__name__ for m in modules if bool(check(m)) != bool(upstream(m))]
    assert differing == []
    import seller_app.ui.tasks as ours  # imports PySide6

    assert check(ours) is True


def _module_from(path: Path, text: str) -> types.ModuleType:
    path.write_text(text, encoding="utf-8")
    module = types.ModuleType(path.stem)
    module.__file__ = str(path)
    return module


def test_reads_the_file(tmp_path: Path) -> None:
    assert check is not None
    uses = _module_from(tmp_path / "uses.py", "# 中文\nfrom PySide6.QtCore import QObject\n")
    plain = _module_from(tmp_path / "plain.py", "# 中文\nimport json\n")
    assert check(uses) is True and check.upstream(uses) is True
    assert check(plain) is False and check.upstream(plain) is False


def test_no_file_gets_pysides_answer(tmp_path: Path) -> None:
    assert check is not None
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # never written
    builtin = sys.modules["sys"]
    compiled = sys.modules["_json"] if "_json" in sys.modules else __import__("_json")
    for module in (gone, builtin, compiled):
        assert check(module) is bool(check.upstream(module)) is False
