"""User-visible words of the evidence package, from ``resources/evidence/messages.toml``.

Each entry is a ``zh``/``en`` template filled with `str.format` parameters, like the domain texts.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from seller_app import paths
from seller_app.domain.case import PhotoKind
from seller_app.domain.rules import Note

LANGS = ("zh", "en")


@cache
def _messages() -> dict[str, Any]:
    with (paths.resources_dir() / "evidence" / "messages.toml").open("rb") as handle:
        return tomllib.load(handle)


def text(section: str, code: str, lang: str, **params: Any) -> str:
    """One message; unknown sections, codes or languages fail loudly (a test checks coverage)."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    template = str(_messages()[section][code][lang])
    return template.format(**params) if params else template


def render(note: Note, lang: str = "zh") -> str:
    """The text of a photo warning, e.g. ``照片模糊（清晰度 12，低于 60）``."""
    return text("warnings", note.code, lang, **note.params)


def error_text(code: str, lang: str, **params: Any) -> str:
    return text("errors", code, lang, **params)


def kind_label(kind: PhotoKind, lang: str = "zh") -> str:
    """The seller's word for an evidence slot: ``外包装`` / ``outer package``."""
    return text("kinds", kind.value, lang)


def codes(section: str) -> tuple[str, ...]:
    return tuple(_messages()[section])
