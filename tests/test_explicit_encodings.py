"""No text is read or written in the locale's encoding by accident: every text-mode open(),
Path.read_text/write_text/open and subprocess call with text=True names its encoding. Under a
Chinese Windows (GBK) or LANG=zh_CN.gb18030 the default would silently differ from UTF-8."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREES = ("seller_app", "scripts", "tests", "bench")
SUBPROCESS_CALLS = ("run", "Popen", "check_output", "check_call", "call")


def _keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {k.arg: k.value for k in call.keywords if k.arg}


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _text_mode(mode: ast.expr | None) -> bool:
    """A literal mode without "b" (or no mode at all: "r")."""
    if mode is None:
        return True
    return (
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and bool(mode.value)
        and set(mode.value) <= set("rwxat+")  # a mode, not ZipFile.open's member name
    )


def _unnamed_encodings(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        keywords = _keywords(call)
        if "encoding" in keywords:
            continue
        where = f"{path.relative_to(ROOT)}:{call.lineno}"
        func = call.func
        if isinstance(func, ast.Name) and func.id == "open":
            mode = call.args[1] if len(call.args) > 1 else keywords.get("mode")
            if _text_mode(mode):
                yield f"{where} open() in text mode"
        elif isinstance(func, ast.Attribute):
            if func.attr == "read_text" and not call.args:
                yield f"{where} read_text()"
            elif func.attr == "write_text" and len(call.args) < 2:
                yield f"{where} write_text()"
            elif func.attr == "open" and call.args and _text_mode(call.args[0]):
                yield f"{where} Path.open() in text mode"  # `.open()` alone is Qt's dialogs
            elif func.attr in SUBPROCESS_CALLS and (
                _is_true(keywords.get("text")) or _is_true(keywords.get("universal_newlines"))
            ):
                yield f"{where} subprocess with text=True"


@pytest.mark.parametrize("tree", TREES)
def test_every_text_read_and_write_names_its_encoding(tree: str) -> None:
    offenders = [
        found for path in sorted((ROOT / tree).rglob("*.py")) for found in _unnamed_encodings(path)
    ]
    assert offenders == []
