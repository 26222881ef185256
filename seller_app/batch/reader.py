"""Read an order export (CSV or XLSX) as a header row and a stream of numbered rows.

CSV files from Chinese shop back-ends come as GBK (Excel on Chinese Windows), UTF-8, or UTF-8 with
a byte-order mark. The encoding is detected, not guessed from the locale: a BOM wins; otherwise
the whole file is run through a strict incremental UTF-8 decoder (constant memory) and, if that
fails, GB18030 -- the superset of GBK that every GBK file decodes with -- is used.

XLSX files are read with openpyxl in read-only mode, so rows stream and memory stays flat.

Rows are numbered as the spreadsheet shows them: the first record is row 1.
"""

from __future__ import annotations

import codecs
import csv
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Cell = str | int | float | datetime | date | None

# How many leading rows may be titles or notes above the header row.
HEADER_SEARCH_ROWS = 10
_SNIFF_BYTES = 1 << 16


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

    def is_blank(self) -> bool:
        return all(
            cell is None or (isinstance(cell, str) and not cell.strip()) for cell in self.cells
        )


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` (BOM), ``utf-8`` or ``gb18030``; decodes the file once, in constant memory."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        try:
            while chunk := handle.read(_SNIFF_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"


_ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "gb18030": "GBK/GB18030",
    "utf-16": "UTF-16",
}


def encoding_label(encoding: str | None) -> str:
    """How to name a detected encoding to the user; None means an XLSX workbook."""
    return "XLSX" if encoding is None else _ENCODING_LABELS.get(encoding, encoding)


def is_xlsx(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _csv_rows(path: Path, encoding: str) -> Iterator[RawRow]:
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(8192)
        handle.seek(0)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",\t;")
        except csv.Error:
            dialect = csv.excel
        for number, cells in enumerate(csv.reader(handle, dialect), start=1):
            yield RawRow(number, tuple(cells))


def _xlsx_rows(path: Path) -> Iterator[RawRow]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise InputError("bad_xlsx", detail=str(error)) from None
    try:
        sheet = book.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield RawRow(number, tuple(cells))
    finally:
        book.close()


@dataclass(frozen=True)
class Table:
    """An opened export: where it is, how it was decoded; `rows()` streams it again each call."""

    path: Path
    kind: str
    encoding: str | None

    def rows(self) -> Iterator[RawRow]:
        if self.kind == "xlsx":
            return _xlsx_rows(self.path)
        assert self.encoding is not None
        return _csv_rows(self.path, self.encoding)


def open_table(path: Path) -> Table:
    """Check the file exists and is readable; detect CSV encoding or XLSX."""
    if not path.is_file():
        raise InputError("file_missing", path=str(path))
    try:
        if is_xlsx(path):
            return Table(path, "xlsx", None)
        return Table(path, "csv", detect_encoding(path))
    except OSError as error:
        raise InputError("file_unreadable", path=str(path), detail=error.strerror) from None


def header_text(cell: Cell) -> str:
    """A header cell as compared with the mapping: stripped, full-width brackets kept as typed."""
    return "" if cell is None else str(cell).strip().lstrip("\ufeff")


def find_header(rows: Iterator[RawRow], known: Sequence[str]) -> tuple[RawRow, int]:
    """The first row among the first few whose cells include at least two known headers.

    Returns the header row and how many known headers it has. Exports sometimes put a title or a
    date range above the header, hence the search.
    """
    known_set = set(known)
    for row in rows:
        hits = sum(1 for cell in row.cells if header_text(cell) in known_set)
        if hits >= 2:
            return row, hits
        if row.number >= HEADER_SEARCH_ROWS:
            break
    raise InputError("no_header")
