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


def test_only_the_store_imports_psycopg() -> None:
    """The shop server is the store's business (issue 17): the GUI and the CLI name it by
    `ServerSettings` or a URL, never by a driver."""
    assert {path for path in importers("psycopg") if not path.startswith("store/")} == set()


def test_a_desk_on_its_own_never_loads_psycopg() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tempfile, pathlib\n"
        "from seller_app.credentials import MemoryKeyStore\n"
        "from seller_app.store import Store\n"
        "Store.open(pathlib.Path(tempfile.mkdtemp()), MemoryKeyStore()).close()\n"
        "import seller_app.cli\n"
        "assert 'psycopg' not in sys.modules, 'psycopg loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
