"""The batch import's words, from ``resources/imports/messages.toml`` (zh and en).

A column is named by the file's own header; a field the file lacks by its words in [fields];
an internal field name is never shown.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..domain.errors import CaseError
from ..domain.texts import Texts
from .mapping import MESSAGES_FILE, HeaderPlan
from .reader import InputError
from .rows import RowNote, RowProblem


class BatchTexts:
    def __init__(self, data: Mapping[str, Any], domain: Texts) -> None:
        self.data = data
        self.domain = domain

    @classmethod
    def load(cls, imports_dir: Path, domain: Texts) -> BatchTexts:
        with (imports_dir / MESSAGES_FILE).open("rb") as handle:
            return cls(tomllib.load(handle), domain)

    @staticmethod
    def listing(items: Iterable[str], lang: str, *, sentences: bool = False) -> str:
        """Items of a list in the language's punctuation: ``a、b`` / ``a；b`` or ``a, b``."""
        if lang == "en":
            return ("; " if sentences else ", ").join(items)
        return ("；" if sentences else "、").join(items)

    def get(self, section: str, code: str, lang: str, **params: Any) -> str:
        template = str(self.data[section][code]["en" if lang == "en" else "zh"])
        return template.format(**params) if params else template

    def has(self, section: str, code: str) -> bool:
        return code in self.data.get(section, {})

    def field(self, name: str, lang: str) -> str:
        """A field in the seller's words: ``posted_at`` -> 发货时间 / posting time."""
        return self.get("fields", name, lang) if self.has("fields", name) else name

    def column(self, problem: RowProblem, lang: str) -> str:
        """The file's header of the problem's column, else the field in words."""
        if problem.column:
            return str(_show(problem.column))
        return self.field(problem.field, lang) if problem.field else ""

    def problem(self, problem: RowProblem, lang: str, *, dialog: bool = False) -> str:
        """The reason alone: ``必须大于 0，收到 -5``; `dialog` words it for the import dialog
        (which has fields, not command-line options)."""
        params = {key: _show(value) for key, value in problem.params.items()}
        if dialog and self.has("problems", f"{problem.code}_dialog"):
            return self.get("problems", f"{problem.code}_dialog", lang, **params)
        if problem.domain and not self.has("problems", problem.code):
            error = CaseError(problem.column or problem.field, problem.code, **params)
            return self.domain.error_message(error, lang).split(": ", 1)[1]
        return self.get("problems", problem.code, lang, **params)

    def problem_text(self, problem: RowProblem, lang: str, *, dialog: bool = False) -> str:
        """``物流单号：这一格为空`` (the column, then the reason)."""
        column = self.column(problem, lang)
        reason = self.problem(problem, lang, dialog=dialog)
        return f"{column}：{reason}" if column else reason

    def problem_line(self, problem: RowProblem, lang: str) -> str:
        """``第 3 行 物流单号：这一格为空`` (``第 3 行：…`` for the row as a whole)."""
        column = self.column(problem, lang)
        text = self.problem(problem, lang)
        if not column:
            return self.get("report", "refused_row", lang, row=problem.row, text=text)
        return self.get("report", "refused", lang, row=problem.row, column=column, text=text)

    def note(self, note: RowNote, lang: str) -> str:
        return self.get("notes", note.code, lang, **note.params)

    def input_error(self, error: InputError, lang: str) -> str:
        params = {key: _show(value, 400) for key, value in error.params.items()}
        return self.get("input", error.code, lang, **params)

    def asked(self, fields: Iterable[str], lang: str, *, dialog: bool = False) -> list[str]:
        """How to give each missing field: on the command line, or in the dialog."""
        section = "asked_dialog" if dialog else "asked"
        return [self.get(section, name, lang) for name in fields]

    def recognised(self, plan: HeaderPlan, lang: str) -> str:
        """``订单编号←“订单编号”、快递单号←“物流单号” …``"""
        items = [
            self.get(
                "report",
                "recognised_item",
                lang,
                field=self.field(name, lang),
                header=_show(header),
            )
            for name, header in plan.recognised()
        ]
        return self.get("report", "recognised", lang, columns=self.listing(items, lang))


def safe(text: str) -> str:
    """Text from a file, fit for a terminal line: one line, control and bidi-override
    characters shown as escapes (a cell must not drive the terminal)."""
    text = " ".join(text.split())
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") and c != "\ufeff" else c
        for c in text
    )


def _show(value: Any, limit: int = 60) -> Any:
    """Cell values in messages: short, one line, escaped."""
    if isinstance(value, str):
        value = safe(value)
        return value if len(value) <= limit else value[: limit - 3] + "..."
    return value
