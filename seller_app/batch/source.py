"""An opened order export read through a mapping: header plan, preview and the stream of rows."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .mapping import HeaderPlan, ImportMapping, choose_mapping, find_mapping
from .reader import InputError, RawRow, Table, find_header, open_table
from .rows import ClaimRow, RefusedRow, RowDefaults, RowProblem, read_row

Entry = ClaimRow | RefusedRow


@dataclass(frozen=True)
class OrderExport:
    table: Table
    mapping: ImportMapping
    header_row: RawRow

    @property
    def plan(self) -> HeaderPlan:
        return self.mapping.plan(self.header_row.number, self.header_row.cells)

    def entries(self, defaults: RowDefaults, now: datetime) -> Iterator[Entry]:
        """Every non-blank row after the header, in file order, as a claim or its problems.

        A second row with the same key (order id + tracking number) is refused, naming the first.
        """
        plan = self.plan
        seen: dict[str, int] = {}
        for raw in self.table.rows():
            if raw.number <= self.header_row.number or raw.is_blank():
                continue
            entry = read_row(plan, raw.number, raw.cells, defaults, now)
            if isinstance(entry, ClaimRow):
                first = seen.setdefault(entry.key, entry.row)
                if first != entry.row:
                    problem = RowProblem(
                        raw.number,
                        plan.label("tracking_numbers"),
                        "duplicate_row",
                        {"first": first},
                    )
                    entry = RefusedRow(
                        raw.number, entry.order_id, entry.tracking_number, (problem,)
                    )
            yield entry

    def count_rows(self) -> int:
        """Non-blank rows after the header (one streaming pass)."""
        return sum(
            1
            for raw in self.table.rows()
            if raw.number > self.header_row.number and not raw.is_blank()
        )

    def preview(
        self, defaults: RowDefaults, now: datetime, limit: int = 20
    ) -> list[tuple[RawRow, Entry]]:
        """The first `limit` rows with what each would become (for the import dialog)."""
        plan = self.plan
        shown: list[tuple[RawRow, Entry]] = []
        for raw in self.table.rows():
            if raw.number <= self.header_row.number or raw.is_blank():
                continue
            shown.append((raw, read_row(plan, raw.number, raw.cells, defaults, now)))
            if len(shown) >= limit:
                break
        return shown


def open_export(
    path: Path, mappings: Mapping[str, ImportMapping], mapping_name: str | None = None
) -> OrderExport:
    """Open the file, find its header row and the mapping (given, or the best match)."""
    table = open_table(path)
    if mapping_name:
        mapping = find_mapping(mappings, mapping_name)
        header, _ = find_header(table.rows(), mapping.known_headers())
    else:
        known = [h for m in mappings.values() for h in m.known_headers()]
        header, _ = find_header(table.rows(), known)
        found = choose_mapping(mappings, header.cells)
        if found is None:
            raise InputError("no_mapping", allowed=" | ".join(mappings))
        mapping = found
    export = OrderExport(table, mapping, header)
    if "tracking_numbers" not in export.plan.index_of:
        raise InputError("no_tracking_column", mapping=mapping.id)
    return export
