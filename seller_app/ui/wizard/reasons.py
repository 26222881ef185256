"""What the wizard says beside a field the domain refused, in the seller's words.

The domain's messages (``resources/texts.toml`` [errors]) name case-file keys (``posted_at``,
``goods_value``, ``damage: {"extent": ...}``) because the CLI's user edits that file. Beside a
field of the wizard the field's own label is the name: "寄出时间 2026-12-01 09:00 晚于现在". The
wizard's wording is data, ``resources/wizard/reasons.toml`` (zh and en, in the wizard's
language like the domain's texts); a code it lacks falls back to the domain's text with the
keys taken out, so no internal key ever reaches the page. The wizard's own checks use codes of
their own there (``percent_range``, ``need_goods_value``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from seller_app import paths
from seller_app.domain.case import SHANGHAI, parse_datetime
from seller_app.domain.errors import CaseError
from seller_app.domain.texts import Texts

# A case-file key or an English clause id: lower-case words joined by "_" or ".", or a key in
# braces as the domain's CLI messages quote them.
_INTERNAL = re.compile(r"\s*(?:\{[^}]*\}|\b[a-z]+(?:[_.][a-z0-9]+)+\b)")
_LATIN_WORD = re.compile(r"\s*\b[a-z][a-z0-9_.]*\b")
# Fields answered by choosing (radio buttons, lists): "请选择" rather than "请填写".
CHOICES = frozenset({"incident", "damage", "mismatch", "delay", "signer", "region", "carrier"})


@cache
def wordings() -> dict[str, dict[str, str]]:
    with (paths.resources_dir() / "wizard" / "reasons.toml").open("rb") as handle:
        return tomllib.load(handle)


def _moment(value: object) -> str:
    try:
        return parse_datetime(value, "value").astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    except CaseError:
        return str(value)


def scrub(text: str, lang: str = "zh") -> str:
    """`text` without case-file keys (``goods_value``, ``signer.who``) or quoted JSON; in a
    Chinese text any lower-case Latin word is a key (``damage``)."""
    text = _INTERNAL.sub("", text)
    if lang == "zh":
        text = _LATIN_WORD.sub("", text)
    return re.sub(r"\s+([，。：；）])", r"\1", text).strip()


def reason(
    error: CaseError,
    label: str,
    target: str | None,
    data: Mapping[str, Any],
    texts: Texts,
    lang: str,
) -> str:
    """The sentence shown beside field `target` (labelled `label`) for `error`; `data` is the
    draft, for messages that name the other field's value."""
    words = wordings()
    code = error.code
    if code == "required" and target in CHOICES:
        code = "required_choice"
    elif code == "claim_before_posting" and target == "posted_at":
        code = "posted_after_claim"
    params = {key: "null" if value is None else str(value) for key, value in error.params.items()}
    params.setdefault("value", "")
    params.update(
        label=re.sub(r"\s*[（(][^）)]*[）)]$", "", label) or words["this_field"][lang],
        posted_at=_moment(data.get("posted_at")),
        claim_at=_moment(data.get("claim_at")),
    )
    if code in words:
        try:
            return words[code][lang].format(**params)
        except (KeyError, IndexError):
            pass
    try:
        fallback = texts.get("errors", error.code, lang, **params)
    except KeyError:
        fallback = ""
    return scrub(fallback, lang) or words["fallback"][lang]


# --------------------------------------------------------------------------- notes


def same_minute(first: object, second: object) -> bool:
    """Two case-file datetimes in the same minute."""
    try:
        a = parse_datetime(first, "a").astimezone(SHANGHAI)
        b = parse_datetime(second, "b").astimezone(SHANGHAI)
    except CaseError:
        return False
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


def same_time_note() -> str:
    """Beside a posting time equal to the claim time: almost surely one was left unchanged."""
    return QCoreApplication.translate(
        "WizardReasons",
        "⚠ 寄出时间和提交索赔的时间完全相同，通常是其中一个忘了改。"
        "寄出时间是快递员收件的时间，提交时间是把索赔交给快递公司的时间，请核对。",
    )
