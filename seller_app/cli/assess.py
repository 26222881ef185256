"""`seller-claims assess CASE.json`: the compensation for a case file, as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from . import common


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    from ..domain.present import assessment_to_dict
    from ..domain.rules import assess

    now = common.now()
    case = common.load_case(args.case, now)
    assessment = assess(case, catalog, now=now)
    common.print_json(assessment_to_dict(assessment, catalog.texts, args.lang))
    return 0


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("assess", help="work out the compensation for a case file")
    parser.add_argument("case", type=Path, metavar="CASE.json")
    common.add_lang(parser)
    parser.set_defaults(run=run)
