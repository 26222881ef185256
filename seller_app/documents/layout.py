"""Claim-form layouts as data: ``forms/<id>.toml`` plus the shared words in ``forms/labels.toml``.

A layout lists its sections in order; a ``fields`` section lists field keys (each must be a key of
``labels.toml [field]``), optionally with its own label, ``wide`` (a whole row) and ``emphasis``.
Other section kinds: ``clauses`` (the clauses relied on), ``declaration`` (its ``text``),
``signature`` (signature, seal and date boxes) and ``office`` (blank fields for the courier).
``pages`` says which pages follow the form: calculation, evidence, schedule. A new courier's form
is a new TOML file; no Python changes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import paths

SECTION_KINDS = ("fields", "clauses", "declaration", "signature", "office")
PAGE_KINDS = ("form", "calculation", "evidence", "schedule")
LABELS_FILE = "labels.toml"
# Files in forms/ that are not claim-form layouts: the shared words, the buyer statements and
# the escalation documents' words.
NOT_LAYOUTS = frozenset(
    {LABELS_FILE, "statement.toml", "receipt_statement.toml", "escalation.toml"}
)


class LayoutError(ValueError):
    """A layout that does not exist or does not make sense."""


class UnknownLayoutError(LayoutError):
    """No claim-form layout of that name; `known` lists the ones there are."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        super().__init__(f"no form layout named {name!r}; available: {', '.join(known)}")
        self.name = name
        self.known = known

    def message(self, labels: Labels, lang: str) -> str:
        return labels.get(
            "cli", "unknown_layout", lang, name=self.name, known=", ".join(self.known)
        )


@dataclass(frozen=True)
class Text:
    """One user-visible text in Chinese and English."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: Text
    wide: bool = False
    emphasis: bool = False


@dataclass(frozen=True)
class Section:
    kind: str
    title: Text | None
    fields: tuple[FieldSpec, ...] = ()
    text: Text | None = None
    text_without_photos: Text | None = None
    """A declaration's words when no photo is attached (``text`` speaks of the attached photos)."""


class Labels:
    """The shared words of ``labels.toml``: ``labels.get("word", "yes", "zh")``."""

    def __init__(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        self._data = {
            section: {key: _text(value, f"{section}.{key}") for key, value in entries.items()}
            for section, entries in data.items()
        }

    def text(self, section: str, key: str) -> Text:
        try:
            return self._data[section][key]
        except KeyError:
            raise LayoutError(f"{LABELS_FILE}: no label [{section}] {key}") from None

    def get(self, section: str, key: str, lang: str, **params: Any) -> str:
        template = self.text(section, key)(lang)
        return template.format(**params) if params else template

    def keys(self, section: str) -> tuple[str, ...]:
        return tuple(self._data.get(section, {}))


@dataclass(frozen=True)
class FormLayout:
    id: str
    name: Text
    title: Text
    subtitle: Text | None
    carrier: str | None
    pages: tuple[str, ...]
    sections: tuple[Section, ...]
    labels: Labels

    def field_keys(self) -> tuple[str, ...]:
        return tuple(f.key for s in self.sections for f in s.fields)


def _text(value: object, where: str) -> Text:
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(lang), str) for lang in ("zh", "en")
    ):
        raise LayoutError(f'{where}: needs {{ zh = "...", en = "..." }}')
    return Text(value["zh"], value["en"])


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise LayoutError(f"{path.name}: {error}") from None


def available_layouts(root: Path | None = None) -> tuple[str, ...]:
    folder = root or paths.forms_dir()
    """The claim-form layouts in `folder` (default forms/), by name."""
    return tuple(sorted(p.stem for p in folder.glob("*.toml") if p.name not in NOT_LAYOUTS))


@lru_cache(maxsize=4)
def _labels(root: Path) -> Labels:
    return Labels(_read(root / LABELS_FILE))


def shared_labels(root: Path | None = None) -> Labels:
    """The words of ``forms/labels.toml`` without a layout (e.g. for a message about one)."""
    return _labels((root or paths.forms_dir()).resolve())


@lru_cache(maxsize=16)
def _load(name: str, root: Path) -> FormLayout:
    path = root / f"{name}.toml"
    if path.name in NOT_LAYOUTS or not path.is_file():
        raise UnknownLayoutError(name, available_layouts(root))
    labels = _labels(root)
    data = _read(path)
    where = path.name
    field_keys = set(labels.keys("field"))
    sections = []
    for index, raw in enumerate(data.get("section", [])):
        at = f"{where} section {index + 1}"
        kind = raw.get("kind", "fields")
        if kind not in SECTION_KINDS:
            raise LayoutError(f"{at}: kind {kind!r} is not one of {', '.join(SECTION_KINDS)}")
        fields = []
        for item in raw.get("fields", []):
            key = item.get("key")
            if key not in field_keys:
                raise LayoutError(f"{at}: unknown field key {key!r} (see {LABELS_FILE} [field])")
            label = (
                _text(item["label"], f"{at} {key}")
                if "label" in item
                else labels.text("field", key)
            )
            fields.append(FieldSpec(key, label, bool(item.get("wide")), bool(item.get("emphasis"))))
        if kind in ("fields", "office") and not fields:
            raise LayoutError(f"{at}: a {kind} section needs fields")
        if kind == "declaration" and "text" not in raw:
            raise LayoutError(f"{at}: a declaration needs text")
        sections.append(
            Section(
                kind=kind,
                title=_text(raw["title"], f"{at} title") if "title" in raw else None,
                fields=tuple(fields),
                text=_text(raw["text"], f"{at} text") if "text" in raw else None,
                text_without_photos=(
                    _text(raw["text_without_photos"], f"{at} text_without_photos")
                    if "text_without_photos" in raw
                    else None
                ),
            )
        )
    if not sections:
        raise LayoutError(f"{where}: no sections")
    pages = tuple(data.get("pages", PAGE_KINDS))
    unknown = [p for p in pages if p not in PAGE_KINDS]
    if unknown or "form" not in pages:
        raise LayoutError(f"{where}: pages must include form and be among {', '.join(PAGE_KINDS)}")
    return FormLayout(
        id=str(data.get("id", name)),
        name=_text(data.get("name"), f"{where} name"),
        title=_text(data.get("title"), f"{where} title"),
        subtitle=_text(data["subtitle"], f"{where} subtitle") if "subtitle" in data else None,
        carrier=data.get("carrier"),
        pages=pages,
        sections=tuple(sections),
        labels=labels,
    )


def load_layout(name: str, root: Path | None = None) -> FormLayout:
    """The layout ``forms/<name>.toml`` (cached per process); `LayoutError` if it is unusable."""
    return _load(name, (root or paths.forms_dir()).resolve())
