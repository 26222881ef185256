"""`seller-claims`: the command-line face of the app. Never imports Qt.

Every user mistake (bad file, bad JSON, invalid field) ends with one line on stderr naming the
field, in the chosen language, and exit status 2 -- never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import __version__, paths
from .domain.case import SHANGHAI, Case, case_from_json
from .domain.catalog import Catalog
from .domain.errors import CaseError

EXIT_USER_ERROR = 2


class UserError(Exception):
    """A mistake the user can fix, already worded for them."""


def now() -> datetime:
    """The one clock read of a CLI run; rules get it as a value."""
    return datetime.now(SHANGHAI)


def load_catalog() -> Catalog:
    return Catalog.load(paths.resources_dir())


def read_case_data(path: Path) -> Any:
    """Read a case file as JSON with money parsed exactly; raise `CaseError` naming the file."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseError(name, "file_missing") from None
    except OSError as error:
        raise CaseError(name, "file_unreadable", detail=error.strerror or error) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseError(name, "not_utf8") from None
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise CaseError(
            name, "bad_json", line=error.lineno, column=error.colno, detail=error.msg
        ) from None


def load_case(path: Path, at: datetime) -> Case:
    return case_from_json(read_case_data(path), now=at)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# --------------------------------------------------------------------------- commands


def cmd_assess(args: argparse.Namespace, catalog: Catalog) -> int:
    from .domain.present import assessment_to_dict
    from .domain.rules import assess

    case = load_case(args.case, now())
    print_json(assessment_to_dict(assess(case, catalog), catalog.texts, args.lang))
    return 0


def cmd_batch(args: argparse.Namespace, catalog: Catalog) -> int:
    from .batch.command import run

    return run(args, catalog, now())


Command = Callable[[argparse.Namespace, Catalog], int]


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seller-claims",
        description="理赔助手：快递索赔计算、申告单与跟进提醒 / parcel-claim assistant for sellers",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    assess = sub.add_parser("assess", help="work out the compensation for a case file")
    assess.add_argument("case", type=Path, metavar="CASE.json")
    _add_lang(assess)
    assess.set_defaults(run=cmd_assess)

    batch = sub.add_parser("batch", help="make claims for every row of an order export (CSV/XLSX)")
    from .batch.command import add_arguments as add_batch_arguments

    add_batch_arguments(batch)
    _add_lang(batch)
    batch.set_defaults(run=cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", "zh")
    catalog = load_catalog()
    run: Command = args.run
    try:
        return run(args, catalog)
    except CaseError as error:
        print(f"seller-claims: {catalog.texts.error_message(error, lang)}", file=sys.stderr)
    except UserError as error:
        print(f"seller-claims: {error}", file=sys.stderr)
    except BrokenPipeError:  # `seller-claims assess x.json | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
