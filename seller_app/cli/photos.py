"""`seller-claims photos FILE...`: import evidence photos, check them, read their barcodes."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import leftovers
from ..domain.catalog import Catalog
from . import common
from .common import UserError

if TYPE_CHECKING:
    from ..evidence import PhotoInput


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    """Import photos: prepared copies (and manifest.json) into --out, a report on stdout; exit 2
    when any file could not be read (after reporting all of them)."""
    import tempfile

    # the photo workers were started by `cli.main` from the command line (issue 16): they
    # import Pillow while this process imports the importer, the checks and the report
    jobs = _jobs(args.jobs, args.lang)
    from ..evidence import PhotoError, import_photos
    from ..evidence.report import photos_report

    case = common.load_case(args.case, common.now()) if args.case else None
    inputs = [_photo_input(item, args.lang) for item in args.files]
    if args.out is not None:
        sources = [Path(item.path) for item in inputs] + ([args.case] if args.case else [])
        # the prepared copies are named <sha256 of the original>.jpg: an input of that name in
        # the folder would be overwritten, as would an input called manifest.json
        named_like_copies = [p.name for p in sources if _PREPARED_NAME.match(p.name)]
        common.check_output(
            args.out,
            args.lang,
            inputs=sources,
            folder=True,
            writes=["manifest.json", *named_like_copies],
        )
    with tempfile.TemporaryDirectory(prefix=leftovers.temp_prefix("photos")) as scratch:
        out_dir = args.out or Path(scratch)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            from ..documents.layout import shared_labels

            words = shared_labels()
            reason = common.os_reason(error, words, args.lang)
            raise UserError(
                words.get("cli", "cannot_write", args.lang, path=out_dir, detail=reason)
            ) from None
        results = import_photos(
            inputs,
            out_dir,
            case,
            read_barcodes=True,
            processes=jobs,
            carriers=catalog.carriers,
        )
        from ..evidence.pool import shutdown_pool

        shutdown_pool(wait=False)  # the workers exit while the report is written, not after it
        report = photos_report(results, args.lang, case, catalog.carriers)
        if args.out:
            from ..store.crypto import write_atomic

            manifest = common.json_text(report).encode("utf-8", "backslashreplace")
            write_atomic(out_dir / "manifest.json", manifest)
    failed = [r for r in results if isinstance(r, PhotoError)]
    if args.json:
        common.print_json(report)
        for error in failed:  # the text report shows them in place
            common.error_line(error.message(args.lang))
    else:
        sys.stdout.write(_photos_text(report, args.lang, catalog))
    return common.EXIT_USER_ERROR if failed else 0


_KIND_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_PREPARED_NAME = re.compile(r"^[0-9a-f]{64}\.jpg$")
MAX_JOBS = 64


def _jobs(value: int | None, lang: str) -> int | None:
    if value is None or 1 <= value <= MAX_JOBS:
        return value
    raise UserError(
        common.output_words().get("output", "bad_jobs", lang, most=MAX_JOBS, value=value)
    )


def _photo_input(item: str, lang: str) -> PhotoInput:
    """``FILE`` or ``KIND=FILE``. A file name with ``=`` in it is taken as it is when it exists;
    otherwise a word before ``=`` that is not a kind is refused, naming the kinds there are."""
    from ..domain.case import PhotoKind
    from ..evidence import PhotoInput
    from ..evidence.messages import kind_label, text

    kind, sep, rest = item.partition("=")
    kinds = {k.value: k for k in PhotoKind}
    if sep and kind in kinds:
        return PhotoInput(Path(rest), kinds[kind])
    if sep and _KIND_LIKE.match(kind) and not Path(item).exists():
        choices = text("cli", "kind_separator", lang).join(
            text("cli", "kind_choice", lang, kind=k.value, label=kind_label(k, lang))
            for k in PhotoKind
        )
        raise UserError(text("cli", "unknown_kind", lang, item=item, kind=kind, kinds=choices))
    return PhotoInput(Path(item))


def _photos_text(report: dict[str, Any], lang: str, catalog: Catalog) -> str:
    from ..evidence.messages import text

    lines = []
    for entry in report["photos"]:
        if not entry["ok"]:
            lines.append(f"✗ {entry['error']['text']}")
            continue
        taken = entry["captured_at"] or text("cli", "no_capture_time", lang)
        lines.append(
            f"✓ {entry['file']}  [{entry['kind_label']}]  {taken}  "
            f"{entry['width']}×{entry['height']} → {entry['prepared_width']}×"
            f"{entry['prepared_height']}  sha256 {entry['sha256'][:16]}…"
        )
        for code in entry["barcodes"]:
            where = {True: "in_case", False: "not_in_case"}.get(code["in_case"])
            by_code = catalog.carriers.by_code
            carriers = ", ".join(by_code[c].name(lang) for c in code["carriers"]) or "?"
            tail = f"  {text('cli', where, lang)}" if where else ""
            lines.append(f"    {text('cli', 'barcode', lang)} {code['number']} ({carriers}){tail}")
        lines.extend(f"    ! {warning['text']}" for warning in entry["warnings"])
    shots = report.get("shot_list")
    if shots:
        missing = [m["label"] for m in shots["missing"]] or [text("cli", "nothing_missing", lang)]
        score = f"{shots['score']:.0%}"
        lines.append(text("cli", "shot_list", lang, score=score, missing=", ".join(missing)))
    # file names and barcode texts come from outside: escaped line by line
    return "\n".join(common.safe_text(line) for line in lines) + "\n"


def add_parser(sub: Any) -> None:
    photos = sub.add_parser(
        "photos", help="import evidence photos: check, shrink, fingerprint, read barcodes"
    )
    photos.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="photo file, or KIND=FILE (e.g. waybill_label=a.jpg)",
    )
    photos.add_argument("--json", action="store_true", help="print the report as JSON")
    photos.add_argument(
        "--out", type=Path, metavar="DIR", help="write prepared copies + manifest.json"
    )
    photos.add_argument("--case", type=Path, metavar="CASE.json", help="check against this case")
    photos.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: all cores)"
    )
    common.add_lang(photos)
    photos.set_defaults(run=run)
