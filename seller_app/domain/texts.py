"""User-visible words of the domain, from ``resources/texts.toml`` and ``resources/clauses.toml``.

Every message is a template per language (``zh``, ``en``) filled with `str.format` parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import CaseError

LANGS = ("zh", "en")


@dataclass(frozen=True)
class EarlierVersion:
    """How a clause was numbered before a revision: used by documents dated up to `until`."""

    until: date
    label_zh: str
    label_en: str
    source: str


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
    note: str = ""
    """An internal caveat (e.g. "paraphrase of an unverified copy"): shown in the app only,
    never on a document for the courier."""
    earlier: tuple[EarlierVersion, ...] = ()

    def _version(self, on: date | None) -> EarlierVersion | None:
        if on is None:
            return None
        for version in sorted(self.earlier, key=lambda v: v.until):
            if on <= version.until:
                return version
        return None

    def label(self, lang: str, on: date | None = None) -> str:
        """How a document dated `on` names the clause: ``《民法典》第831条`` /
        ``Civil Code art. 831``; the standard's clauses by their number (``A.3.2``). A clause
        renumbered by a revision is named as it was numbered on that date (default: today's
        numbering)."""
        version = self._version(on)
        if version is not None:
            return (version.label_zh if lang == "zh" else version.label_en) or self.id
        return (self.label_zh if lang == "zh" else self.label_en) or self.id

    def source_on(self, on: date | None = None) -> str:
        version = self._version(on)
        return version.source if version is not None else self.source

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
                note=entry.get("note", ""),
                earlier=tuple(
                    EarlierVersion(
                        until=version["until"],
                        label_zh=version["label"]["zh"],
                        label_en=version["label"]["en"],
                        source=version["source"],
                    )
                    for version in entry.get("earlier", ())
                ),
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
