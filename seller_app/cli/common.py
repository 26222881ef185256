"""What every `seller-claims` command shares: the clock read, the catalog, reading a case file,
printing JSON, passphrase prompts and the one error type for a user's mistake."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import paths
from ..domain.case import SHANGHAI, Case, case_from_json
from ..domain.catalog import Catalog
from ..domain.errors import CaseError
from ..domain.money import parse_amount

if TYPE_CHECKING:
    from ..documents.layout import Labels

EXIT_USER_ERROR = 2
PASSPHRASE_ENV = "SELLER_APP_PASSPHRASE"
BACKUP_PASSPHRASE_ENV = "SELLER_APP_BACKUP_PASSPHRASE"


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


# --- Output encoding -------------------------------------------------------------------------
# Machine-readable output (JSON, plain-text documents) is UTF-8 whatever the locale: a Chinese
# Windows redirecting `assess` into a file would otherwise write GBK, which another program
# reading JSON takes for broken UTF-8. Human messages follow the terminal's encoding, but a
# character it cannot show is escaped (\u4dae) instead of ending the run with a traceback.


def configure_streams() -> None:
    """Escape, never crash on, characters the terminal's encoding lacks (stdout and stderr)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def print_document(text: str) -> None:
    """Write machine-readable text to stdout as UTF-8 bytes, whatever the locale.

    On a terminal the text goes through the terminal's own encoding instead, so a person reading
    it sees characters (the Windows console takes Unicode either way); redirected to a file or a
    pipe it is UTF-8. A lone surrogate (a file name that was not valid in the file system's
    encoding) is written as ``\\udcxx``, which in JSON is the same escape ``json`` would use.
    """
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None or stream.isatty():
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # anything already written as text goes first
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()


def json_text(data: Any) -> str:
    """The app's JSON: indented, Chinese as characters, Decimal and dates as strings."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def print_json(data: Any) -> None:
    print_document(json_text(data))


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)"
    )


def os_reason(error: OSError, words: Labels | None = None, lang: str = "zh") -> str:
    """Why the system refused, in the user's language where we have the words for it: the one
    table of ``seller_app.os_errors`` (`words` is no longer consulted; callers may drop it)."""
    from ..os_errors import os_reason as worded

    return worded(error, lang)


def ask(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A passphrase from `env`, else typed at a prompt (twice when `confirm`)."""
    import getpass

    from ..credentials import CredentialError

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


def amount_arg(text: str, flag: str) -> Decimal:
    """A yuan amount typed after `flag`: a number (`parse_amount`) the store would accept."""
    from ..store.base import check_amount

    return check_amount(parse_amount(text, flag), flag)


# ---------------------------------------------------------------- output paths (issue 13)


def check_output_path(
    path: Path,
    data_dir: Path | None = None,
    *,
    inputs: tuple[Path, ...] = (),
    texts: Any = None,
    lang: str = "zh",
) -> None:
    """Refuse an output file that is one of the inputs or lies inside the data folder (where
    the store keeps its sealed files); `UserError` in the user's language."""
    target = Path(path).expanduser().resolve()
    for source in inputs:
        if Path(source).expanduser().resolve() == target:
            raise UserError(_output_words(texts, "is_input", lang, path=path))
    if data_dir is not None:
        folder = Path(data_dir).expanduser().resolve()
        if target == folder or folder in target.parents:
            raise UserError(_output_words(texts, "in_data_dir", lang, path=path))


def _output_words(texts: Any, code: str, lang: str, **params: Any) -> str:
    texts = texts if texts is not None else load_catalog().texts
    return str(texts.get("output", code, lang, **params))


def print_text(text: str) -> None:
    """Plain text for the user on stdout (a document for an online form, a file name): the
    one place plain output goes, like `print_json` for JSON."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def print_warning(text: str) -> None:
    """A note for the user on stderr that does not stop the command."""
    sys.stderr.write(f"seller-claims: {text}\n")
