"""Only credentials.py imports keyring; only store/ talks SQL."""

from __future__ import annotations

from pathlib import Path

import seller_app
from tests.domain.test_purity import imported_modules

PACKAGE = Path(seller_app.__file__).parent


def importers(module: str) -> set[str]:
    return {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if any(name == module or name.startswith(module + ".") for name in imported_modules(path))
    }


def test_only_credentials_imports_keyring() -> None:
    assert importers("keyring") == {"credentials.py"}


def test_only_the_store_imports_sqlite() -> None:
    assert {path for path in importers("sqlite3") if not path.startswith("store/")} == set()
