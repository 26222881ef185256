"""The batch import's words, from ``resources/imports/messages.toml`` (zh and en)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..domain.errors import CaseError
from ..domain.texts import Texts
from .mapping import MESSAGES_FILE
from .reader import InputError
from .rows import RowProblem


class BatchTexts:
    def __init__(self, data: Mapping[str, Any], domain: Texts) -> None:
        self.data = data
        self.domain = domain

    @classmethod
    def load(cls, imports_dir: Path, domain: Texts) -> BatchTexts:
        with (imports_dir / MESSAGES_FILE).open("rb") as handle:
            return cls(tomllib.load(handle), domain)

    def get(self, section: str, code: str, lang: str, **params: Any) -> str:
        template = str(self.data[section][code]["en" if lang == "en" else "zh"])
        return template.format(**params) if params else template

    def problem(self, problem: RowProblem, lang: str) -> str:
        """The reason alone: ``必须大于 0，收到 -5``."""
        if problem.domain:
            message = self.domain.error_message(
                CaseError(problem.column, problem.code, **problem.params), lang
            )
            return message.split(": ", 1)[1]
        return self.get("problems", problem.code, lang, **problem.params)

    def problem_line(self, problem: RowProblem, lang: str) -> str:
        """``第 3 行 物流单号：这一格为空``."""
        return self.get(
            "report",
            "refused",
            lang,
            row=problem.row,
            column=problem.column,
            text=self.problem(problem, lang),
        )

    def input_error(self, error: InputError, lang: str) -> str:
        return self.get("input", error.code, lang, **error.params)
