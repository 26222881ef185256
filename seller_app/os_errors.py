"""Why the system refused a file operation, in the user's words.

One table for the store, the command line and the desktop app: ``[os_error]`` in
``resources/texts.toml``, keyed by the errno name (``ENOSPC``). An error the table has no words
for keeps the system's own text.
"""

from __future__ import annotations

import errno
import functools
import tomllib
from typing import Any

from . import paths

SECTION = "os_error"


@functools.cache
def _table() -> dict[str, Any]:
    with (paths.resources_dir() / "texts.toml").open("rb") as handle:
        return dict(tomllib.load(handle).get(SECTION, {}))


def known_errors() -> tuple[str, ...]:
    """The errno names the table words (``ENOENT``, ``ENOSPC`` ...)."""
    return tuple(_table())


def os_reason(error: OSError, lang: str = "zh") -> str:
    """Why `error` happened, in `lang` (``zh`` or ``en``); the system's text when the table has
    no words for it."""
    words = _table().get(errno.errorcode.get(error.errno or 0, ""))
    if isinstance(words, dict) and words.get(lang):
        return str(words[lang])
    return str(error.strerror or error)


__all__ = ["known_errors", "os_reason"]
