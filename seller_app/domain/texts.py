"""User-visible words of the domain, from ``resources/texts.toml`` and ``resources/clauses.toml``.

Every message is a template per language (``zh``, ``en``) filled with `str.format` parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import CaseError

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Clause:
    id: str
    title_zh: str
    title_en: str
    quote: str
    summary_en: str
    source: str
    verified: bool
    label_zh: str = ""
    label_en: str = ""

    def label(self, lang: str) -> str:
        """How a document names the clause: ``《民法典》第831条`` / ``Civil Code art. 831``;
        the standard's clauses by their number (``A.3.2``)."""
        return (self.label_zh if lang == "zh" else self.label_en) or self.id

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def text(self, lang: str) -> str:
        """The quotation in Chinese (the authentic text), or its English summary."""
        return self.quote if lang == "zh" else self.summary_en


class Texts:
    def __init__(self, data: Mapping[str, Any], clauses: Mapping[str, Any]) -> None:
        self.data = data
        self.clauses = {
            key: Clause(
                id=key,
                title_zh=entry["title"]["zh"],
                title_en=entry["title"]["en"],
                quote=entry["quote"],
                summary_en=entry["summary_en"],
                source=entry["source"],
                verified=bool(entry.get("verified", False)),
                label_zh=entry.get("label", {}).get("zh", ""),
                label_en=entry.get("label", {}).get("en", ""),
            )
            for key, entry in clauses.items()
        }

    def get(self, section: str, code: str, lang: str, **params: Any) -> str:
        """``texts.get("advice", "refund_buyer_first", "zh")``; unknown codes fail loudly."""
        if lang not in LANGS:
            raise ValueError(f"unsupported language {lang!r}")
        return str(self.data[section][code][lang]).format(**params)

    def label(self, section: str, code: str, lang: str) -> str:
        return self.get(section, code, lang)

    def error_message(self, error: CaseError, lang: str) -> str:
        """One line naming the field: ``damage.lost_value: 不能大于货物价值 goods_value (100)``."""
        params = {key: _show(value) for key, value in error.params.items()}
        return f"{error.field}: {self.get('errors', error.code, lang, **params)}"

    def clause(self, clause_id: str) -> Clause:
        return self.clauses[clause_id]


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "..."
    return str(value)
