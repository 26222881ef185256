"""Reading exports: encoding detection, header search, XLSX rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from seller_app.batch.reader import InputError, detect_encoding, find_header, open_table

from .conftest import TAOBAO_HEADER, taobao_row, write_csv, write_xlsx


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("gbk", "gb18030"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8"), ("gb18030", "gb18030")],
)
def test_encoding_is_detected_and_chinese_reads_back(
    tmp_path: Path, encoding: str, detected: str
) -> None:
    path = write_csv(tmp_path / "orders.csv", TAOBAO_HEADER, [taobao_row(1)], encoding)
    assert detect_encoding(path) == detected
    rows = list(open_table(path).rows())
    assert rows[0].cells == TAOBAO_HEADER
    assert rows[1].cells[1:3] == ("张三", "陶瓷餐具套装")


def test_gbk_beyond_the_first_block_is_still_detected(tmp_path: Path) -> None:
    # ASCII for 100 kB, then one GBK row: the detector must read past its first block.
    rows = [taobao_row(i, 收货人姓名="Zhang", 商品="cup", 物流公司="sf") for i in range(2000)]
    rows.append(taobao_row(9999))
    path = write_csv(tmp_path / "orders.csv", TAOBAO_HEADER, rows, "gbk")
    assert path.stat().st_size > 1 << 16
    assert detect_encoding(path) == "gb18030"


def test_header_below_title_lines_is_found(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    body = "订单报表 2026-11-11 至 2026-11-20\n\n" + ",".join(TAOBAO_HEADER) + "\n"
    path.write_text(body + ",".join(taobao_row(1)) + "\n", encoding="utf-8")
    header, hits = find_header(open_table(path).rows(), TAOBAO_HEADER)
    assert header.number == 3
    assert hits == len(TAOBAO_HEADER)


def test_no_header_is_unusable_input(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ("a", "b"), [("1", "2")])
    with pytest.raises(InputError) as caught:
        find_header(open_table(path).rows(), TAOBAO_HEADER)
    assert caught.value.code == "no_header"


def test_missing_file_is_unusable_input(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        open_table(tmp_path / "nope.csv")
    assert caught.value.code == "file_missing"


def test_xlsx_rows_stream_with_their_types(tmp_path: Path) -> None:
    shipped = datetime(2026, 11, 11, 18, 20)
    row = ["3912345678901234567", "张三", "杯子", 88.5, "中通", "731234567890", shipped, 8]
    path = write_xlsx(tmp_path / "orders.xlsx", TAOBAO_HEADER, [row])
    table = open_table(path)
    assert table.kind == "xlsx"
    rows = list(table.rows())
    assert rows[0].cells == TAOBAO_HEADER
    assert rows[1].number == 2
    assert rows[1].cells[3] == 88.5
    assert rows[1].cells[6] == shipped
