"""Case-store saves per second on each backend, side by side: a desk's own SQLite file and the
shop's PostgreSQL server.

    .venv/bin/python bench/store.py [--cases 300] [--database URL]

Without ``--database`` a throw-away PostgreSQL is started on a loopback port with its default
durability (fsync on, synchronous_commit on) -- the fair peer of SQLite's ``synchronous=FULL``;
both live on this machine's disk. With ``--database`` the figures are for that server (a
scratch schema is made in it and dropped afterwards). Each backend runs the same work, in the
same order:

- add: ``add_case`` of a case with buyer data (sealed), one transaction each;
- save: ``get_case`` then ``update_case`` with the version read -- what the app does each time
  a desk saves a change;
- event: ``record_event`` (a read-modify-write under the row lock);
- list: ``list_cases`` of everything (ms).

Prints one table, the two backends as columns.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seller_app.credentials import MemoryKeyStore  # noqa: E402
from seller_app.domain.case import SHANGHAI, case_from_json  # noqa: E402
from seller_app.domain.events import CaseEvent, EventKind  # noqa: E402
from seller_app.store import Store  # noqa: E402

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)
CASE = {
    "format": 1,
    "tracking_numbers": ["SF1234567890123"],
    "region": "domestic",
    "posted_at": "2026-11-11T18:20:00",
    "incident": "loss",
    "service_fee": "12.00",
    "goods_value": "300.00",
    "weight_kg": "2",
    "buyer": {"name": "张三丰", "phone": "13812345678", "address": "浙江省杭州市西湖区文三路90号"},
    "description": "买家来电说包裹没有收到",
}


def measure(store: Store, count: int) -> dict[str, float]:
    case = case_from_json(CASE, now=NOW)
    results: dict[str, float] = {}

    def rate(label: str, work: Callable[[int], object]) -> None:
        started = time.perf_counter()
        for number in range(count):
            work(number)
        results[label] = count / (time.perf_counter() - started)

    ids: list[int] = []
    rate("add_case /s", lambda n: ids.append(store.add_case(case, NOW)))

    def save(number: int) -> None:
        record = store.get_case(ids[number])
        bigger = replace(record.case, goods_value=record.case.goods_value + 1)
        store.update_case(ids[number], bigger, NOW, expected_version=record.version)

    rate("get + update_case /s", save)
    filed = CaseEvent(EventKind.FILED, NOW - timedelta(days=1))
    rate("record_event /s", lambda n: store.record_event(ids[n], filed, NOW))
    started = time.perf_counter()
    listed = store.list_cases()
    results[f"list_cases of {len(listed)} (ms)"] = (time.perf_counter() - started) * 1000
    return results


def sqlite_figures(count: int) -> dict[str, float]:
    with (
        tempfile.TemporaryDirectory(prefix="bench-store-") as folder,
        Store.open(Path(folder) / "data", MemoryKeyStore()) as store,
    ):
        return measure(store, count)


def server_figures(count: int, url: str | None) -> tuple[dict[str, float], str]:
    from tests.postgres import TemporaryServer

    server = None
    if url is None:
        server = TemporaryServer(durable=True).start()
        url = server.url()
        where = "a local PostgreSQL, fsync on"
    else:
        where = "the given server"
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    separator = "&" if "?" in url else "?"
    scoped = f"{url}{separator}options=-csearch_path%3D{schema}"
    try:
        with (
            tempfile.TemporaryDirectory(prefix="bench-store-") as folder,
            Store.open_shared(
                scoped,
                MemoryKeyStore(),
                data_dir=Path(folder),
                shop_passphrase=lambda c: "bench passphrase",
            ) as store,
        ):
            return measure(store, count), where
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")  # type: ignore[arg-type]
        if server is not None:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--database", default=None, help="a PostgreSQL URL (default: start one)")
    args = parser.parse_args()
    local = sqlite_figures(args.cases)
    shared, where = server_figures(args.cases, args.database)
    width = max(len(label) for label in local)
    print(f"{args.cases} cases; SQLite: this machine's disk, synchronous=FULL; PostgreSQL: {where}")
    print(f"{'':<{width}}  {'SQLite':>10}  {'PostgreSQL':>10}")
    for label in local:
        print(f"{label:<{width}}  {local[label]:>10.1f}  {shared[label]:>10.1f}")


if __name__ == "__main__":
    main()
