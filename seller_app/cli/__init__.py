"""`seller-claims`: the command-line face of the app. Never imports Qt.

One module per command (`assess`, `form`, `schedule`, `cases`, `photos`, `batch`, `escalate`,
`calendar`, `timeline`), each with ``add_parser(sub)`` and ``run(args, catalog)``; what they share
is in `common`. Every user mistake (bad file, bad JSON, invalid field) ends with one line on stderr
naming the field, in the chosen language, and exit status 2 -- never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .. import __version__, leftovers
from ..domain.catalog import Catalog
from ..domain.errors import CaseError
from . import assess, batch, calendar, cases, common, escalate, form, photos, schedule, timeline
from .common import EXIT_USER_ERROR, UserError

__all__ = ["EXIT_USER_ERROR", "UserError", "build_parser", "main"]

Command = Callable[[argparse.Namespace, Catalog], int]
COMMANDS = (assess, form, schedule, cases, photos, batch, escalate, calendar, timeline)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seller-claims",
        description="理赔助手：快递索赔计算、申告单与跟进提醒 / parcel-claim assistant for sellers",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    common.configure_streams()  # before argparse: its help and errors are Chinese too
    parser = build_parser()
    args = parser.parse_args(argv)
    leftovers.clean_at_start()  # prepared photos and partial files of a run that was killed
    lang = getattr(args, "lang", "zh")
    catalog = common.load_catalog()
    _use_imported_holidays(args)
    run: Command = args.run
    try:
        return run(args, catalog)
    except CaseError as error:  # messages quote the case file: escaped (`common.safe_text`)
        common.error_line(catalog.texts.error_message(error, lang))
    except UserError as error:
        common.error_line(error)
    except BrokenPipeError:  # `seller-claims assess x.json | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return EXIT_USER_ERROR


def _use_imported_holidays(args: argparse.Namespace) -> None:
    """Count deadlines with the official holiday schedules the seller imported (issue 13)."""
    from .. import paths
    from ..holiday_files import install_user_schedules

    install_user_schedules(paths.user_data_dir(getattr(args, "data_dir", None)))
