"""Order-export builders for the batch tests: CSV in any encoding, XLSX through openpyxl."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from seller_app import paths
from seller_app.batch import ImportMapping, available_mappings, imports_dir

TAOBAO_HEADER = (
    "订单编号",
    "收货人姓名",
    "商品",
    "金额",
    "物流公司",
    "物流单号",
    "发货时间",
    "运费",
)


def taobao_row(n: int, **changes: str) -> list[str]:
    """A valid Taobao-style row; order and tracking number derived from `n`."""
    row = {
        "订单编号": f"39123456789012{n:05d}",
        "收货人姓名": "张三",
        "商品": "陶瓷餐具套装",
        "金额": "300.00",
        "物流公司": "顺丰",
        "物流单号": f"SF{1234500000000 + n}",
        "发货时间": "2026-11-11 18:20:00",
        "运费": "12",
    }
    row.update(changes)
    return [row[h] for h in TAOBAO_HEADER]


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], encoding: str = "utf-8"
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture(scope="session")
def mappings() -> dict[str, ImportMapping]:
    return available_mappings(imports_dir(paths.resources_dir()))
