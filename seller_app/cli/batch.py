"""`seller-claims batch ORDERS.csv|xlsx`: claims for every row of an order export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

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

    def open_store() -> Any:  # this PC's store, or the shop's with --database (issue 17)
        return common.open_store(args)

    return run_batch(args, catalog, common.now(), open_store=None if args.no_store else open_store)


def add_parser(sub: Any) -> None:
    from ..batch.command import add_arguments

    parser = sub.add_parser("batch", help="make claims for every row of an order export (CSV/XLSX)")
    add_arguments(parser)
    common.add_lang(parser)
    common.add_store_arguments(parser)
    parser.set_defaults(run=run)
