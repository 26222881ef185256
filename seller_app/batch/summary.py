"""The summary CSV: one line per row of the export, written as rows finish (so a cancelled run
still lists what it did). UTF-8 with BOM, so Excel on a Chinese Windows opens it correctly.

Every cell is written so that a spreadsheet shows it as text: a cell the order export (or anyone
who wrote it) started with ``=``, ``+``, ``-``, ``@``, a tab or a line break would otherwise run
as a formula when the seller opens the summary in Excel or WPS (CSV injection); such a cell gets
a leading apostrophe, which the spreadsheet hides.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from ..domain.case import SHANGHAI
from ..domain.money import format_yuan
from .claim import RowResult
from .messages import BatchTexts
from .rows import MergedRow, RefusedRow
from .runner import Outcome

if TYPE_CHECKING:
    from .filing import Filed

COLUMNS = (
    "row",
    "order_id",
    "tracking_number",
    "carrier",
    "eligible",
    "amount",
    "claim",
    "basis",
    "next_deadline",
    "form",
    "case",
    "problems",
    "notes",
)
SUMMARY_FILE = "summary.csv"
# What a spreadsheet takes for the start of a formula (or a DDE call), ASCII and full-width.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def spreadsheet_text(value: object) -> str:
    """A cell a spreadsheet shows as the text it is: ``=1+1`` -> ``'=1+1``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SummaryWriter:
    def __init__(self, path: Path, texts: BatchTexts, lang: str) -> None:
        self.path = path
        self.texts = texts
        self.lang = lang
        self._handle: IO[str] | None = None
        self._writer: csv.DictWriter[str] | None = None

    def __enter__(self) -> SummaryWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.DictWriter(self._handle, COLUMNS)
        self._writer.writerow(
            {column: self.texts.get("summary", column, self.lang) for column in COLUMNS}
        )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._handle is not None:
            self._handle.close()

    def write(self, outcome: Outcome, filed: Filed | None = None, not_stored: str = "") -> None:
        """One line for one row; `not_stored` is why the case book refused its case."""
        assert self._writer is not None and self._handle is not None
        if isinstance(outcome, RefusedRow):
            line: dict[str, object] = {
                "row": outcome.row,
                "order_id": outcome.order_id or "",
                "tracking_number": outcome.tracking_number or "",
                "problems": self._sentences(
                    self.texts.problem_text(p, self.lang) for p in outcome.problems
                ),
            }
        elif isinstance(outcome, MergedRow):
            line = {
                "row": outcome.row,
                "order_id": outcome.order_id or "",
                "tracking_number": outcome.tracking_number,
                "notes": self.texts.get("summary", "merged", self.lang, into=outcome.into),
            }
        else:
            line = self._result_line(outcome)
            if filed is not None:
                line["case"] = self.texts.get(
                    "summary", f"case_{filed.action}", self.lang, id=filed.case_id
                )
                if filed.duplicates:  # a second claim for a tracking number (issue 13)
                    line["case"] += self.texts.get(
                        "summary",
                        "case_duplicate",
                        self.lang,
                        ids="、".join(f"#{case_id}" for case_id in filed.duplicates),
                    )
            if not_stored:
                problem = self.texts.get("problems", "not_stored", self.lang, reason=not_stored)
                line["problems"] = self._sentences(x for x in (str(line["problems"]), problem) if x)
        self._writer.writerow({key: spreadsheet_text(value) for key, value in line.items()})
        self._handle.flush()

    def _sentences(self, items: Iterable[str]) -> str:
        return self.texts.listing(items, self.lang, sentences=True)

    def _result_line(self, result: RowResult) -> dict[str, object]:
        yes_no = "yes" if result.eligible else "no"
        return {
            "row": result.row,
            "order_id": result.order_id or "",
            "tracking_number": result.tracking_number,
            "carrier": result.carrier_name,
            "eligible": "" if result.failed else self.texts.get("summary", yes_no, self.lang),
            "amount": "" if result.failed else format_yuan(result.amount),
            "claim": "" if result.failed else format_yuan(result.claim_amount),
            "basis": "; ".join(result.basis_labels or result.basis),
            "next_deadline": (
                f"{result.next_deadline.astimezone(SHANGHAI):%Y-%m-%d %H:%M} "
                f"{result.next_deadline_title}"
                if result.next_deadline
                else ""
            ),
            "form": result.form_file.name if result.form_file else "",
            "problems": self._sentences(self.texts.problem(p, self.lang) for p in result.problems),
            "notes": self._sentences(self.texts.note(n, self.lang) for n in result.notes),
        }
