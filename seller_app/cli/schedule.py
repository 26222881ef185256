"""`seller-claims schedule CASE.json [--ics FILE]`: the follow-up deadlines of a case file.

The deadlines follow the case's events (docs/case-format.md): before ``claim_at`` only the task
of sending the claim, after it the courier's deadlines. The calendar file also carries the
deadlines the events have met, cancelled, so a calendar holding an earlier export updates.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from . import common
from .common import UserError


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    from ..domain.schedule import build_schedule, schedule_to_dict, settled_deadlines

    case = common.load_case(args.case, common.now())
    deadlines = build_schedule(case)
    if args.ics is not None:
        common.check_output(args.ics, args.lang, inputs=[args.case])
        from ..documents.calendar import write_ics

        try:
            write_ics(
                case,
                deadlines,
                catalog.texts,
                args.lang,
                args.ics,
                settled=settled_deadlines(case),
            )
        except OSError as error:
            raise UserError(
                catalog.texts.get(
                    "calendar",
                    "write_failed",
                    args.lang,
                    path=args.ics,
                    detail=error.strerror or error,
                )
            ) from None
    common.print_json(schedule_to_dict(deadlines, catalog.texts, args.lang))
    return 0


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("schedule", help="list the follow-up deadlines of a case file")
    parser.add_argument("case", type=Path, metavar="CASE.json")
    parser.add_argument(
        "--ics", type=Path, metavar="FILE", help="also write the deadlines as a calendar file"
    )
    common.add_lang(parser)
    parser.set_defaults(run=run)
