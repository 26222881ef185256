"""An opened order export read through a mapping: header plan, what must be asked before a run,
the optional items report joined by order id, a preview, and the stream of rows.

Rows come out in file order, one entry per non-blank row: a claim (`ClaimRow`), a refusal with
every reason (`RefusedRow`), or, for exports that list one row per item (抖店, the newer 淘宝
sub-order layout), a line merged into the claim of the same parcel (`MergedRow`: same order,
same tracking number, another line id -- its goods value, quantity and title go into that claim).
A row read twice (same order and tracking number, no line id to tell them apart) is refused,
naming the first. Reading a row never raises: anything unexpected refuses that row only.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from .mapping import (
    HeaderPlan,
    ImportMapping,
    choose_mapping,
    count_mapped,
    find_mapping,
    of_kind,
)
from .reader import Cell, InputError, RawRow, Table, find_header, open_table
from .rows import (
    ClaimRow,
    MergedRow,
    RefusedRow,
    RowDefaults,
    RowNote,
    RowProblem,
    clean_text,
    parse_quantity,
    read_row,
)

log = logging.getLogger(__name__)

Entry = ClaimRow | RefusedRow | MergedRow

# Fields every claim needs that an export may lack, each with a command-line option (and a
# field in the import dialog): asked once, before the run, never refused row by row.
EVERY_ROW_NEEDS = ("incident", "posted_at", "service_fee", "weight_kg", "region")
MAX_DESCRIPTION = 300


@dataclass(frozen=True)
class Needs:
    """What a run still needs before it can start, and what stands in for a missing column."""

    asked: tuple[str, ...]
    """Fields no column, option or mapping default gives: asked for, in words, before the run."""
    posted_from: str | None
    """The payment-time header standing in for the missing posting time (said on every case)."""

    @property
    def ready(self) -> bool:
        return not self.asked


@dataclass(frozen=True)
class ItemsIndex:
    """The items report (宝贝报表) by order id: one title line and the total quantity per order."""

    path: Path
    mapping: ImportMapping
    descriptions: Mapping[str, str]
    quantities: Mapping[str, int]
    rows: int

    def supplied(self, order_id: str | None) -> dict[str, Cell] | None:
        if order_id is None or order_id not in self.descriptions:
            return None
        return {
            "goods_description": self.descriptions[order_id],
            "goods_quantity": self.quantities.get(order_id),
        }


def _best_count(mappings: Mapping[str, ImportMapping]) -> Callable[[Sequence[Cell]], int]:
    """How many fields of a header row the best of `mappings` recognises."""

    def count(cells: Sequence[Cell]) -> int:
        return max((count_mapped(m, cells) for m in mappings.values()), default=0)

    return count


def _order_key(cell: Cell) -> str | None:
    if isinstance(cell, float) and not cell.is_integer():
        return None
    return clean_text(cell)


def read_items(
    path: Path, mappings: Mapping[str, ImportMapping], mapping_name: str | None = None
) -> ItemsIndex:
    """Read the items report once into an index by order id (titles joined, quantities added)."""
    table = open_table(path)
    candidates = of_kind(mappings, "items")
    if mapping_name:
        mapping = find_mapping(mappings, mapping_name)
        header, _ = find_header(table.rows(), mapping.known_headers())
    else:
        try:
            header, _ = find_header(table.rows(), _best_count(candidates))
        except InputError as error:
            if error.code != "no_header":
                raise
            raise InputError("items_not_recognised", path=str(path)) from None
        found = choose_mapping(candidates, header.cells)
        if found is None:
            raise InputError("items_not_recognised", path=str(path))
        mapping = found
    plan = mapping.plan(header.number, header.cells)
    if not (plan.has("order_id") and plan.has("goods_description")):
        raise InputError("items_not_recognised", path=str(path))
    titles: dict[str, list[str]] = {}
    quantities: dict[str, int] = {}
    count = 0
    for raw in table.rows(plan.width):
        if raw.number <= header.number or raw.is_blank():
            continue
        count += 1
        order = _order_key(plan.cell(raw.cells, "order_id"))
        title = clean_text(plan.cell(raw.cells, "goods_description"))
        if order is None or title is None:
            continue
        attributes = clean_text(plan.cell(raw.cells, "goods_attributes"))
        quantity = parse_quantity(plan.cell(raw.cells, "goods_quantity"))
        line = f"{title}（{attributes}）" if attributes else title
        if quantity and quantity > 1:
            line = f"{line}×{quantity}"
        lines = titles.setdefault(order, [])
        if sum(len(x) for x in lines) < MAX_DESCRIPTION:
            lines.append(line)
        quantities[order] = quantities.get(order, 0) + (quantity or 1)
    descriptions = {order: _join(lines) for order, lines in titles.items()}
    return ItemsIndex(path, mapping, descriptions, quantities, count)


def _join(lines: Sequence[str]) -> str:
    text = "；".join(lines)
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


def _merge(claim: ClaimRow, line: ClaimRow) -> ClaimRow:
    """The parcel's claim with one more line's goods: values and quantities added, titles
    joined (a line's own description only when it differs)."""
    data = dict(claim.data)
    goods_value = Decimal(str(data["goods_value"])) + Decimal(str(line.data["goods_value"]))
    data["goods_value"] = str(goods_value)
    goods = dict(data.get("goods", {}))
    other = dict(line.data.get("goods", {}))
    if other.get("description") and other.get("description") != goods.get("description"):
        goods["description"] = _join(
            [x for x in (goods.get("description"), other["description"]) if x]
        )
    if goods.get("quantity") or other.get("quantity"):
        goods["quantity"] = int(goods.get("quantity") or 1) + int(other.get("quantity") or 1)
    if goods:
        data["goods"] = goods
    return dataclasses.replace(claim, data=data)


def _free_line(entry: Entry, head: Entry) -> bool:
    """A line of the parcel being read whose only fault is costing nothing (a free gift):
    part of that claim, not a refusal."""
    return (
        isinstance(entry, RefusedRow)
        and isinstance(head, ClaimRow)
        and entry.order_id == head.order_id
        and entry.tracking_number == head.tracking_number
        and all(p.field == "goods_value" and p.code == "must_be_positive" for p in entry.problems)
    )


@dataclass(frozen=True)
class OrderExport:
    table: Table
    mapping: ImportMapping
    header_row: RawRow
    items: ItemsIndex | None = None

    @property
    def plan(self) -> HeaderPlan:
        return self.mapping.plan(self.header_row.number, self.header_row.cells)

    def needs(self, defaults: RowDefaults) -> Needs:
        """What must be asked before the run, given what the file and the defaults carry."""
        plan = self.plan
        asked = []
        posted_from = None
        for field in EVERY_ROW_NEEDS:
            if plan.has(field) or defaults.get(field) is not None:
                continue
            if self.mapping.defaults.get(field) is not None:
                continue
            if field == "posted_at" and plan.has("paid_at"):
                posted_from = plan.header_of["paid_at"]
                continue
            asked.append(field)
        if not plan.has("incident"):
            # A detail the chosen incident needs and nothing else gives.
            for incident, detail in (("damage", "damage_extent"), ("mismatch", "mismatch_kind")):
                given = plan.has(detail) or defaults.get(detail) is not None
                if defaults.incident == incident and not given:
                    asked.append(detail)
        return Needs(tuple(asked), posted_from)

    def _read(self, raw: RawRow, plan: HeaderPlan, defaults: RowDefaults, now: datetime) -> Entry:
        if raw.error is not None:
            problem = RowProblem(raw.number, "", "row_unreadable", {"detail": raw.error})
            return RefusedRow(raw.number, None, None, (problem,))
        try:
            supplied = None
            if self.items is not None:
                supplied = self.items.supplied(_order_key(plan.cell(raw.cells, "order_id")))
            entry = read_row(plan, raw.number, raw.cells, defaults, now, supplied)
            if self.items is not None and supplied is None and isinstance(entry, ClaimRow):
                note = RowNote(raw.number, "items_missing", {"file": self.items.path.name})
                entry = dataclasses.replace(entry, notes=(*entry.notes, note))
            return entry
        except Exception as error:  # one strange row never stops the file
            log.info("row %s could not be read", raw.number, exc_info=True)
            problem = RowProblem(raw.number, "", "failed", {"detail": str(error)[:200]})
            return RefusedRow(raw.number, None, None, (problem,))

    def pairs(self, defaults: RowDefaults, now: datetime) -> Iterator[tuple[RawRow, Entry]]:
        """Every non-blank row after the header with what it becomes, in file order."""
        plan = self.plan
        seen: dict[str, int] = {}
        group: list[tuple[RawRow, Entry]] = []  # a claim and the lines merged into it
        lines: set[str] = set()
        for raw in self.table.rows(plan.width):
            if raw.number <= self.header_row.number or raw.is_blank():
                continue
            entry = self._read(raw, plan, defaults, now)
            if group and _free_line(entry, group[0][1]):
                head = group[0][1]
                assert isinstance(head, ClaimRow) and isinstance(entry, RefusedRow)
                group.append(
                    (raw, MergedRow(raw.number, head.row, head.order_id, head.tracking_number))
                )
                continue
            if isinstance(entry, ClaimRow) and group:
                head = group[0][1]
                assert isinstance(head, ClaimRow)
                if entry.key == head.key and entry.line_id and entry.line_id not in lines:
                    lines.add(entry.line_id)
                    group[0] = (group[0][0], _merge(head, entry))
                    merged = MergedRow(raw.number, head.row, entry.order_id, entry.tracking_number)
                    group.append((raw, merged))
                    continue
            yield from group
            group, lines = [], set()
            if isinstance(entry, ClaimRow):
                first = seen.setdefault(entry.key, entry.row)
                if first != entry.row:
                    problem = RowProblem(
                        raw.number,
                        plan.header_of.get("tracking_numbers", ""),
                        "duplicate_row",
                        {"first": first},
                        field="tracking_numbers",
                    )
                    yield (
                        raw,
                        RefusedRow(raw.number, entry.order_id, entry.tracking_number, (problem,)),
                    )
                    continue
                group = [(raw, entry)]
                lines = {entry.line_id} if entry.line_id else set()
                continue
            yield raw, entry
        yield from group

    def entries(self, defaults: RowDefaults, now: datetime) -> Iterator[Entry]:
        """Every non-blank row after the header, in file order, as a claim or its problems."""
        for _, entry in self.pairs(defaults, now):
            yield entry

    def count_rows(self) -> int:
        """Non-blank rows after the header (one streaming pass, which also proves the whole file
        can be read: a broken quote or a damaged workbook is an InputError here, before a run)."""
        return sum(
            1
            for raw in self.table.rows(self.plan.width)
            if raw.number > self.header_row.number and not raw.is_blank()
        )

    def preview(
        self, defaults: RowDefaults, now: datetime, limit: int = 20
    ) -> list[tuple[RawRow, Entry]]:
        """The first `limit` rows with what each would become (for the import dialog)."""
        shown: list[tuple[RawRow, Entry]] = []
        for pair in self.pairs(defaults, now):
            shown.append(pair)
            if len(shown) >= limit:
                break
        return shown


def open_export(
    path: Path,
    mappings: Mapping[str, ImportMapping],
    mapping_name: str | None = None,
    items_path: Path | None = None,
) -> OrderExport:
    """Open the file, find its header row and the mapping (given, or the best match); with
    `items_path`, read the items report too."""
    table = open_table(path)
    if mapping_name:
        mapping = find_mapping(mappings, mapping_name)
        if mapping.kind != "orders":
            raise InputError("items_as_orders", path=str(path))
        header, _ = find_header(table.rows(), mapping.known_headers())
    else:
        header, _ = find_header(table.rows(), _best_count(mappings))
        found = choose_mapping(mappings, header.cells)
        if found is None:
            raise InputError("no_mapping", allowed=" | ".join(of_kind(mappings, "orders")))
        if found.kind != "orders":
            raise InputError("items_as_orders", path=str(path))
        mapping = found
    items = read_items(items_path, mappings) if items_path is not None else None
    export = OrderExport(table, mapping, header, items)
    plan = export.plan
    if not (plan.has("tracking_numbers") or plan.has("shipment")):
        raise InputError("no_tracking_column", mapping=mapping.id)
    if not plan.has("goods_value"):
        raise InputError("no_value_column", mapping=mapping.id)
    return export
