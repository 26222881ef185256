"""A fresh store per test on each backend -- a desk's own SQLite file, or a schema of its own on
the session's real PostgreSQL server -- with an in-memory key store; a case with a buyer to
protect.

Tests that take `backend` or `store` run twice (``[sqlite]``, ``[postgresql]``): the store is
one interface, so its behaviour must not drift between the two. Tests about SQLite's files
(migration copies, the WAL, a killed writer) override `backend` with the SQLite one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from seller_app.credentials import KeyStore, MemoryKeyStore
from seller_app.domain.case import Case
from seller_app.store import Store
from tests.conftest import make_case

BUYER_PHONE = "13812345678"
BUYER = {"name": "张三丰", "phone": BUYER_PHONE, "address": "浙江省杭州市西湖区文三路90号3幢"}
SHOP = {"name": "小美家居", "contact": "李四", "phone": "13900001111"}
SHOP_PASSPHRASE = "店铺口令 correct horse"


def buyer_case(**overrides: object) -> Case:
    return make_case(buyer=BUYER, shop=SHOP, description="买家张三丰来电", **overrides)


def shop_passphrase(creating: bool) -> str:
    return SHOP_PASSPHRASE


@dataclass
class Backend:
    """Where a test's store lives, and how to open it as a desk would."""

    name: str
    data_dir: Path
    url: str | None = None
    server: Any = None

    @property
    def shared(self) -> bool:
        return self.url is not None

    def open(
        self,
        keys: KeyStore,
        *,
        data_dir: Path | None = None,
        desk: str | None = None,
        ask: Any = shop_passphrase,
    ) -> Store:
        """A desk's store: `data_dir` is the desk's own folder (another desk: another folder)."""
        folder = data_dir or self.data_dir
        if self.url is None:
            return Store.open(folder, keys, desk=desk)
        return Store.open_shared(self.url, keys, data_dir=folder, desk=desk, shop_passphrase=ask)

    def other(self, folder: Path) -> Backend:
        """Another, empty store of the same kind: another PC's folder, another server."""
        if self.url is None:
            return Backend(self.name, folder)
        import uuid

        url = self.server.fresh_schema(f"t_{uuid.uuid4().hex[:16]}")
        return Backend(self.name, folder, url, self.server)

    def restore(
        self, archive: Path, passphrase: str, keys: KeyStore, *, overwrite: bool = False
    ) -> Path | None:
        """Restore a backup into this store (its folder, or its server)."""
        if self.url is None:
            return Store.restore(archive, self.data_dir, passphrase, keys, overwrite=overwrite)
        return Store.restore_shared(
            archive, self.url, passphrase, keys, data_dir=self.data_dir, overwrite=overwrite
        )

    def holds_a_store(self) -> bool:
        if self.url is None:
            return (self.data_dir / "store.sqlite3").exists()
        import psycopg

        with psycopg.connect(self.url) as conn:
            row = conn.execute("SELECT to_regclass('cases')").fetchone()
            return row is not None and row[0] is not None

    def raw(self) -> bytes:
        """Every byte the database holds: the data folder's files, or every value of every row
        of every table on the server (text as UTF-8, bytea as it is)."""
        if self.url is None:
            return b"".join(p.read_bytes() for p in sorted(self.data_dir.rglob("*")) if p.is_file())
        import psycopg

        chunks = []
        with psycopg.connect(self.url) as conn:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = current_schema()"
                )
            ]
            for table in tables:
                for row in conn.execute(f"SELECT * FROM {table}"):  # type: ignore[arg-type]
                    for value in row:
                        if isinstance(value, bytes):
                            chunks.append(value)
                        elif value is not None:
                            chunks.append(str(value).encode("utf-8"))
        return b"\n".join(chunks)

    def tamper_blob(self, sha256: str) -> None:
        """Flip one bit of the sealed blob `sha256` where the store keeps it."""
        if self.url is None:
            blob = self.data_dir / "blobs" / sha256[:2] / sha256
            raw = bytearray(blob.read_bytes())
            raw[-1] ^= 1
            blob.write_bytes(bytes(raw))
            return
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(
                "UPDATE blobs SET data = overlay(data placing"
                " set_byte(substring(data from length(data) for 1), 0,"
                " get_byte(substring(data from length(data) for 1), 0) # 1)"
                " from length(data) for 1) WHERE sha256 = %s",
                (sha256,),
            )


@pytest.fixture(autouse=True)
def cheap_shop_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shop keys wrapped here cost 1/32 of the real scrypt work (still within the bounds; the
    parameters travel with the wrapped key, so unwrapping uses what wrapping used)."""
    from seller_app.store import shopkey

    monkeypatch.setattr(shopkey, "SCRYPT_N", 2**10)


@pytest.fixture
def keys() -> MemoryKeyStore:
    return MemoryKeyStore()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, data_dir: Path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", data_dir)
    url = request.getfixturevalue("pg_url")
    return Backend("postgresql", data_dir, url, request.getfixturevalue("pg_server"))


@pytest.fixture
def sqlite_backend(data_dir: Path) -> Backend:
    return Backend("sqlite", data_dir)


@pytest.fixture
def store(backend: Backend, keys: MemoryKeyStore) -> Iterator[Store]:
    with backend.open(keys) as opened:
        yield opened
