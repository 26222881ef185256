"""A note of an assessment: a text code and the values it shows (rendered by `present`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Note:
    """A reason, warning, advice or calculation step: a text code and the values it shows.

    A value that differs by language (a courier's name) is a mapping ``{"zh": ..., "en": ...}``;
    the renderer picks the language."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


def both(zh: str, en: str) -> dict[str, str]:
    """A note value in both languages."""
    return {"zh": zh, "en": en}
