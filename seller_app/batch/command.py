"""`seller-claims batch ORDERS.csv --out DIR ...`: the command-line face of the batch import.

Exit status: 0 every row became a claim; 3 some rows were refused or failed (each listed with its
row number and reason, and in the summary CSV); 2 the input is unusable (missing file, unknown
mapping, no header, a damaged or hostile file, or something every row needs that neither the
file nor the command line gives -- asked for once, in words, before anything is made);
130 cancelled with Ctrl-C (what was done is kept).
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..domain.case import Extent, Incident, MismatchKind, Region
from ..domain.catalog import Catalog
from ..domain.errors import CaseError
from ..domain.money import parse_amount
from . import imports_dir
from .calendar_file import CALENDAR_FILE, CombinedCalendar
from .claim import ClaimSettings, RowResult
from .mapping import available_mappings
from .messages import BatchTexts
from .overview import describe
from .reader import InputError
from .rows import RowDefaults, parse_posted
from .runner import Outcome, ProgressCallback, run_batch, worker_count
from .source import OrderExport, open_export
from .summary import SUMMARY_FILE, SummaryWriter

if TYPE_CHECKING:
    from ..store import Store

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_SOME_REFUSED = 3
EXIT_CANCELLED = 130
ROWS_PER_COMMIT = 500
"""Cases put into the store per commit (and at least once a second; see `filing.CaseFiler`)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("orders", type=Path, metavar="ORDERS.csv|xlsx")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="where the forms, cases and summary.csv go",
    )
    parser.add_argument("--mapping", help="column mapping id or .toml file (default: detect)")
    parser.add_argument(
        "--items",
        type=Path,
        metavar="ITEMS.csv|xlsx",
        help="the items report (宝贝报表) to join by order id for goods and quantity",
    )
    parser.add_argument(
        "--posted",
        metavar="DATE",
        help="posting date for rows without one (default: the payment time, said on each case)",
    )
    parser.add_argument(
        "--incident", choices=[i.value for i in Incident], help="incident for rows without one"
    )
    parser.add_argument(
        "--extent",
        choices=[e.value for e in Extent],
        help="damage extent for damage rows without one",
    )
    parser.add_argument(
        "--mismatch",
        choices=[k.value for k in MismatchKind],
        help="mismatch kind for mismatch rows without one",
    )
    parser.add_argument("--region", choices=[r.value for r in Region])
    parser.add_argument("--service-fee", metavar="YUAN", help="courier fee for rows without one")
    parser.add_argument("--weight", metavar="KG", help="parcel weight for rows without one")
    parser.add_argument("--insurance-fee", metavar="YUAN")
    parser.add_argument(
        "--policy", help="compensation policy id (default: each courier's own terms)"
    )
    parser.add_argument(
        "--photos", type=Path, metavar="DIR", help="photos named with the tracking number"
    )
    parser.add_argument(
        "--form",
        default="generic",
        metavar="LAYOUT",
        help="claim-form layout (default generic; 'none' for no PDF)",
    )
    parser.add_argument(
        "--no-store", action="store_true", help="do not put the cases into the case store"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="case store directory (default: $SELLER_APP_DATA_DIR or the user data dir)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: all cores)"
    )


def _decimal_option(value: str | None, option: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = parse_amount(value, option)
    except CaseError:
        raise InputError("bad_option", option=option, value=value) from None
    if amount < 0:
        raise InputError("bad_option", option=option, value=value)
    return amount


def _posted(value: str | None, now: datetime) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_posted(value, now)
    except ValueError:
        raise InputError("bad_posted", value=value) from None


def defaults_from_args(args: argparse.Namespace, now: datetime) -> RowDefaults:
    return RowDefaults(
        posted_at=_posted(args.posted, now),
        incident=args.incident,
        damage_extent=args.extent,
        mismatch_kind=args.mismatch,
        region=args.region,
        service_fee=_decimal_option(args.service_fee, "--service-fee"),
        weight_kg=_decimal_option(args.weight, "--weight"),
        insurance_fee=_decimal_option(args.insurance_fee, "--insurance-fee"),
        policy=args.policy,
    )


def progress_reporter(texts: BatchTexts, lang: str, stream: TextIO) -> ProgressCallback:
    """A tqdm bar (rate, ETA) on a terminal; a plain line every ~5% otherwise."""
    if stream.isatty():
        from tqdm import tqdm

        bar: tqdm[None] | None = None

        def on_tty(done: int, total: int | None) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=total, file=stream, unit="row", dynamic_ncols=True)
            bar.update(done - bar.n)
            if total is not None and done >= total:
                bar.close()

        return on_tty

    last = [0]

    def on_line(done: int, total: int | None) -> None:
        step = max(1, (total or 100) // 20)
        if done - last[0] >= step or (total is not None and done >= total):
            last[0] = done
            print(
                texts.get("report", "progress", lang, done=done, total=total or "?"),
                file=stream,
                flush=True,
            )

    return on_line


def _check_every_row_can_be_filled(
    export: OrderExport, defaults: RowDefaults, texts: BatchTexts, lang: str
) -> None:
    """Without a column, a command-line default or a mapping default, every row would be
    refused for the same reason: ask once, in words, instead."""
    needs = export.needs(defaults)
    if not needs.ready:
        asked = texts.listing(texts.asked(needs.asked, lang), lang, sentences=True)
        raise InputError("defaults_needed", needs=asked)


def _check_layout(name: str) -> None:
    from ..documents.layout import LayoutError, UnknownLayoutError, load_layout

    try:
        load_layout(name)
    except UnknownLayoutError as error:
        raise InputError("unknown_layout", value=name, known=", ".join(error.known)) from None
    except LayoutError as error:
        raise InputError("bad_layout", value=name, detail=str(error)) from None


def _open_store_or_say(open_store: Callable[[], Store], lang: str, err: TextIO) -> Store | None:
    from ..credentials import CredentialError
    from ..store import StoreError

    try:
        return open_store()
    except (StoreError, CredentialError) as error:
        print(f"seller-claims: {error.message(lang)}", file=err)
    except OSError as error:
        print(f"seller-claims: {error.filename or ''}: {error.strerror or error}", file=err)
    return None


def run(
    args: argparse.Namespace,
    catalog: Catalog,
    now: datetime,
    *,
    open_store: Callable[[], Store] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """The whole command; `open_store` is None for ``--no-store`` (case files only)."""
    out = out or sys.stdout
    err = err or sys.stderr
    lang: str = args.lang
    texts = BatchTexts.load(imports_dir(catalog.root), catalog.texts)

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    try:
        defaults = defaults_from_args(args, now)
        mappings = available_mappings(imports_dir(catalog.root))
        export = open_export(args.orders, mappings, args.mapping, args.items)
        _check_every_row_can_be_filled(export, defaults, texts, lang)
        if args.photos is not None and not args.photos.is_dir():
            raise InputError("photos_missing", path=str(args.photos))
        if args.out.exists() and not args.out.is_dir():
            raise InputError("out_not_folder", path=str(args.out))
        if args.form != "none":
            _check_layout(args.form)
        total = export.count_rows()  # reads the whole file once: a damaged one stops here
    except InputError as error:
        print(f"seller-claims: {texts.input_error(error, lang)}", file=err)
        return EXIT_USER_ERROR
    for line in describe(export, defaults, texts, lang):
        say(line)
    settings = ClaimSettings(
        out_dir=args.out,
        now=now,
        lang=lang,
        form_layout=None if args.form == "none" else args.form,
        photos_dir=args.photos,
    )
    summary_path = args.out / SUMMARY_FILE
    not_stored: list[tuple[str, str]] = []
    with ExitStack() as stack:
        filer = None
        if open_store is not None:
            from .filing import CaseFiler

            store = _open_store_or_say(open_store, lang, err)
            if store is None:
                return EXIT_USER_ERROR
            opened = stack.enter_context(store)
            filer = stack.enter_context(CaseFiler(opened, now, rows_per_commit=ROWS_PER_COMMIT))
        summary = stack.enter_context(SummaryWriter(summary_path, texts, lang))
        calendar = stack.enter_context(
            CombinedCalendar(args.out / CALENDAR_FILE, texts.get("report", "calendar", lang))
        )

        def on_outcome(outcome: Outcome) -> None:
            filed = None
            refused_by_store = ""
            if isinstance(outcome, RowResult) and not outcome.failed:
                calendar.add(outcome)
                if filer is not None:
                    try:
                        filed = filer(outcome)
                    except Exception as error:  # noqa: BLE001 -- this row's problem only
                        refused_by_store = store_reason(error, lang)
                        not_stored.append((outcome.key, refused_by_store))
            summary.write(outcome, filed, refused_by_store)

        report = run_batch(
            export.entries(defaults, now),
            settings,
            catalog,
            processes=worker_count(args.jobs),
            total=total,
            cancel=threading.Event(),
            on_outcome=on_outcome,
            on_progress=progress_reporter(texts, lang, err),
        )
    for refused in report.refused:
        for problem in refused.problems:
            say(texts.problem_line(problem, lang))
    for result in report.failed:
        for problem in result.problems:
            say(texts.problem_line(problem, lang))
    for merged in report.merged:
        say(texts.get("report", "merged", lang, row=merged.row, into=merged.into))
    for key, reason in not_stored:
        say(texts.get("report", "not_stored", lang, key=key, reason=reason))
    if report.cancelled:
        say(texts.get("report", "cancelled", lang, done=report.made))
        return EXIT_CANCELLED
    say(
        texts.get(
            "report",
            "done",
            lang,
            done=report.made,
            refused=len(report.refused) + len(report.failed) + len(not_stored),
            summary=summary_path,
        )
    )
    trouble = report.refused or report.failed or not_stored
    return EXIT_SOME_REFUSED if trouble else EXIT_OK


def store_reason(error: Exception, lang: str) -> str:
    """Why the case book refused a case, in the user's language where it has the words."""
    message = getattr(error, "message", None)
    if callable(message):
        return str(message(lang))
    if isinstance(error, OSError):
        return f"{error.filename or ''} {error.strerror or error}".strip()
    return str(error) or type(error).__name__
