"""Read an order export (CSV or XLSX) as a header row and a stream of numbered rows, safely.

What a shop back-end gives a seller is not always what it claims to be, so nothing is trusted:

- Only a regular file is read (never a FIFO, a device, a folder or a symlink to one), opened
  non-blocking and checked with ``fstat`` on the open handle; at most `MAX_FILE_BYTES`.
- CSV files come as GBK (Excel on Chinese Windows), UTF-8, or UTF-8 with a byte-order mark. The
  encoding is detected, not guessed from the locale: a BOM wins; otherwise the file is run
  through strict incremental decoders (constant memory), UTF-8 first, then GB18030 (the superset
  of GBK). A file that neither decodes cleanly is read with the one that fails least; the bytes
  it cannot decode become U+FFFD, and a row that needs such a cell is refused naming the row and
  column (`rows.py`) -- one stray byte never stops the file.
- A cell may be up to `CSV_FIELD_LIMIT` characters; a record with a longer one (or an unclosed
  quote that swallows the lines after it) comes out as a row that could not be read, and the
  parser goes on with the next line. Cells longer than `MAX_CELL_CHARS` (Excel's own limit) are
  refused where they are used.
- XLSX files are zip archives of XML. Before openpyxl sees one, the archive's directory is
  checked: every part's declared size (which zipfile enforces while inflating) and the total stay
  under `MAX_XLSX_PART_BYTES` / `MAX_XLSX_TOTAL_BYTES`, the shared-string table (loaded whole by
  openpyxl) under `MAX_SHARED_STRINGS_BYTES`, and a part that inflates more than
  `MAX_COMPRESSION_RATIO` times is a bomb. The XML is parsed with defusedxml when installed (no
  DTDs, entities or external references); expat's own amplification limit stays as a second
  guard. Rows stream in read-only mode, at most `MAX_COLUMNS` wide.
- Old binary ``.xls`` files, web pages saved as ``.xls`` and binary files are recognised and
  named, not fed to the CSV parser.

Rows are numbered as the spreadsheet shows them: the first record is row 1.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

Cell = str | int | float | datetime | date | time | None

# How many leading rows may be titles or notes above the header row.
HEADER_SEARCH_ROWS = 10
MAX_FILE_BYTES = 256 << 20
MAX_XLSX_PART_BYTES = 512 << 20
MAX_XLSX_TOTAL_BYTES = 768 << 20
MAX_SHARED_STRINGS_BYTES = 96 << 20
MAX_COMPRESSION_RATIO = 250
_RATIO_CHECKED_ABOVE = 8 << 20
MAX_COLUMNS = 512
MAX_CELL_CHARS = 32767
CSV_FIELD_LIMIT = 1 << 20
_SNIFF_BYTES = 1 << 16
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

if csv.field_size_limit() < CSV_FIELD_LIMIT:
    csv.field_size_limit(CSV_FIELD_LIMIT)


class InputError(Exception):
    """The file cannot be used at all (exit 2): missing, unreadable, not a table, no header."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code} {params}")


@dataclass(frozen=True)
class RawRow:
    number: int
    cells: tuple[Cell, ...]
    error: str | None = None
    """Why this record could not be read (a cell past the parser's limit); it has no cells."""

    def is_blank(self) -> bool:
        return self.error is None and all(
            cell is None or (isinstance(cell, str) and not cell.strip()) for cell in self.cells
        )


def _size_text(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB" if size >= 1 << 20 else f"{size / 1024:.0f} KB"


def open_regular(path: Path, limit: int = MAX_FILE_BYTES) -> IO[bytes]:
    """A binary handle on `path` if it is a regular file of at most `limit` bytes (the app's one
    bounded opener, `seller_app.readfile`: a FIFO cannot hang it, and the checks are made on the
    opened handle), with the refusal worded for an order export."""
    from ..readfile import InputFileError
    from ..readfile import open_regular as open_bounded

    try:
        return open_bounded(path, limit)
    except InputFileError as error:
        where = str(path)
        if error.reason == "missing":
            raise InputError("file_missing", path=where) from None
        if error.reason == "not_regular":
            raise InputError("not_a_file", path=where) from None
        if error.reason == "too_large":
            try:
                size = _size_text(os.stat(path).st_size)
            except OSError:
                size = "?"
            raise InputError(
                "file_too_big", path=where, size=size, limit=_size_text(limit)
            ) from None
        detail = error.error.strerror if error.error is not None else str(error)
        raise InputError("file_unreadable", path=where, detail=detail) from None


def _decodes_cleanly(path: Path, encoding: str) -> bool:
    with open_regular(path) as handle:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            while chunk := handle.read(_SNIFF_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _undecodable(path: Path, encoding: str) -> int:
    """How many characters `encoding` cannot decode in the file (U+FFFD substitutions)."""
    count = 0
    with open_regular(path) as handle:
        decoder = codecs.getincrementaldecoder(encoding)("replace")
        while chunk := handle.read(_SNIFF_BYTES):
            count += decoder.decode(chunk).count("\ufffd")
        count += decoder.decode(b"", final=True).count("\ufffd")
    return count


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` (BOM), ``utf-16``, ``utf-8`` or ``gb18030``, in constant memory.

    A file that is neither clean UTF-8 nor clean GB18030 (a GBK export with one damaged byte)
    is read with whichever of the two loses fewer characters; the lost ones surface as U+FFFD.
    """
    with open_regular(path) as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for encoding in ("utf-8", "gb18030"):
        if _decodes_cleanly(path, encoding):
            return encoding
    lost = {encoding: _undecodable(path, encoding) for encoding in ("utf-8", "gb18030")}
    return min(lost, key=lambda encoding: lost[encoding])


_ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "gb18030": "GBK/GB18030",
    "utf-16": "UTF-16",
}


def encoding_label(encoding: str | None) -> str:
    """How to name a detected encoding to the user; None means an XLSX workbook."""
    return "XLSX" if encoding is None else _ENCODING_LABELS.get(encoding, encoding)


def _kind_of(head: bytes) -> str:
    """``xlsx``, ``csv`` or the reason the file is neither (an InputError code)."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(_OLE2_MAGIC):
        return "old_xls"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "csv"
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:512].lower()
    if start.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")) or (
        start.startswith(b"<") and b"<table" in head.lower()
    ):
        return "html_table"
    if _looks_binary(head):
        return "binary_file"
    return "csv"


def _looks_binary(head: bytes) -> bool:
    """Control characters (other than tab and line breaks) make up more than 5% of the text
    the head decodes to (about 11% for random bytes): binary data, not a table with a few
    stray bytes in its cells."""
    if not head:
        return False
    text = head.decode("gb18030", errors="replace")
    controls = sum(1 for c in text if c < " " and c not in "\t\r\n")
    return controls > max(8, len(text) // 20)


def _check_xlsx(path: Path) -> None:
    """Refuse a workbook whose parts would inflate past the limits, before openpyxl reads it."""
    try:
        with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
            entries = archive.infolist()
    except InputError:
        raise
    except Exception as error:  # zipfile raises BadZipFile, NotImplementedError, EOFError ...
        raise InputError("bad_xlsx", detail=_short(error)) from None
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        raise InputError("not_xlsx", path=str(path))
    total = 0
    for entry in entries:
        total += entry.file_size
        limit = (
            MAX_SHARED_STRINGS_BYTES
            if entry.filename.endswith("sharedStrings.xml")
            else MAX_XLSX_PART_BYTES
        )
        ratio = entry.file_size / max(entry.compress_size, 1)
        bomb = entry.file_size > _RATIO_CHECKED_ABOVE and ratio > MAX_COMPRESSION_RATIO
        if entry.file_size > limit or bomb or total > MAX_XLSX_TOTAL_BYTES:
            raise InputError(
                "xlsx_too_big",
                part=entry.filename,
                size=_size_text(entry.file_size),
                packed=_size_text(entry.compress_size),
            )


_DELIMITERS = (",", "\t", ";")


def _delimiter(sample: str) -> str:
    """The separator of the first line that has one (titles above the header have none): the
    one it holds most of. Not csv.Sniffer, which takes the apostrophe exports put before long
    numbers ('13812345678) for a quote character."""
    for line in sample.splitlines()[:20]:
        counts = {d: line.count(d) for d in _DELIMITERS}
        best = max(_DELIMITERS, key=lambda d: counts[d])
        if counts[best]:
            return best
    return ","


def _xml_attack(error: BaseException) -> bool:
    """Whether a workbook error (or what caused it) is a refused DTD, entity or external
    reference (defusedxml), or expat's entity-amplification guard."""
    seen: BaseException | None = error
    for _ in range(5):
        if seen is None:
            return False
        if type(seen).__module__.startswith("defusedxml"):
            return True
        text = str(seen).lower()
        if "entity" in text or "amplification" in text or "dtd" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _xlsx_error(code: str, error: BaseException, **params: Any) -> InputError:
    if _xml_attack(error):
        return InputError("xlsx_forbidden_row" if "row" in params else "xlsx_forbidden", **params)
    return InputError(code, detail=_short(error), **params)


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _trim(cells: Sequence[Cell]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and (cells[end - 1] is None or cells[end - 1] == ""):
        end -= 1
    return tuple(cells[:end])


@dataclass(frozen=True)
class Table:
    """An opened export: where it is, how it was decoded; `rows()` streams it again each call."""

    path: Path
    kind: str
    encoding: str | None

    def rows(self, width: int | None = None) -> Iterator[RawRow]:
        """Every record in file order; `width` (the header's) caps how many cells are kept."""
        width = min(width or MAX_COLUMNS, MAX_COLUMNS)
        if self.kind == "xlsx":
            return self._xlsx_rows(width)
        return self._csv_rows(width)

    def _csv_rows(self, width: int) -> Iterator[RawRow]:
        assert self.encoding is not None
        number = 0
        with (
            open_regular(self.path) as raw,
            io.TextIOWrapper(raw, encoding=self.encoding, errors="replace", newline="") as text,
        ):
            delimiter = _delimiter(text.read(8192))
            text.seek(0)
            reader = csv.reader(text, csv.excel, delimiter=delimiter)
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:  # the parser goes on with the next line
                    number += 1
                    yield RawRow(number, (), error=_short(error))
                    continue
                number += 1
                yield RawRow(number, tuple(cells[:width]))

    def _xlsx_rows(self, width: int) -> Iterator[RawRow]:
        from openpyxl import load_workbook

        _check_xlsx(self.path)
        number = 0
        with open_regular(self.path) as handle:
            try:
                book = load_workbook(handle, read_only=True, data_only=True)
            except Exception as error:  # openpyxl raises many types for a damaged workbook
                raise _xlsx_error("bad_xlsx", error) from None
            try:
                if not book.worksheets:
                    raise InputError("bad_xlsx", detail="no worksheet")
                sheet = book.worksheets[0]
                reset = getattr(sheet, "reset_dimensions", None)
                if reset is not None:  # a lying <dimension> must not pad every row
                    reset()
                rows = sheet.iter_rows(values_only=True, max_col=width)
                while True:
                    try:
                        cells = next(rows)
                    except StopIteration:
                        return
                    except InputError:
                        raise
                    except Exception as error:  # XML errors, entities refused, bad values
                        raise _xlsx_error("bad_xlsx_row", error, row=number + 1) from None
                    number += 1
                    yield RawRow(number, _trim(cells))
            finally:
                book.close()


def open_table(path: Path) -> Table:
    """Check the file is a readable regular file of a kind we read; detect CSV encoding."""
    try:
        with open_regular(path) as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        raise InputError("file_unreadable", path=str(path), detail=error.strerror) from None
    kind = _kind_of(head)
    if kind == "xlsx":
        _check_xlsx(path)
        return Table(path, "xlsx", None)
    if kind != "csv":
        raise InputError(kind, path=str(path))
    try:
        return Table(path, "csv", detect_encoding(path))
    except OSError as error:
        raise InputError("file_unreadable", path=str(path), detail=error.strerror) from None


# Unit suffixes that exports add or drop from the same header: 用户实付金额(元) == 用户实付金额.
_UNIT_SUFFIXES = ("(元)", "(kg)", "(公斤)", "(千克)", "(件)", "(个)", "(g)", "(克)")


def header_text(cell: Cell) -> str:
    """A header cell as shown to the user: stripped, without a byte-order mark."""
    return "" if cell is None else str(cell).replace("\ufeff", "").strip()


def header_key(cell: Cell) -> str:
    """A header cell as compared with a mapping: NFKC (full-width brackets and letters become
    ASCII), without spaces, tabs, quotes or the ``="…"`` wrapper, case-folded, without a unit
    suffix. ``"收货地址 "``, ``"用户实付金额（元）"`` and ``"用户实付金额"`` compare equal to the
    mapping's ``收货地址`` and ``用户实付金额(元)``."""
    text = unicodedata.normalize("NFKC", header_text(cell))
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    text = "".join(text.split()).strip("'\"").casefold()
    for suffix in _UNIT_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def find_header(
    rows: Iterator[RawRow], known: Sequence[str] | Callable[[Sequence[Cell]], int]
) -> tuple[RawRow, int]:
    """The first row among the first few whose cells include at least two known headers.

    `known` is a list of header names or a function counting the known headers of a row.
    Returns the header row and how many known headers it has. Exports sometimes put a title or
    a date range above the header, hence the search.
    """
    if callable(known):
        count = known
    else:
        keys = {header_key(name) for name in known}

        def count(cells: Sequence[Cell]) -> int:
            return sum(1 for cell in cells if header_key(cell) in keys)

    for row in rows:
        hits = count(row.cells)
        if hits >= 2:
            return row, hits
        if row.number >= HEADER_SEARCH_ROWS:
            break
    raise InputError("no_header")
