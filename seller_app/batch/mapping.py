"""Column-mapping files: which headers of a platform's export carry which claim field.

A mapping is data (``resources/imports/<id>.toml``), so a new platform needs no code::

    id = "taobao"
    name = { zh = "淘宝订单导出", en = "Taobao order export" }
    kind = "orders"                       # or "items": a per-item report joined by order id
    source = "where the layout was seen, and when"
    ignore = ["买家留言", ...]            # headers a claim does not need: not reported
    placeholders = ['^-+$']               # cell text that means "no value" (regular expressions)
    [columns]
    order_id = ["订单编号", "订单号"]       # the first header present in the file is used
    tracking_numbers = ["物流单号"]
    [values.carrier]                      # cell text -> code (also incident, region, ...)
    "顺丰" = "sf"
    [defaults]
    region = "domestic"

Headers are compared loosely (`reader.header_key`): surrounding and inner spaces, full-width
brackets and letters, and a unit suffix such as ``(元)`` or ``（元）`` do not matter. Headers that
are neither mapped nor ignored are reported as unknown and never used.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.case import CARRIER_CODES, Extent, Incident, MismatchKind, Region
from .reader import Cell, InputError, header_key, header_text, open_regular

# The batch's vocabulary: every field a column can fill. Their names in the seller's language
# are in messages.toml [fields]; a field name itself is never shown.
FIELDS: tuple[str, ...] = (
    "order_id",
    "line_id",
    "tracking_numbers",
    "carrier",
    "shipment",
    "posted_at",
    "paid_at",
    "goods_value",
    "service_fee",
    "weight_kg",
    "insurance_fee",
    "insured_value",
    "incident",
    "damage_extent",
    "mismatch_kind",
    "lost_value",
    "region",
    "policy",
    "buyer_name",
    "buyer_phone",
    "buyer_address",
    "shop_name",
    "goods_description",
    "goods_attributes",
    "goods_quantity",
    "description",
)
KINDS = ("orders", "items")

# Allowed codes for fields whose cells are translated through [values.<field>].
_INCIDENT_CODES = tuple(i.value for i in Incident) + (
    *(f"damage:{e.value}" for e in Extent),
    *(f"mismatch:{k.value}" for k in MismatchKind),
)
VALUE_CODES: Mapping[str, tuple[str, ...]] = {
    "carrier": CARRIER_CODES,
    "incident": _INCIDENT_CODES,
    "damage_extent": tuple(e.value for e in Extent),
    "mismatch_kind": tuple(k.value for k in MismatchKind),
    "region": tuple(r.value for r in Region),
}

MESSAGES_FILE = "messages.toml"
_MAPPING_FILE_LIMIT = 1 << 20


def normalize_value(text: str) -> str:
    """Cell text as looked up in [values.*]: no spaces, case-folded (``EMS`` == ``ems``)."""
    return "".join(text.split()).casefold()


@dataclass(frozen=True)
class ImportMapping:
    id: str
    name_zh: str
    name_en: str
    columns: Mapping[str, tuple[str, ...]]
    ignore: frozenset[str]
    values: Mapping[str, Mapping[str, str]]
    defaults: Mapping[str, str]
    kind: str = "orders"
    placeholders: tuple[re.Pattern[str], ...] = ()
    source: str = ""

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def known_headers(self) -> tuple[str, ...]:
        mapped = [header for headers in self.columns.values() for header in headers]
        return (*mapped, *sorted(self.ignore))

    def is_placeholder(self, text: str) -> bool:
        """Whether a cell's text means "no value" in this export (``-`` in 抖店, ``##密文``)."""
        return any(pattern.search(text) for pattern in self.placeholders)

    def plan(self, header_row: int, cells: Sequence[Cell]) -> HeaderPlan:
        """Which column carries each field, and which headers nobody asked for."""
        position: dict[str, int] = {}
        shown: dict[str, str] = {}
        for index, cell in enumerate(cells):
            key = header_key(cell)
            if key and key not in position:
                position[key] = index
                shown[key] = header_text(cell)
        index_of: dict[str, int] = {}
        header_of: dict[str, str] = {}
        for field, candidates in self.columns.items():
            for candidate in candidates:
                key = header_key(candidate)
                if key in position:
                    index_of[field] = position[key]
                    header_of[field] = shown[key]
                    break
        used = set(index_of.values())
        ignored = {header_key(h) for h in self.ignore}
        unknown = tuple(
            shown[key]
            for key, index in position.items()
            if index not in used and key not in ignored
        )
        return HeaderPlan(self, header_row, index_of, header_of, unknown, len(cells))


@dataclass(frozen=True)
class HeaderPlan:
    """The header row of one file read through one mapping."""

    mapping: ImportMapping
    header_row: int
    index_of: Mapping[str, int]
    header_of: Mapping[str, str]
    unknown: tuple[str, ...]
    width: int = 0

    def has(self, field: str) -> bool:
        return field in self.index_of

    def cell(self, cells: Sequence[Cell], field: str) -> Cell:
        index = self.index_of.get(field)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        if isinstance(value, str) and (not value.strip() or self.mapping.is_placeholder(value)):
            return None
        return value

    def label(self, field: str, words: Mapping[str, str] | None = None) -> str:
        """What to call a field in a message: the header the user sees, else its name in the
        seller's words (`words`, from messages.toml [fields])."""
        if field in self.header_of:
            return self.header_of[field]
        return (words or {}).get(field, field)

    def recognised(self) -> list[tuple[str, str]]:
        """(field, header) for every field a column carries, in the file's column order."""
        return sorted(self.header_of.items(), key=lambda item: self.index_of[item[0]])


def _bad(path: Path, detail: str) -> InputError:
    return InputError("bad_mapping", path=path.name, detail=detail)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item for item in value)


def mapping_from_data(data: Mapping[str, Any], path: Path) -> ImportMapping:
    """Build and check a mapping; a mistake in the file names the file and the key."""
    try:
        raw_columns = data["columns"]
        name = data["name"]
        mapping_id = str(data["id"])
        columns = {str(field): headers for field, headers in raw_columns.items()}
        name_zh, name_en = str(name["zh"]), str(name["en"])
    except (KeyError, TypeError, AttributeError) as error:
        raise _bad(path, f"missing {error}") from None
    for field, headers in columns.items():
        if field not in FIELDS:
            raise _bad(path, f"[columns] {field}: not one of {', '.join(FIELDS)}")
        if not _strings(headers) or not headers:
            raise _bad(path, f"[columns] {field}: needs a list of header names")
    kind = str(data.get("kind", "orders"))
    if kind not in KINDS:
        raise _bad(path, f"kind = {kind}: not one of {', '.join(KINDS)}")
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values", {})
    if not isinstance(raw_values, Mapping):
        raise _bad(path, "[values]: needs tables")
    for field, table in raw_values.items():
        if field not in VALUE_CODES or not isinstance(table, Mapping):
            raise _bad(path, f"[values.{field}]: only {', '.join(VALUE_CODES)} take values")
        for text, code in table.items():
            if code not in VALUE_CODES[field]:
                raise _bad(path, f"[values.{field}] {text} = {code}: unknown code")
        values[field] = {normalize_value(text): code for text, code in table.items()}
    raw_defaults = data.get("defaults", {})
    if not isinstance(raw_defaults, Mapping):
        raise _bad(path, "[defaults]: needs a table")
    defaults = {str(k): str(v) for k, v in raw_defaults.items()}
    for field in defaults:
        if field not in FIELDS:
            raise _bad(path, f"[defaults] {field}: not one of {', '.join(FIELDS)}")
    ignore = data.get("ignore", [])
    placeholders = data.get("placeholders", [])
    if not isinstance(ignore, list) or not _strings(placeholders) and placeholders:
        raise _bad(path, "ignore / placeholders: need lists of text")
    try:
        patterns = tuple(re.compile(text) for text in placeholders)
    except re.error as error:
        raise _bad(path, f"placeholders: {error}") from None
    return ImportMapping(
        id=mapping_id,
        name_zh=name_zh,
        name_en=name_en,
        columns={field: tuple(headers) for field, headers in columns.items()},
        ignore=frozenset(str(h) for h in ignore),
        values=values,
        defaults=defaults,
        kind=kind,
        placeholders=patterns,
        source=str(data.get("source", "")),
    )


def load_mapping(path: Path) -> ImportMapping:
    try:
        with open_regular(path, _MAPPING_FILE_LIMIT) as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise _bad(path, str(error)) from None
    except UnicodeDecodeError:
        raise _bad(path, "not UTF-8 text") from None
    return mapping_from_data(data, path)


def available_mappings(imports_dir: Path) -> dict[str, ImportMapping]:
    """Every mapping in ``resources/imports/`` by id (file order: by name)."""
    mappings: dict[str, ImportMapping] = {}
    for path in sorted(imports_dir.glob("*.toml")):
        if path.name != MESSAGES_FILE:
            mapping = load_mapping(path)
            mappings[mapping.id] = mapping
    return mappings


def of_kind(mappings: Mapping[str, ImportMapping], kind: str) -> dict[str, ImportMapping]:
    return {key: mapping for key, mapping in mappings.items() if mapping.kind == kind}


def find_mapping(mappings: Mapping[str, ImportMapping], name: str) -> ImportMapping:
    """The mapping by id, or by the path of a mapping file the user wrote."""
    if name in mappings:
        return mappings[name]
    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        return load_mapping(path)
    raise InputError("unknown_mapping", value=name, allowed=" | ".join(mappings))


def count_mapped(mapping: ImportMapping, header_cells: Sequence[Cell]) -> int:
    """How many of the mapping's fields a header row carries."""
    keys = {header_key(cell) for cell in header_cells}
    return sum(
        1
        for candidates in mapping.columns.values()
        if any(header_key(candidate) in keys for candidate in candidates)
    )


def choose_mapping(
    mappings: Mapping[str, ImportMapping], header_cells: Sequence[Cell]
) -> ImportMapping | None:
    """The mapping that recognises the most fields of a row (ties: file order), or None."""
    best: tuple[int, ImportMapping] | None = None
    for mapping in mappings.values():
        mapped = count_mapped(mapping, header_cells)
        if mapped >= 2 and (best is None or mapped > best[0]):
            best = (mapped, mapping)
    return None if best is None else best[1]
