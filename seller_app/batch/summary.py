"""The summary CSV: one line per row of the export, written as rows finish (so a cancelled run
still lists what it did). UTF-8 with BOM, so Excel on a Chinese Windows opens it correctly."""

from __future__ import annotations

import csv
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from ..domain.case import SHANGHAI
from ..domain.money import format_yuan
from .claim import RowResult
from .messages import BatchTexts
from .rows import RefusedRow
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
)
SUMMARY_FILE = "summary.csv"


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

    def write(self, outcome: Outcome, filed: Filed | None = None) -> None:
        assert self._writer is not None and self._handle is not None
        if isinstance(outcome, RefusedRow):
            self._writer.writerow(
                {
                    "row": outcome.row,
                    "order_id": outcome.order_id or "",
                    "tracking_number": outcome.tracking_number or "",
                    "problems": "；".join(
                        f"{p.column}：{self.texts.problem(p, self.lang)}" for p in outcome.problems
                    ),
                }
            )
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
            self._writer.writerow(line)
        self._handle.flush()

    def _result_line(self, result: RowResult) -> dict[str, object]:
        yes_no = "yes" if result.eligible else "no"
        return {
            "row": result.row,
            "order_id": result.order_id or "",
            "tracking_number": result.tracking_number,
            "carrier": result.carrier,
            "eligible": "" if result.failed else self.texts.get("summary", yes_no, self.lang),
            "amount": "" if result.failed else format_yuan(result.amount),
            "claim": "" if result.failed else format_yuan(result.claim_amount),
            "basis": "; ".join(result.basis),
            "next_deadline": (
                f"{result.next_deadline.astimezone(SHANGHAI):%Y-%m-%d %H:%M} "
                f"{result.next_deadline_title}"
                if result.next_deadline
                else ""
            ),
            "form": result.form_file.name if result.form_file else "",
            "problems": "；".join(self.texts.problem(p, self.lang) for p in result.problems),
        }
