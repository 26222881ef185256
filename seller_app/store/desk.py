"""Which desk (after-sales PC) is working: recorded on status changes, events, notes and drafts.

A desk is an id that never changes (a random UUID made once per data folder, kept in
``desk.json`` there) and a name people recognise ("前台", "仓库电脑"; the computer's name until
someone sets one). The store keeps desk names sealed in its ``desks`` table, so the shop server
sees ids only; the app shows the name ("这个案件刚被 仓库电脑 修改过").

Drafts on a shop server belong to the desk that started them until they become cases.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from .crypto import write_atomic

log = logging.getLogger(__name__)

DESK_FILE = "desk.json"
DESK_ENV = "SELLER_APP_DESK"
NAME_LIMIT = 40
_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def clean_name(name: str) -> str:
    """A desk name as stored: one line, no control characters, at most `NAME_LIMIT` long."""
    text = "".join(char for char in name if char.isprintable()).strip()
    return text[:NAME_LIMIT]


def computer_name() -> str:
    return clean_name(socket.gethostname()) or "desk"


@dataclass(frozen=True)
class Desk:
    id: str
    name: str

    @classmethod
    def local(cls, data_dir: Path, name: str | None = None) -> Desk:
        """This PC's desk for `data_dir`: made (and saved) on first use; `name` (or
        ``SELLER_APP_DESK``) renames it."""
        path = Path(data_dir) / DESK_FILE
        wanted = clean_name(name if name is not None else os.environ.get(DESK_ENV, ""))
        saved = _read(path)
        if saved is not None and (not wanted or wanted == saved.name):
            return saved
        desk = cls(saved.id if saved else uuid.uuid4().hex, wanted or computer_name())
        try:
            write_atomic(path, json.dumps({"id": desk.id, "name": desk.name}).encode("utf-8"))
        except OSError as error:  # the desk still works this session; said once in the log
            log.warning("cannot save the desk name to %s: %s", path, error)
        return desk


def _read(path: Path) -> Desk | None:
    from ..readfile import InputFileError, read_regular

    try:
        data = json.loads(read_regular(path, 4096).decode("utf-8"))
        desk_id, name = str(data["id"]), clean_name(str(data["name"]))
    except (InputFileError, ValueError, KeyError, TypeError):
        return None
    if not _ID_RE.match(desk_id) or not name:
        return None
    return Desk(desk_id, name)
