"""The domain package stays pure: no Qt, no storage, no rendering, no images, no keychain."""

from __future__ import annotations

import ast
from pathlib import Path

import seller_app.domain

FORBIDDEN = (
    "PySide6",
    "sqlite3",
    "reportlab",
    "PIL",
    "keyring",
    "platformdirs",
    "cryptography",
    "seller_app.ui",
    "seller_app.store",
    "seller_app.documents",
    "seller_app.evidence",
    "seller_app.paths",
    "seller_app.credentials",
    "seller_app.cli",
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_domain_imports_nothing_impure() -> None:
    package = Path(seller_app.domain.__file__).parent
    offenders = {
        f"{path.name}: {name}"
        for path in package.rglob("*.py")
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    }
    assert not offenders


def test_domain_never_reads_the_clock() -> None:
    package = Path(seller_app.domain.__file__).parent
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in ("datetime.now(", "date.today(", "time.time(", "datetime.utcnow("):
            assert call not in text, f"{path.name} reads the clock with {call}"
