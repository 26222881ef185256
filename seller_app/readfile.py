"""Reading a file the user named: a regular file only, never more than a limit.

A case file, photo or backup path can point anywhere: at a FIFO (``open`` would wait for a writer
forever), at ``/dev/zero`` through a symlink (``read`` would fill the memory), at a folder or at a
file far larger than anything the app makes. `open_regular` refuses all of these at once:

1. open without blocking (``O_NONBLOCK``: opening a FIFO returns at once instead of waiting);
2. ``fstat`` the descriptor actually opened -- not the name, which could be swapped in between --
   and refuse anything that is not a regular file;
3. refuse a file larger than `limit` bytes, and `read_regular` also stops reading at
   ``limit + 1`` bytes in case the file grows while it is read.

`InputFileError.reason` says which: ``missing``, ``not_regular``, ``too_large`` or ``unreadable``
(then `.error` is the `OSError`). Callers word it for the user in their own message table.
Standard library only; every layer may use it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

MIB = 1024 * 1024


class InputFileError(Exception):
    """A path that cannot be read as an input file; `reason` names why."""

    def __init__(
        self, path: Path, reason: str, *, limit: int = 0, error: OSError | None = None
    ) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.limit = limit
        self.error = error

    @property
    def limit_text(self) -> str:
        """The size limit for a message: ``20 MB``."""
        return size_text(self.limit)


def size_text(size: int) -> str:
    if size >= MIB:
        return f"{size / MIB:g} MB"
    return f"{size / 1024:g} KB"


def open_regular(path: Path, limit: int) -> BinaryIO:
    """`path` opened for binary reading, after checking it is a regular file of at most `limit`
    bytes; raises `InputFileError` otherwise. The caller closes the handle."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not hasattr(os, "O_NONBLOCK"):  # Windows: no FIFOs to block on, but check the name first
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                raise InputFileError(path, "not_regular")
        except (FileNotFoundError, NotADirectoryError):
            raise InputFileError(path, "missing") from None
        except OSError as error:
            raise InputFileError(path, "unreadable", error=error) from None
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):  # NotADirectory: a parent is a file
        raise InputFileError(path, "missing") from None
    except IsADirectoryError:
        raise InputFileError(path, "not_regular") from None
    except OSError as error:
        raise InputFileError(path, "unreadable", error=error) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(path, "not_regular")
        if info.st_size > limit:
            raise InputFileError(path, "too_large", limit=limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path` (see `open_regular`); never reads more than ``limit + 1`` bytes."""
    with open_regular(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise InputFileError(Path(path), "unreadable", error=error) from None
    if len(data) > limit:  # it grew after the size check
        raise InputFileError(Path(path), "too_large", limit=limit)
    return data


def same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name one file: the same path once resolved (existing or not), or
    the same inode (a hard link, a bind mount)."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
