"""The order exports shops really download (tests/batch/layouts.py, each citing where its layout
was seen): every row becomes a claim, the command exits 0, and nothing it says -- on the terminal,
in the summary, in the case book -- names an internal field."""

from __future__ import annotations

import csv
import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.batch import RowDefaults, open_export
from seller_app.batch.mapping import FIELDS, ImportMapping
from seller_app.cli import main
from tests.conftest import NOW

from .conftest import write_csv
from .layouts import (
    TABLE_LAYOUTS,
    TAOBAO_CLASSIC_HEADER,
    TAOBAO_ITEMS_HEADER,
    Layout,
    taobao_classic_lines,
    taobao_items_lines,
    write_raw_csv,
)

ASKED = ("--incident", "loss", "--service-fee", "10", "--weight", "1.5")
# An internal field name as a word of its own (an option such as --weight is not one).
LEAK = re.compile(r"(?<![A-Za-z_\-])(" + "|".join(FIELDS) + r")(?![A-Za-z_])")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("seller_app.cli.common.now", lambda: NOW)


def summary(out: Path) -> tuple[str, list[dict[str, str]]]:
    text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    return text, list(csv.DictReader(text.splitlines()))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["batch", *args, "--jobs", "1", "--form", "none", "--no-store"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("layout", TABLE_LAYOUTS, ids=lambda layout: layout.name)
def test_each_real_layout_makes_one_claim_per_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: Layout
) -> None:
    orders = layout.write(tmp_path)
    out = tmp_path / "out"
    code, said = run(capsys, str(orders), "--out", str(out), *ASKED)
    assert code == 0, said
    assert f"（{layout.mapping}）" in said
    text, lines = summary(out)
    assert len(lines) == len(layout.rows)  # one summary line per row, in file order
    made = [line for line in lines if line["可索赔"]]
    assert len(made) == layout.claims
    assert all(line["问题"] == "" for line in lines)
    assert all(line["快递公司"] for line in made)  # in words, never a code such as "zto"
    assert len(list((out / "cases").glob("*.json"))) == layout.claims
    assert "未使用的列" not in said  # every column of the real layout is known
    assert not LEAK.search(said), said
    assert not LEAK.search(text), text
    stand_in = [line for line in made if "按付款时间" in line["备注"]]
    assert len(stand_in) == (layout.claims if layout.posted_from_paid else 0)


def test_classic_taobao_report_without_posting_time_uses_payment_time_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_raw_csv(
        tmp_path / "ExportOrderList202611200930.csv",
        TAOBAO_CLASSIC_HEADER,
        taobao_classic_lines(),
        "gbk",
    )
    out = tmp_path / "out"
    code, said = run(capsys, str(orders), "--out", str(out), *ASKED)
    assert code == 0, said
    assert "GBK" in said
    assert "发货时间：导出文件没有这一列，各单按“订单付款时间”（付款时间）计" in said
    assert "偏保守" in said and "--posted" in said
    _, lines = summary(out)
    assert [line["订单编号"] for line in lines] == ["3912345678901234567", "3912345678901234568"]
    assert [line["快递单号"] for line in lines] == ["SF1234567890123", "75312345678901"]
    assert lines[0]["备注"].startswith("发货时间按付款时间 2026-11-11 00:02（“订单付款时间”）计")
    assert not LEAK.search(said)
    case = (out / "cases" / "3912345678901234567_SF1234567890123.json").read_text("utf-8")
    assert '"posted_at": "2026-11-11T00:02:20+08:00"' in case
    assert '"posted_at_source": "payment_time"' in case  # the form tells the courier so
    assert '"goods_value": "1299.00"' in case  # "1,299.00" in the export
    assert '"phone": "13812345678"' in case  # the apostrophe Excel needs is gone


def test_posted_date_given_once_replaces_the_stand_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_raw_csv(tmp_path / "o.csv", TAOBAO_CLASSIC_HEADER, taobao_classic_lines(), "gbk")
    out = tmp_path / "out"
    code, said = run(capsys, str(orders), "--out", str(out), *ASKED, "--posted", "2026-11-12")
    assert code == 0, said
    assert "发货时间：按给出的 2026-11-12 00:00 计" in said
    _, lines = summary(out)
    assert {line["备注"] for line in lines} == {""}
    case = (out / "cases" / "3912345678901234567_SF1234567890123.json").read_text("utf-8")
    assert "posted_at_source" not in case  # the seller's own date is no stand-in
    case = (out / "cases" / "3912345678901234568_75312345678901.json").read_text("utf-8")
    assert '"posted_at": "2026-11-12T00:00:00+08:00"' in case


def test_items_report_is_joined_by_order_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_raw_csv(tmp_path / "o.csv", TAOBAO_CLASSIC_HEADER, taobao_classic_lines(), "gbk")
    items = write_raw_csv(
        tmp_path / "ExportOrderDetailList.csv", TAOBAO_ITEMS_HEADER, taobao_items_lines(), "gbk"
    )
    out = tmp_path / "out"
    code, said = run(capsys, str(orders), "--items", str(items), "--out", str(out), *ASKED)
    assert code == 0, said
    assert "宝贝报表：ExportOrderDetailList.csv（淘宝 / 天猫宝贝报表），3 行，2 个订单" in said
    case = (out / "cases" / "3912345678901234568_75312345678901.json").read_text("utf-8")
    assert "保温杯 316不锈钢（颜色分类：白色）；保温杯 316不锈钢（颜色分类：黑色）" in case
    assert '"quantity": 2' in case


def test_the_items_report_given_as_the_orders_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = write_raw_csv(tmp_path / "items.csv", TAOBAO_ITEMS_HEADER, taobao_items_lines(), "gbk")
    code, said = run(capsys, str(items), "--out", str(tmp_path / "out"), *ASKED)
    assert code == 2
    assert "是宝贝报表（按商品列出）：请把订单报表作为第一个文件，宝贝报表用 --items 给出" in said


def test_lines_of_one_parcel_become_one_claim(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    from seller_app.batch import ClaimRow, MergedRow

    from .layouts import DOUYIN

    export = open_export(DOUYIN.write(tmp_path), mappings)
    defaults = RowDefaults(incident="loss", service_fee=Decimal("10"), weight_kg=Decimal("1"))
    first, second, line = export.entries(defaults, NOW)
    assert isinstance(first, ClaimRow) and first.data["carrier"] == "sf"
    assert isinstance(second, ClaimRow) and isinstance(line, MergedRow)
    assert (line.row, line.into) == (4, 3)
    assert second.data["goods_value"] == "64.00"  # 59.00 + 5.00
    assert second.data["goods"] == {
        "description": "陶瓷马克杯（白色）；杯垫（赠品）（默认）",
        "quantity": 2,
    }
    assert "buyer" not in second.data  # masked recipients (##…, $$…) are no value


def test_a_free_gift_line_of_a_parcel_is_part_of_its_claim(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    from seller_app.batch import ClaimRow, MergedRow

    from .layouts import DOUYIN

    rows = list(DOUYIN.rows)
    rows[2] = {**rows[2], "订单应付金额": "0.00", "商品单价": "0.00"}
    layout = dataclasses.replace(DOUYIN, rows=tuple(rows))
    export = open_export(layout.write(tmp_path), mappings)
    defaults = RowDefaults(incident="loss", service_fee=Decimal("10"), weight_kg=Decimal("1"))
    _, second, gift = export.entries(defaults, NOW)
    assert isinstance(second, ClaimRow) and isinstance(gift, MergedRow)
    assert second.data["goods_value"] == "59.00"


def test_jd_report_as_found_has_no_tracking_number_and_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .layouts import JD, JD_FOUND_HEADER

    rows = [[str(row.get(h, "")) for h in JD_FOUND_HEADER] for row in JD.rows]
    orders = write_csv(tmp_path / "jd.csv", JD_FOUND_HEADER, rows, "gbk")
    code, said = run(capsys, str(orders), "--out", str(tmp_path / "out"), *ASKED)
    assert code == 2
    assert "找不到快递单号列" in said and len(said.strip().splitlines()) == 1


def test_a_field_no_column_carries_is_asked_once_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [[f"SF{1234567890100 + n}", "88.00", "张三"] for n in range(3)]
    orders = write_csv(tmp_path / "o.csv", ("物流单号", "买家实际支付金额", "收货人姓名"), rows)
    code, said = run(capsys, str(orders), "--out", str(tmp_path / "out"))
    assert code == 2 and len(said.strip().splitlines()) == 1
    for words in (
        "问题类型（导出文件没有这一列）",
        "发货时间（导出文件没有这一列，也没有付款时间）：--posted",
        "运费（导出文件没有这一列）：--service-fee",
        "重量（导出文件没有这一列）：--weight",
    ):
        assert words in said
    assert not LEAK.search(said)
