"""Column-mapping files: which headers of a platform's export carry which claim field.

A mapping is data (``resources/imports/<id>.toml``), so a new platform needs no code::

    id = "taobao"
    name = { zh = "淘宝订单导出", en = "Taobao order export" }
    ignore = ["买家留言", ...]            # headers a claim does not need: not reported
    [columns]
    order_id = ["订单编号", "订单号"]       # the first header present in the file is used
    tracking_numbers = ["物流单号"]
    [values.carrier]                      # cell text -> code (also incident, region, ...)
    "顺丰" = "sf"
    [defaults]
    region = "domestic"

Headers that are neither mapped nor ignored are reported as unknown and never used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.case import CARRIER_CODES, Extent, Incident, MismatchKind, Region
from .reader import Cell, InputError, header_text

# The batch's vocabulary: every field a column can fill.
FIELDS: tuple[str, ...] = (
    "order_id",
    "tracking_numbers",
    "carrier",
    "posted_at",
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
    "goods_quantity",
    "description",
)

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

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def known_headers(self) -> tuple[str, ...]:
        mapped = [header for headers in self.columns.values() for header in headers]
        return (*mapped, *sorted(self.ignore))

    def plan(self, header_row: int, cells: Sequence[Cell]) -> HeaderPlan:
        """Which column carries each field, and which headers nobody asked for."""
        headers = [header_text(cell) for cell in cells]
        position: dict[str, int] = {}
        for index, header in enumerate(headers):
            if header:
                position.setdefault(header, index)
        index_of: dict[str, int] = {}
        header_of: dict[str, str] = {}
        for field, candidates in self.columns.items():
            for candidate in candidates:
                if candidate in position:
                    index_of[field] = position[candidate]
                    header_of[field] = candidate
                    break
        used = set(header_of.values())
        unknown = tuple(h for h in position if h not in used and h not in self.ignore)
        return HeaderPlan(self, header_row, index_of, header_of, unknown)


@dataclass(frozen=True)
class HeaderPlan:
    """The header row of one file read through one mapping."""

    mapping: ImportMapping
    header_row: int
    index_of: Mapping[str, int]
    header_of: Mapping[str, str]
    unknown: tuple[str, ...]

    def cell(self, cells: Sequence[Cell], field: str) -> Cell:
        index = self.index_of.get(field)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def label(self, field: str) -> str:
        """What to call a field in a message: the header the user sees, else the field name."""
        return self.header_of.get(field, field)


def _bad(path: Path, detail: str) -> InputError:
    return InputError("bad_mapping", path=path.name, detail=detail)


def mapping_from_data(data: Mapping[str, Any], path: Path) -> ImportMapping:
    """Build and check a mapping; a mistake in the file names the file and the key."""
    try:
        columns = {field: tuple(headers) for field, headers in data["columns"].items()}
        name = data["name"]
        mapping_id = str(data["id"])
    except (KeyError, TypeError) as error:
        raise _bad(path, f"missing {error}") from None
    for field, headers in columns.items():
        if field not in FIELDS:
            raise _bad(path, f"[columns] {field}: not one of {', '.join(FIELDS)}")
        if not headers or not all(isinstance(h, str) and h for h in headers):
            raise _bad(path, f"[columns] {field}: needs a list of header names")
    values: dict[str, dict[str, str]] = {}
    for field, table in data.get("values", {}).items():
        if field not in VALUE_CODES:
            raise _bad(path, f"[values.{field}]: only {', '.join(VALUE_CODES)} take values")
        for text, code in table.items():
            if code not in VALUE_CODES[field]:
                raise _bad(path, f"[values.{field}] {text} = {code}: unknown code")
        values[field] = {normalize_value(text): code for text, code in table.items()}
    defaults = {str(k): str(v) for k, v in data.get("defaults", {}).items()}
    for field in defaults:
        if field not in FIELDS:
            raise _bad(path, f"[defaults] {field}: not one of {', '.join(FIELDS)}")
    return ImportMapping(
        id=mapping_id,
        name_zh=str(name["zh"]),
        name_en=str(name["en"]),
        columns=columns,
        ignore=frozenset(str(h) for h in data.get("ignore", ())),
        values=values,
        defaults=defaults,
    )


def load_mapping(path: Path) -> ImportMapping:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise _bad(path, str(error)) from None
    return mapping_from_data(data, path)


def available_mappings(imports_dir: Path) -> dict[str, ImportMapping]:
    """Every mapping in ``resources/imports/`` by id (file order: by name)."""
    mappings: dict[str, ImportMapping] = {}
    for path in sorted(imports_dir.glob("*.toml")):
        if path.name != MESSAGES_FILE:
            mapping = load_mapping(path)
            mappings[mapping.id] = mapping
    return mappings


def find_mapping(mappings: Mapping[str, ImportMapping], name: str) -> ImportMapping:
    """The mapping by id, or by the path of a mapping file the user wrote."""
    if name in mappings:
        return mappings[name]
    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        return load_mapping(path)
    raise InputError("unknown_mapping", value=name, allowed=" | ".join(mappings))


def choose_mapping(
    mappings: Mapping[str, ImportMapping], header_cells: Sequence[Cell]
) -> ImportMapping | None:
    """The mapping that recognises the most headers of a row (ties: file order), or None."""
    headers = {header_text(cell) for cell in header_cells}
    best: tuple[int, ImportMapping] | None = None
    for mapping in mappings.values():
        mapped = sum(1 for cands in mapping.columns.values() if any(c in headers for c in cands))
        if mapped >= 2 and (best is None or mapped > best[0]):
            best = (mapped, mapping)
    return None if best is None else best[1]
