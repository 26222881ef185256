"""What every `seller-claims` command shares: the clock read, the catalog, reading a case file,
printing JSON, passphrase prompts and the one error type for a user's mistake."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
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
    """Read a case file as JSON with money parsed exactly; raise `CaseError` naming the file.

    Hostile files are refused, never followed: not a regular file or over `CASE_FILE_LIMIT`
    (`read_input`), nested deeper than `JSON_DEPTH_LIMIT`, a number longer than
    `JSON_NUMBER_DIGITS`, text that is not Unicode (a lone surrogate from ``\\ud800``)."""
    name = str(path)
    raw = read_input(path, CASE_FILE_LIMIT, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseError(name, "not_utf8") from None
    if _nesting(text) > JSON_DEPTH_LIMIT:
        raise CaseError(name, "json_too_deep", limit=JSON_DEPTH_LIMIT)
    try:
        data = json.loads(text, parse_float=_bounded_decimal, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise CaseError(
            name, "bad_json", line=error.lineno, column=error.colno, detail=error.msg
        ) from None
    except _NumberTooLongError:
        raise CaseError(name, "json_number_too_long", limit=JSON_NUMBER_DIGITS) from None
    except RecursionError:  # belt and braces: `_nesting` should have caught it
        raise CaseError(name, "json_too_deep", limit=JSON_DEPTH_LIMIT) from None
    bad = _not_unicode(data)
    if bad is not None:
        raise CaseError(bad or name, "not_unicode")
    return data


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
    print_document(escape_json_controls(json_text(data)))


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)"
    )


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` for every command that reads this PC's data folder."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data directory (default: $SELLER_APP_DATA_DIR or the user data dir)",
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


# ------------------------------------------------------------------- hostile input (issue 15)
# What a command reads is bounded before it is trusted; what it writes never lands on what it
# read or inside the data folder; what it echoes cannot drive the terminal.

CASE_FILE_LIMIT = 2 * 1024 * 1024  # a case file with a 3,000-character description is ~10 KB
JSON_DEPTH_LIMIT = 64  # the case format nests 3 deep
JSON_NUMBER_DIGITS = 40  # no amount or id needs more; Python refuses ints of 4,300+ digits
CASE_ID_MAX = 2**63 - 1  # SQLite's INTEGER


class _NumberTooLongError(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > JSON_NUMBER_DIGITS:
        raise _NumberTooLongError(text[:20])
    return int(text)


def _bounded_decimal(text: str) -> Decimal:
    mantissa = text.lower().split("e")[0].lstrip("-").replace(".", "")
    if len(mantissa) > JSON_NUMBER_DIGITS or len(text) > 2 * JSON_NUMBER_DIGITS:
        raise _NumberTooLongError(text[:20])
    return Decimal(text)


def _nesting(text: str) -> int:
    """How deep brackets nest in JSON `text` (brackets inside strings not counted)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > JSON_DEPTH_LIMIT:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def _not_unicode(data: Any) -> str | None:
    """The JSON path of the first text (key or value) that is not valid Unicode -- a lone
    surrogate that cannot be printed, stored or written to a PDF -- or None. "" is the top."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if not _encodable(value):
                return where
        elif isinstance(value, dict):
            for key, item in value.items():
                inner = f"{where}.{key}" if where else str(key)
                if not _encodable(str(key)):
                    return where or ""
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{index}]", item) for index, item in enumerate(value))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_input(path: Path, limit: int, name: str | None = None) -> bytes:
    """The bytes of an input file the user named: a regular file of at most `limit` bytes (a
    FIFO, a device, a folder or a huge file is refused at once); `CaseError` naming it."""
    from ..readfile import InputFileError, read_regular

    name = name or str(path)
    try:
        return read_regular(path, limit)
    except InputFileError as error:
        if error.reason == "missing":
            raise CaseError(name, "file_missing") from None
        if error.reason == "not_regular":
            raise CaseError(name, "not_a_regular_file") from None
        if error.reason == "too_large":
            raise CaseError(name, "file_too_large", limit=error.limit_text) from None
        detail = error.error.strerror if error.error and error.error.strerror else error.error
        raise CaseError(name, "file_unreadable", detail=detail) from None


# C0 and C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators:
# characters that move the cursor, recolour or reorder the terminal.
_CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

# What json.dumps(ensure_ascii=False) leaves unescaped of the above (it escapes C0 itself).
_RAW_IN_JSON = re.compile(
    "[\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: object) -> str:
    """`text` with every control, bidi and line-separator character shown as an escape
    (``\\x1b``, ``\\n``, ``\\u202e``): a message quoting a case file cannot drive the terminal."""
    return _CONTROLS.sub(_escape, str(text))


def escape_json_controls(text: str) -> str:
    """JSON text with the C1 and bidi characters that `json.dumps` leaves raw (it escapes only
    C0) written as ``\\u`` escapes too -- still valid JSON, the same data, harmless on a
    terminal."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def error_line(message: object) -> None:
    """One message line on stderr, escaped (`safe_text`)."""
    sys.stderr.write(f"seller-claims: {safe_text(message)}\n")


def case_id(text: str, lang: str) -> int:
    """A case number typed on the command line: a whole number from 1 to `CASE_ID_MAX`."""
    value = text.strip()
    if value.isascii() and value.isdigit() and len(value) <= 19 and 1 <= int(value) <= CASE_ID_MAX:
        return int(value)
    raise UserError(output_words().get("output", "bad_case_id", lang, value=safe_text(text[:40])))


def output_words() -> Labels:
    from ..documents.layout import shared_labels

    return shared_labels()


def data_dir_for(override: Path | None = None) -> Path:
    return paths.user_data_dir(override)


# Files in the data folder that must never be written over, even through a hard link elsewhere.
_DATA_FILES = ("store.sqlite3", "store.sqlite3-wal", "store.sqlite3-shm", "keys.json")


def check_output(
    path: Path,
    lang: str,
    *,
    inputs: Sequence[Path] = (),
    data_dir: Path | None = None,
    folder: bool = False,
    writes: Sequence[str] = (),
) -> None:
    """Refuse (`UserError`, nothing touched) an output path that would destroy something:

    - it is, resolves to (a symlink) or hard-links to one of the run's `inputs`;
    - it lies inside the data folder `data_dir` (default: the one the app uses), or hard-links
      to its database or key file;
    - it exists and is not a regular file (a FIFO, ``/dev/null``, a folder where a file goes).

    For a `folder` output, the files it will hold (`writes`, names inside it) are checked
    against the inputs too.
    """
    words = output_words()
    data = (data_dir if data_dir is not None else data_dir_for()).expanduser()
    target = path.expanduser()
    try:
        resolved, data_resolved = target.resolve(), data.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise UserError(words.get("output", "unusable", lang, path=safe_text(path))) from None
    if resolved == data_resolved or resolved.is_relative_to(data_resolved):
        raise UserError(
            words.get("output", "in_data_dir", lang, path=safe_text(path), data=safe_text(data))
        )
    if target.exists():  # (a file where a folder goes: the writer's own message says so)
        if not folder and not target.is_file():
            raise UserError(words.get("output", "not_a_file", lang, path=safe_text(path)))
        if not folder and any(_same(target, data / name) for name in _DATA_FILES):
            raise UserError(
                words.get("output", "in_data_dir", lang, path=safe_text(path), data=safe_text(data))
            )
    # a folder that is an input file is the writer's to refuse ("--out must be a folder")
    targets = [target / name for name in writes] if folder else [target]
    for candidate in targets:
        for source in inputs:
            if _same(candidate, source):
                raise UserError(
                    words.get(
                        "output",
                        "is_input",
                        lang,
                        path=safe_text(candidate),
                        input=safe_text(source),
                    )
                )


def _same(a: Path, b: Path) -> bool:
    from ..readfile import same_file

    return same_file(a, b)


def same_path(a: Path, b: Path) -> bool:
    """`a` and `b` name the same file (resolved path or inode), existing or not."""
    return _same(a.expanduser(), b.expanduser())


# ---------------------------------------------------------------- plain output (issue 13)


def check_output_path(
    path: Path,
    data_dir: Path | None = None,
    *,
    inputs: tuple[Path, ...] = (),
    texts: Any = None,
    lang: str = "zh",
) -> None:
    """`check_output` for a command that names its data folder itself."""
    check_output(path, lang, inputs=inputs, data_dir=data_dir)


def print_text(text: str) -> None:
    """Plain text for the user on stdout (a document for an online form, a file name): the
    one place plain output goes, like `print_json` for JSON -- UTF-8 when redirected."""
    print_document(text if text.endswith("\n") else text + "\n")


def print_warning(text: str) -> None:
    """A note for the user on stderr that does not stop the command (escaped)."""
    error_line(text)


# ---------------------------------------------------------------- PDF passwords (issue 15)

ASK_PASSWORD = "\0ask"
PDF_PASSWORD_ENV = "SELLER_APP_PDF_PASSWORD"


def add_password_arguments(parser: argparse.ArgumentParser) -> None:
    """``--password`` (alone: asked at the prompt, or ``$SELLER_APP_PDF_PASSWORD``) and
    ``--password-env NAME`` for every command that writes a PDF."""
    parser.add_argument(
        "--password",
        nargs="?",
        const=ASK_PASSWORD,
        default=None,
        help=f"protect the PDFs (AES-256) with a password typed at the prompt or taken from "
        f"${PDF_PASSWORD_ENV} (a value after --password still works, with a warning: other "
        "users can see it in the process list)",
    )
    parser.add_argument(
        "--password-env",
        metavar="NAME",
        default=None,
        help="protect the PDFs with the password in environment variable NAME",
    )


def pdf_password(args: argparse.Namespace, lang: str) -> str | None:
    """The PDF password the user asked for (None: no protection); `UserError` when it is
    empty or cannot be asked for."""
    words = output_words()
    if args.password_env is not None:
        value = os.environ.get(args.password_env, "")
        if not value:
            raise UserError(
                words.get("protection", "env_empty", lang, name=safe_text(args.password_env))
            )
        return value
    if args.password is None:
        return None
    if args.password != ASK_PASSWORD:
        if not args.password:
            raise UserError(words.get("cli", "empty_password", lang))
        # Kept for scripts written against earlier versions, with a warning: a prompt or an
        # environment variable keeps the password out of the process list and the history.
        error_line(words.get("protection", "not_on_command_line", lang, env=PDF_PASSWORD_ENV))
        return str(args.password)
    from ..credentials import CredentialError

    try:
        value = ask(PDF_PASSWORD_ENV, words.get("protection", "prompt", lang), confirm=True)
    except CredentialError as error:
        if error.code == "passphrase_needed":
            raise UserError(
                words.get("protection", "no_terminal", lang, env=PDF_PASSWORD_ENV)
            ) from None
        raise UserError(error.message(lang)) from None
    if not value:
        raise UserError(words.get("cli", "empty_password", lang))
    return value


# ------------------------------------------------------------ the shop's shared store (issue 17)
# Every command that uses the case store opens it here: a desk's own store in its data folder,
# or with --database URL / SELLER_APP_DATABASE_URL the shop's shared store on PostgreSQL. A
# server that cannot be used ends the command with one line (exit 2); it never falls back to
# the local store silently.

SHOP_PASSPHRASE_ENV = "SELLER_APP_SHOP_PASSPHRASE"
NEW_SHOP_PASSPHRASE_ENV = "SELLER_APP_NEW_SHOP_PASSPHRASE"


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    """``--database URL`` and ``--desk NAME`` for every command that opens the case store."""
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="the shop's shared case store, postgresql://user@server:5432/database "
        "(default: $SELLER_APP_DATABASE_URL; none: this PC's own store)",
    )
    parser.add_argument(
        "--desk",
        metavar="NAME",
        default=None,
        help="this desk's name, recorded on its changes (default: $SELLER_APP_DESK, the name "
        "saved earlier, or the computer's name)",
    )


def key_store(data_dir: Path) -> Any:
    """This PC's keychain (or its passphrase-protected key file)."""
    from ..credentials import key_store_for

    return key_store_for(data_dir, lambda: ask(PASSPHRASE_ENV, "数据口令 / passphrase: "))


def ask_shop_passphrase(creating: bool) -> str:
    """The shop passphrase: asked twice when the shop store is being set up."""
    return ask(SHOP_PASSPHRASE_ENV, "店铺口令 / shop passphrase: ", confirm=creating)


def server_password(url: str) -> str | None:
    """The server password when the URL carries none: $SELLER_APP_DATABASE_PASSWORD (else the
    keychain, then a prompt after a refused login)."""
    from ..store.server import PASSWORD_ENV, ServerSettings

    _, in_url = ServerSettings.from_url(url)
    return in_url or os.environ.get(PASSWORD_ENV) or None


def open_store(args: argparse.Namespace, url: str | None = None) -> Any:
    """The store this command works on (see the block comment above)."""
    from ..store import Store
    from ..store.server import ServerLoginError, database_url

    data_dir = paths.user_data_dir(getattr(args, "data_dir", None))
    desk = getattr(args, "desk", None)
    url = url or database_url(getattr(args, "database", None))
    keys = key_store(data_dir)
    if url is None:
        return Store.open(data_dir, keys, desk=desk)
    password = server_password(url)
    try:
        return Store.open_shared(
            url,
            keys,
            data_dir=data_dir,
            desk=desk,
            password=password,
            shop_passphrase=ask_shop_passphrase,
        )
    except ServerLoginError:
        if password is not None or not sys.stdin.isatty():
            raise
    typed = ask("", "数据库密码 / database password: ")
    return Store.open_shared(
        url, keys, data_dir=data_dir, desk=desk, password=typed, shop_passphrase=ask_shop_passphrase
    )
