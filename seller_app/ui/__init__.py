"""The desktop app (PySide6): main window with the case list, the claim wizard, reminders.

Only this package and ``seller_app.__main__`` import Qt. It calls the domain, evidence, documents
and store packages; nothing calls it.
"""

from __future__ import annotations

import sys
from importlib.machinery import EXTENSION_SUFFIXES
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs PySide6's import hook, quickened below


def _quicken_source_check() -> None:
    """PySide6 asks of every module imported after it whether its source names "PySide6"
    (PYSIDE-2029: modules that do are switched by ``from __feature__ import``, which this app
    never uses) by reading the whole source through `inspect.getsource` (tokenizer, line cache):
    ~0.1 ms a module, ~6 ms of the app's start to its first frame here (issue 16). The same
    question is answered here from the file's bytes, as `inspect` would find it: a compiled
    module has no source (False); a module without a readable ``.py`` file (frozen, in a zip)
    gets PySide6's own answer."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "quickened", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(tuple(EXTENSION_SUFFIXES)):
            return False  # compiled: inspect finds no source either
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(upstream(module))

    uses_pyside.quickened = True  # type: ignore[attr-defined]
    uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_quicken_source_check()
