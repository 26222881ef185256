"""Batch claims from a shop's order export: read, map, validate, then make every claim on all cores.

    export = open_export(path, available_mappings(imports_dir()), "taobao")
    entries = export.entries(RowDefaults(incident="loss"), now)
    report = run_batch(entries, ClaimSettings(out_dir, now), catalog)

`seller-claims batch` (seller_app/batch/command.py) and the desktop import dialog
(seller_app/ui/batch_dialog.py) are the two faces of this package.
"""

from __future__ import annotations

from pathlib import Path

from .claim import ClaimSettings, RowResult, make_claim
from .mapping import ImportMapping, available_mappings
from .reader import InputError
from .rows import ClaimRow, MergedRow, RefusedRow, RowDefaults, RowNote, RowProblem, case_key
from .runner import BatchReport, run_batch
from .source import ItemsIndex, Needs, OrderExport, open_export, read_items


def imports_dir(resources: Path) -> Path:
    return resources / "imports"


__all__ = [
    "BatchReport",
    "ClaimRow",
    "ClaimSettings",
    "ImportMapping",
    "InputError",
    "ItemsIndex",
    "MergedRow",
    "Needs",
    "OrderExport",
    "RefusedRow",
    "RowDefaults",
    "RowNote",
    "RowProblem",
    "RowResult",
    "available_mappings",
    "case_key",
    "imports_dir",
    "make_claim",
    "open_export",
    "read_items",
    "run_batch",
]
