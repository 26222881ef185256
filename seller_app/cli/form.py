"""`seller-claims form CASE.json -o OUT.pdf`: the claim form (and the buyer statement)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import leftovers
from ..domain.catalog import Catalog
from . import common
from .common import UserError

if TYPE_CHECKING:
    from ..documents.layout import Labels


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff", ".bmp")


def _photo_paths(given: Sequence[Path], words: Labels, lang: str) -> list[Path]:
    """Files as given, folders expanded to the photos in them (sorted by name)."""
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES)
            if not inside:
                raise UserError(words.get("cli", "no_photos_in_dir", lang, path=path))
            found.extend(inside)
        elif path.exists():  # a file; anything else is refused when read (not a regular file)
            found.append(path)
        else:
            raise UserError(words.get("cli", "photo_missing", lang, path=path))
    return found


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    """Render the claim form (and the buyer statement) for a case file."""
    import tempfile
    from concurrent.futures import ThreadPoolExecutor

    # The photo workers were started by `cli.main` before this module was imported (two photos
    # or more: one is prepared in this process); ReportLab, the font and the rules are imported
    # once the photos are with the workers.
    from ..documents.layout import LayoutError, UnknownLayoutError, load_layout, shared_labels
    from ..evidence import PhotoError, PhotoInput, import_photos

    lang = args.lang
    try:
        words = load_layout(args.form).labels
    except UnknownLayoutError as error:
        raise UserError(error.message(shared_labels(), lang)) from None
    except LayoutError as error:
        raise UserError(str(error)) from None
    password = common.pdf_password(args, lang)
    if args.statement and common.same_path(args.statement, args.output):
        raise UserError(words.get("cli", "same_output", lang, path=common.safe_text(args.output)))
    now = common.now()
    case = common.load_case(args.case, now)
    if args.statement:
        from ..documents.statement import statement_needed

        if not statement_needed(case):
            raise UserError(words.get("cli", "statement_not_needed", lang))
    by_name = {Path(ref.file).name: ref for ref in case.photos}
    if args.photos:
        sources = _photo_paths(args.photos, words, lang)
    else:  # the photos the case file names, relative to the case file
        sources = _photo_paths([args.case.parent / ref.file for ref in case.photos], words, lang)
    for output in (args.output, args.statement):
        if output is not None:
            common.check_output(output, lang, inputs=[args.case, *sources])
    inputs = [
        PhotoInput(path, by_name[path.name].kind, by_name[path.name].caption)
        if path.name in by_name
        else PhotoInput(path)
        for path in sources
    ]
    with (
        tempfile.TemporaryDirectory(prefix=leftovers.temp_prefix("photos")) as prepared,
        ThreadPoolExecutor(max_workers=1) as side,
    ):
        # The photos are prepared by worker processes; meanwhile this process imports ReportLab
        # (~0.15 s), assesses, plans the deadlines and reads the font (~0.1 s) instead of
        # waiting for them -- and only after handing them the photos (issue 16: the workers,
        # ready ~0.25 s after the start, waited ~0.1 s for the import of ReportLab).
        preparing = side.submit(import_photos, inputs, Path(prepared), case) if inputs else None
        from ..documents.claim_form import render_claim_form
        from ..documents.fonts import MissingGlyphError, register_font
        from ..documents.statement import render_buyer_statement
        from ..domain.rules import assess
        from ..domain.schedule import projected_schedule

        assessment = assess(case, catalog, now=now)
        deadlines = projected_schedule(case, now)  # as they run once the form dated today is sent
        register_font()
        results = preparing.result() if preparing is not None else []
        if preparing is not None:  # the workers exit while the form is written, not after it
            from ..evidence.pool import shutdown_pool

            shutdown_pool(wait=False)
        failed = [r for r in results if isinstance(r, PhotoError)]
        if failed:
            raise UserError(failed[0].message(lang))
        photos = [r for r in results if not isinstance(r, PhotoError)]
        try:
            render_claim_form(
                case,
                assessment,
                args.output,
                catalog=catalog,
                layout=args.form,
                photos=photos,
                deadlines=deadlines,
                lang=lang,
                password=password,
                dated=now,
            )
            if args.statement:
                render_buyer_statement(
                    case, args.statement, catalog=catalog, lang=lang, password=password
                )
        except MissingGlyphError as error:
            raise UserError(error.message(lang)) from None
        except OSError as error:
            detail = common.os_reason(error, words, lang)
            target = error.filename or args.output
            raise UserError(
                words.get("cli", "cannot_write", lang, path=target, detail=detail)
            ) from None
    for path in (args.output, args.statement):
        if path:
            sys.stdout.write(f"{common.safe_text(path)}\n")
    if password is not None:  # say what the password does and does not do
        common.error_line(words.get("protection", "aes_256", lang))
    return 0


# `--password` without a value asks for it (or takes $SELLER_APP_PDF_PASSWORD); a value typed
# on the command line is refused: every user of the machine can read it in the process list.
def add_parser(sub: Any) -> None:
    form = sub.add_parser("form", help="write the claim form PDF (索赔申告单) for a case file")
    form.add_argument("case", type=Path, metavar="CASE.json")
    form.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    form.add_argument(
        "--photos",
        type=Path,
        nargs="+",
        metavar="DIR_OR_FILE",
        help="evidence photos or folders of photos (default: the case file's photos)",
    )
    form.add_argument(
        "--form",
        default="generic",
        metavar="LAYOUT",
        help="form layout from forms/: generic (default), sf, ...",
    )
    common.add_password_arguments(form)
    form.add_argument(
        "--statement",
        type=Path,
        default=None,
        metavar="OUT2.pdf",
        help="also write the buyer statement: 未收到货物声明 (not received) or 收货情况说明"
        " (received damaged, short or wrong)",
    )
    common.add_lang(form)
    form.set_defaults(run=run)
