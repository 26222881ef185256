"""What a shop server holds, read without changing anything (the 共享案件库 dialog's 测试连接).

`probe` connects as `Store.open_shared` would (same settings, same password rules) but only
reads: whether the database holds a case store yet, at which schema version, whether a desk has
set the shop up (its wrapped data key is there), whether this desk's keychain already holds that
key, and how many cases and desks there are. It creates no table and takes no lock, so testing a
connection never changes a server -- not even an empty database a desk has not chosen yet.

Errors are the store's own: `server.ServerUnreachableError`, `server.ServerLoginError`,
``server_no_database`` ... each one line in zh/en.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import schema
from .base import key_name, reported
from .db import PostgresDatabase
from .server import ServerSettings, resolve
from .shopkey import SHOP_KEY, _fits

if TYPE_CHECKING:
    from ..credentials import KeyStore


@dataclass(frozen=True)
class ServerState:
    where: str
    """The server as messages name it (``shop@192.168.1.20:5432/claims``)."""
    schema: int
    """The case store's schema version there; 0 when the database holds none yet."""
    latest: int
    """The newest schema this app knows."""
    set_up: bool
    """A desk has set the shop up: the shop's data key, wrapped by the shop passphrase, is there."""
    unlocked: bool
    """This desk's keychain already holds the shop's data key (no passphrase will be asked)."""
    cases: int
    desks: int

    @property
    def too_new(self) -> bool:
        """The server was upgraded by a newer version of the app than this one."""
        return self.schema > self.latest


def probe(server: ServerSettings | str, keys: KeyStore, password: str | None = None) -> ServerState:
    """Connect, read what the server holds, disconnect (see the module docstring)."""
    settings, password = resolve(server, keys, password)
    conn = PostgresDatabase(settings, password)
    meta: dict[str, str] = {}
    cases = desks = 0
    try:
        with reported(conn):
            version = schema.schema_version(conn)
            if version > 0 and _has(conn, "meta"):
                meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if version > 0 and _has(conn, "cases"):
                cases = int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
            if version > 0 and _has(conn, "desks"):
                desks = int(conn.execute("SELECT count(*) FROM desks").fetchone()[0])
    finally:
        conn.close()
    store_id = meta.get("store_id")
    unlocked = False
    if store_id is not None:
        key = keys.get(key_name(store_id))
        unlocked = key is not None and _fits(key, meta)
    return ServerState(
        where=settings.display(),
        schema=version,
        latest=schema.LATEST,
        set_up=store_id is not None and SHOP_KEY in meta,
        unlocked=unlocked,
        cases=cases,
        desks=desks,
    )


def _has(conn: PostgresDatabase, table: str) -> bool:
    row = conn.execute("SELECT to_regclass(?)", (table,)).fetchone()
    return row is not None and row[0] is not None
