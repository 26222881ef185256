"""`seller-claims batch ORDERS.csv|xlsx`: claims for every row of an order export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import paths
from ..domain.catalog import Catalog
from . import common


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    from ..batch.calendar_file import CALENDAR_FILE
    from ..batch.command import run as run_batch
    from ..batch.summary import SUMMARY_FILE

    # the output folder never inside the data folder, and nothing written onto what is read
    inputs = [path for path in (args.orders, args.photos) if path is not None]
    if args.mapping and args.mapping.endswith(".toml"):
        inputs.append(Path(args.mapping))
    common.check_output(
        args.out,
        args.lang,
        inputs=inputs,
        data_dir=common.data_dir_for(args.data_dir),
        folder=True,
        writes=[SUMMARY_FILE, CALENDAR_FILE],
    )

    def open_store() -> Any:
        from ..credentials import key_store_for
        from ..store import Store

        data_dir = paths.user_data_dir(args.data_dir)
        keys = key_store_for(
            data_dir, lambda: common.ask(common.PASSPHRASE_ENV, "数据口令 / passphrase: ")
        )
        return Store.open(data_dir, keys)

    return run_batch(args, catalog, common.now(), open_store=None if args.no_store else open_store)


def add_parser(sub: Any) -> None:
    from ..batch.command import add_arguments

    parser = sub.add_parser("batch", help="make claims for every row of an order export (CSV/XLSX)")
    add_arguments(parser)
    common.add_lang(parser)
    parser.set_defaults(run=run)
