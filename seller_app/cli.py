"""`seller-claims`: the command-line face of the app. Never imports Qt.

Every user mistake (bad file, bad JSON, invalid field) ends with one line on stderr naming the
field, in the chosen language, and exit status 2 -- never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, paths
from .domain.case import SHANGHAI, Case, case_from_json
from .domain.catalog import Catalog
from .domain.errors import CaseError
from .domain.money import parse_amount

if TYPE_CHECKING:
    from .documents.layout import Labels
    from .evidence import PhotoInput

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
        elif path.is_file():
            found.append(path)
        else:
            raise UserError(words.get("cli", "photo_missing", lang, path=path))
    return found


def _os_reason(error: OSError, words: Labels, lang: str) -> str:
    """Why the system refused, in the user's language where we have the words for it."""
    name = errno.errorcode.get(error.errno or 0, "")
    if name in words.keys("os_error"):
        return words.get("os_error", name, lang)
    return error.strerror or str(error)


def cmd_form(args: argparse.Namespace, catalog: Catalog) -> int:
    """Render the claim form (and the buyer statement) for a case file."""
    import tempfile

    from .documents.claim_form import render_claim_form
    from .documents.fonts import MissingGlyphError
    from .documents.layout import LayoutError, UnknownLayoutError, load_layout, shared_labels
    from .documents.statement import render_buyer_statement, statement_needed
    from .domain.rules import assess
    from .domain.schedule import build_schedule
    from .evidence import PhotoError, PhotoInput, import_photos

    lang = args.lang
    try:
        words = load_layout(args.form).labels
    except UnknownLayoutError as error:
        raise UserError(error.message(shared_labels(), lang)) from None
    except LayoutError as error:
        raise UserError(str(error)) from None
    if args.password is not None and not args.password:
        raise UserError(words.get("cli", "empty_password", lang))
    if args.statement and args.statement.resolve() == args.output.resolve():
        raise UserError(words.get("cli", "same_output", lang, path=args.output))
    case = load_case(args.case, now())
    if args.statement and not statement_needed(case):
        raise UserError(words.get("cli", "statement_not_needed", lang))
    by_name = {Path(ref.file).name: ref for ref in case.photos}
    if args.photos:
        sources = _photo_paths(args.photos, words, lang)
    else:  # the photos the case file names, relative to the case file
        sources = _photo_paths([args.case.parent / ref.file for ref in case.photos], words, lang)
    inputs = [
        PhotoInput(path, by_name[path.name].kind, by_name[path.name].caption)
        if path.name in by_name
        else PhotoInput(path)
        for path in sources
    ]
    assessment = assess(case, catalog)
    deadlines = build_schedule(case)
    with tempfile.TemporaryDirectory(prefix="seller-claims-photos-") as prepared:
        results = import_photos(inputs, Path(prepared), case) if inputs else []
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
                password=args.password,
            )
            if args.statement:
                render_buyer_statement(
                    case, args.statement, catalog=catalog, lang=lang, password=args.password
                )
        except MissingGlyphError as error:
            raise UserError(error.message(lang)) from None
        except OSError as error:
            detail = _os_reason(error, words, lang)
            target = error.filename or args.output
            raise UserError(
                words.get("cli", "cannot_write", lang, path=target, detail=detail)
            ) from None
    for path in (args.output, args.statement):
        if path:
            sys.stdout.write(f"{path}\n")
    return 0


def cmd_photos(args: argparse.Namespace, catalog: Catalog) -> int:
    """Import photos: prepared copies (and manifest.json) into --out, a report on stdout; exit 2
    when any file could not be read (after reporting all of them)."""
    import tempfile

    from .documents.layout import shared_labels
    from .evidence import PhotoError, import_photos
    from .evidence.report import photos_report

    case = load_case(args.case, now()) if args.case else None
    inputs = [_photo_input(item, args.lang) for item in args.files]
    with tempfile.TemporaryDirectory(prefix="seller-photos-") as scratch:
        out_dir = args.out or Path(scratch)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            words = shared_labels()
            reason = _os_reason(error, words, args.lang)
            raise UserError(
                words.get("cli", "cannot_write", args.lang, path=out_dir, detail=reason)
            ) from None
        results = import_photos(
            inputs,
            out_dir,
            case,
            read_barcodes=True,
            processes=args.jobs,
            carriers=catalog.carriers,
        )
        report = photos_report(results, args.lang, case, catalog.carriers)
        if args.out:
            manifest = json.dumps(report, ensure_ascii=False, indent=2)
            (out_dir / "manifest.json").write_text(manifest + "\n", encoding="utf-8")
    failed = [r for r in results if isinstance(r, PhotoError)]
    if args.json:
        print_json(report)
        for error in failed:  # the text report shows them in place
            sys.stderr.write(f"seller-claims: {error.message(args.lang)}\n")
    else:
        sys.stdout.write(_photos_text(report, args.lang, catalog))
    return EXIT_USER_ERROR if failed else 0


_KIND_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _photo_input(item: str, lang: str) -> PhotoInput:
    """``FILE`` or ``KIND=FILE``. A file name with ``=`` in it is taken as it is when it exists;
    otherwise a word before ``=`` that is not a kind is refused, naming the kinds there are."""
    from .domain.case import PhotoKind
    from .evidence import PhotoInput
    from .evidence.messages import kind_label, text

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
    from .evidence.messages import text

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
    return "\n".join(lines) + "\n"


def cmd_schedule(args: argparse.Namespace, catalog: Catalog) -> int:
    from .domain.schedule import build_schedule, schedule_to_dict

    case = load_case(args.case, now())
    deadlines = build_schedule(case)
    if args.ics is not None:
        from .documents.calendar import write_ics

        try:
            write_ics(case, deadlines, catalog.texts, args.lang, args.ics)
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
    print_json(schedule_to_dict(deadlines, catalog.texts, args.lang))
    return 0


# --------------------------------------------------------------------------- cases (store)

PASSPHRASE_ENV = "SELLER_APP_PASSPHRASE"
BACKUP_PASSPHRASE_ENV = "SELLER_APP_BACKUP_PASSPHRASE"


def _ask(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A passphrase from `env`, else typed at a prompt (twice when `confirm`)."""
    import getpass

    from .credentials import CredentialError

    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CredentialError("passphrase_needed", env=env)
    try:
        typed = getpass.getpass(prompt)
        if confirm and getpass.getpass(prompt) != typed:
            raise CredentialError("passphrases_differ")
    except EOFError:
        raise CredentialError("passphrase_needed", env=env) from None
    return typed


def _amount_arg(text: str, flag: str) -> Decimal:
    """A yuan amount typed after `flag`: a number (`parse_amount`) the store would accept."""
    from .store.base import check_amount

    return check_amount(parse_amount(text, flag), flag)


def cmd_cases(args: argparse.Namespace, catalog: Catalog) -> int:
    from .credentials import CredentialError, KeyStore, key_store_for
    from .store import CaseStatus, Store, StoreError
    from .store.errors import os_reason, text
    from .store.export import yuan_text
    from .store.present import record_to_dict, summary_to_dict

    data_dir = paths.user_data_dir(args.data_dir)
    action: str = args.action

    def keys() -> KeyStore:
        return key_store_for(data_dir, lambda: _ask(PASSPHRASE_ENV, "数据口令 / passphrase: "))

    try:
        if action == "restore":
            passphrase = _ask(BACKUP_PASSPHRASE_ENV, "备份口令 / backup passphrase: ")
            moved = Store.restore(args.archive, data_dir, passphrase, keys(), overwrite=args.yes)
            print_json({"restored": str(data_dir), "previous_data": moved and str(moved)})
            return 0
        with Store.open(data_dir, keys()) as store:
            if action == "list":
                status = CaseStatus(args.status) if args.status else None
                found = store.list_cases(status, args.tracking)
                print_json([summary_to_dict(s, catalog.carriers) for s in found])
            elif action == "show":
                print_json(record_to_dict(store, store.get_case(args.id), redact=args.redact))
            elif action == "status":
                recovered = _amount_arg(args.recovered, "--recovered") if args.recovered else None
                store.set_status(
                    args.id, args.new_status, now(), note=args.note, amount_recovered=recovered
                )
                record = store.get_case(args.id)
                claimed, got = record.amount_claimed, record.amount_recovered
                if claimed is not None and got is not None and got > claimed:
                    warning = text(
                        "recovered_above_claimed",
                        args.lang,
                        case_id=record.id,
                        recovered=yuan_text(got),
                        claimed=yuan_text(claimed),
                    )
                    sys.stderr.write(f"seller-claims: {warning}\n")
                print_json(
                    {
                        "id": record.id,
                        "status": record.status.value,
                        "amount_recovered": yuan_text(got),
                    }
                )
            elif action == "import":
                at = now()
                case = load_case(args.case, at)
                if args.claimed:
                    claimed = _amount_arg(args.claimed, "--claimed")
                else:  # what the engine says the seller can claim
                    from .domain.rules import assess

                    claimed = assess(case, catalog).amount
                case_id = store.add_case(case, at, amount_claimed=claimed)
                print_json({"id": case_id, "amount_claimed": yuan_text(claimed)})
            elif action == "export":
                dest = store.export_case(
                    args.id, args.dest, redact=args.redact, as_zip=not args.folder
                )
                print_json({"exported": str(dest), "redacted": args.redact})
            elif action == "backup":
                passphrase = _ask(
                    BACKUP_PASSPHRASE_ENV, "备份口令 / backup passphrase: ", confirm=True
                )
                print_json({"backup": str(store.backup(args.dest, passphrase))})
    except (StoreError, CredentialError) as error:
        raise UserError(error.message(args.lang)) from None
    except OSError as error:
        raise UserError(f"{error.filename or data_dir}: {os_reason(error, args.lang)}") from None
    return 0


def cmd_batch(args: argparse.Namespace, catalog: Catalog) -> int:
    from .batch.command import run

    def open_store() -> Any:
        from .credentials import key_store_for
        from .store import Store

        data_dir = paths.user_data_dir(args.data_dir)
        keys = key_store_for(data_dir, lambda: _ask(PASSPHRASE_ENV, "数据口令 / passphrase: "))
        return Store.open(data_dir, keys)

    return run(args, catalog, now(), open_store=None if args.no_store else open_store)


Command = Callable[[argparse.Namespace, Catalog], int]


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)"
    )


def _case_statuses() -> list[Any]:
    from .store.records import CaseStatus

    return list(CaseStatus)


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
    form.add_argument("--password", default=None, help="protect the PDF with this password")
    form.add_argument(
        "--statement",
        type=Path,
        default=None,
        metavar="OUT2.pdf",
        help="also write the buyer statement (未收到货物声明)",
    )
    _add_lang(form)
    form.set_defaults(run=cmd_form)

    schedule = sub.add_parser("schedule", help="list the follow-up deadlines of a case file")
    schedule.add_argument("case", type=Path, metavar="CASE.json")
    schedule.add_argument(
        "--ics", type=Path, metavar="FILE", help="also write the deadlines as a calendar file"
    )
    _add_lang(schedule)
    schedule.set_defaults(run=cmd_schedule)

    cases = sub.add_parser("cases", help="the case store: list, show, status, export, backup")
    actions = cases.add_subparsers(dest="action", required=True, metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data directory (default: $SELLER_APP_DATA_DIR or the user data dir)",
    )
    _add_lang(common)
    listing = actions.add_parser("list", parents=[common], help="list cases")
    listing.add_argument("--status", choices=[s.value for s in _case_statuses()])
    listing.add_argument("--tracking", help="only cases with this tracking number")
    show = actions.add_parser("show", parents=[common], help="one case with history and files")
    show.add_argument("id", type=int)
    show.add_argument("--redact", action="store_true", help="mask buyer name, phone, address")
    status = actions.add_parser("status", parents=[common], help="move a case to a new status")
    status.add_argument("id", type=int)
    status.add_argument("new_status", choices=[s.value for s in _case_statuses()])
    status.add_argument("--note", default="")
    status.add_argument("--recovered", help="amount recovered (yuan)")
    export = actions.add_parser("export", parents=[common], help="write a case's evidence pack")
    export.add_argument("id", type=int)
    export.add_argument("dest", type=Path)
    export.add_argument("--redact", action="store_true", help="mask buyer name, phone, address")
    export.add_argument("--folder", action="store_true", help="a folder instead of a zip")
    importing = actions.add_parser("import", parents=[common], help="store a case file")
    importing.add_argument("case", type=Path, metavar="CASE.json")
    importing.add_argument("--claimed", help="amount claimed (yuan)")
    backup = actions.add_parser("backup", parents=[common], help="one encrypted zip of it all")
    backup.add_argument("dest", type=Path)
    restore = actions.add_parser("restore", parents=[common], help="restore an encrypted backup")
    restore.add_argument("archive", type=Path)
    restore.add_argument("--yes", action="store_true", help="replace the existing data")
    cases.set_defaults(run=cmd_cases)

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
    _add_lang(photos)
    photos.set_defaults(run=cmd_photos)

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
