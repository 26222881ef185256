"""`seller-claims`: the command-line face of the app. Never imports Qt.

One module per command (`assess`, `form`, `schedule`, `cases`, `photos`, `batch`, `escalate`,
`calendar`, `timeline`), each with ``add_parser(sub)`` and ``run(args, catalog)``; what they share
is in `common`. Every user mistake (bad file, bad JSON, invalid field) ends with one line on stderr
naming the field, in the chosen language, and exit status 2 -- never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..domain.catalog import Catalog
    from .common import EXIT_USER_ERROR, UserError

__all__ = ["EXIT_USER_ERROR", "UserError", "build_parser", "main"]

Command = Callable[[argparse.Namespace, "Catalog"], int]
COMMAND_MODULES = (
    "assess", "form", "schedule", "cases", "photos", "batch", "escalate", "calendar", "timeline"
)  # fmt: skip
# Nothing heavy is imported until `main` runs: the photo and batch worker processes, started
# with "spawn", import the program's main script again -- for the installed `seller-claims`
# that is ``from seller_app.cli import main`` -- and a worker pays for every import it makes.


def __getattr__(name: str) -> Any:
    if name in ("EXIT_USER_ERROR", "UserError"):
        from . import common

        return getattr(common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with a known `command`, only that command's part (the others' modules,
    the batch's and the case book's above all, take a while to import)."""
    from importlib import import_module

    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="seller-claims",
        description="理赔助手：快递索赔计算、申告单与跟进提醒 / parcel-claim assistant for sellers",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in (command,) if command in COMMAND_MODULES else COMMAND_MODULES:
        import_module(f".{name}", __name__).add_parser(sub)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (its first word), if any."""
    return argv[0] if argv and not argv[0].startswith("-") else None


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    _start_photo_workers(words)  # first: the workers start while this process imports the rest
    if argv is None:  # the process is the command (not a caller's)
        _collect_less(words)

    from .. import leftovers
    from ..domain.errors import CaseError
    from . import common
    from .common import EXIT_USER_ERROR, UserError

    common.configure_streams()  # before argparse: its help and errors are Chinese too
    parser = build_parser(_command(words))
    args = parser.parse_args(words)
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
    finally:
        if argv is None:
            gc.freeze()  # see `_collect_less`
    return EXIT_USER_ERROR


def _use_imported_holidays(args: argparse.Namespace) -> None:
    """Count deadlines with the official holiday schedules the seller imported (issue 13)."""
    from .. import paths
    from ..holiday_files import install_user_schedules

    install_user_schedules(paths.user_data_dir(getattr(args, "data_dir", None)))


# -- The photo workers, started before anything else (issue 16) ---------------------------------
# `form --photos DIR` and `photos A B ...` spend most of their time on the photo workers: each
# is a fresh interpreter that then imports Pillow (~0.3 s from the start on 2 cores). Started
# from the command's `run`, they began after `common`, the catalog and the parser (~0.1 s);
# started here they begin ~0.03 s after launch. A cheap look at the words only: the command
# parses them as it always did, and when it refuses them (a typo, a missing file) the pool is
# shut down at exit like any other. Starting needs at least two photos that exist -- one photo
# is prepared in this process -- and no `--jobs 1`, `-h` or `--version`.

_VALUED = {  # the options whose value is a separate word, per command
    "form": ("-o", "--output", "--form", "--statement", "--lang"),
    "photos": ("--out", "--case", "--jobs", "--lang"),
}


def _start_photo_workers(words: Sequence[str]) -> None:
    command = _command(words)
    if command not in _VALUED or any(w in ("-h", "--help", "--version") for w in words):
        return
    photos, jobs = _photo_words(words[1:], command)
    if jobs == 1 or not _two_photos(photos):
        return
    from ..evidence.pool import warm_up

    warm_up(jobs)


def _photo_words(words: Sequence[str], command: str) -> tuple[list[str], int | None]:
    """The photos named (``--photos`` values for `form`, the files for `photos`) and ``--jobs``
    (None when not given or not a number the command takes: it says so itself)."""
    photos: list[str] = []
    jobs: int | None = None
    collecting = command == "photos"  # its files are positional; form's follow --photos
    index, options = 0, True
    while index < len(words):
        word = words[index]
        index += 1
        if options and word == "--":
            options = False
        elif options and word.startswith("-"):
            name, eq, value = word.partition("=")
            if not eq and name in _VALUED[command]:
                value, index = (words[index] if index < len(words) else ""), index + 1
            if name == "--jobs":
                jobs = int(value) if value.isdigit() and int(value) >= 1 else None
            if command == "form":
                collecting = name == "--photos"
                if eq and collecting:
                    photos.append(value)
        elif collecting:
            photos.append(word)
    return photos, jobs


def _two_photos(photos: Sequence[str]) -> bool:
    """At least two photos: a folder counts as many, `KIND=FILE` as its file."""
    found = 0
    for word in photos:
        path = word if os.path.exists(word) else word.partition("=")[2]
        if path and os.path.isdir(path):
            return True
        found += bool(path) and os.path.isfile(path)
        if found >= 2:
            return True
    return False


def _collect_less(words: Sequence[str]) -> None:
    """The garbage collector, in a process that is the command and leaves when it is done.

    - At exit the interpreter's last collection walks every object the command made (ReportLab's
      font tables, the rules, the holidays): ~70 ms of a cold ``form --photos`` after the PDF was
      written. `main` freezes them instead (the files are closed by then; the interpreter still
      flushes stdout and stderr).
    - During ``form`` the parent's collections (~250 of them while ReportLab and the rules are
      imported, ~55 ms of CPU) take a core from the photo workers; one claim is a bounded run
      with few cycles, so it is off. ``photos`` (any number of photos, its parent imports less),
      `batch` and the other commands keep it.
    """
    if _command(words) == "form":
        gc.disable()
