"""`seller-claims calendar import FILE | list`: the official holiday schedules the app counts with.

The app knows the State Council's holiday schedules up to 2026 (``chinese-calendar``); for a
later year it counts weekends and the statutory holidays and warns that the make-up working days
are unknown. When the year's notice is out, ``calendar import FILE`` adds it (a small TOML or
JSON file, format in docs/holidays.md), validated, to the data folder -- no new installer.
``calendar list`` shows which years are official and where each comes from.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from .. import paths
from ..domain.catalog import Catalog
from . import common
from .common import UserError

LOOK_AHEAD_YEARS = 3


def _year_to_dict(official: Any) -> dict[str, Any]:
    return {
        "year": official.year,
        "days_off": len(official.days_off),
        "workdays": sorted(day.isoformat() for day in official.workdays),
        "source": official.source,
    }


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    from ..domain.workdays import ChinaCalendar
    from ..holiday_files import HolidayFileError, import_schedule, load_schedules

    data_dir = paths.user_data_dir(args.data_dir)
    if args.action == "import":
        try:
            official, stored = import_schedule(args.file, data_dir)
        except HolidayFileError as error:
            raise UserError(error.message(catalog.texts, args.lang)) from None
        except OSError as error:
            from ..store.errors import os_reason

            raise UserError(
                f"{error.filename or data_dir}: {os_reason(error, args.lang)}"
            ) from None
        common.print_json({**_year_to_dict(official), "stored": str(stored)})
        return 0
    imported = {official.year: official for official in load_schedules(data_dir)}
    calendar = ChinaCalendar(imported)
    this_year = common.now().year
    years = sorted(set(imported) | set(range(this_year - 1, this_year + LOOK_AHEAD_YEARS)))
    rows = []
    for year in years:
        if year in imported:
            source = "imported"
        elif calendar.knows(date(year, 6, 1)):
            source = "bundled"
        else:
            source = "statutory_only"
        rows.append(
            {
                "year": year,
                "official": source != "statutory_only",
                "source": source,
                "text": catalog.texts.get("holiday_source", source, args.lang, year=year),
            }
        )
    common.print_json({"years": rows})
    return 0


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "calendar", help="official holiday schedules: import a new year's, list what is known"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    shared = argparse.ArgumentParser(add_help=False)
    common.add_data_dir(shared)
    common.add_lang(shared)
    importing = actions.add_parser(
        "import", parents=[shared], help="add a year's official schedule (TOML or JSON)"
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    actions.add_parser("list", parents=[shared], help="which years are official")
    parser.set_defaults(run=run)
