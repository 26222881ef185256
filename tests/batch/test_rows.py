"""Rows to claims: mapping, defaults and every problem named with its row number."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.batch import ClaimRow, RefusedRow, RowDefaults, open_export
from seller_app.batch.mapping import ImportMapping, load_mapping
from seller_app.batch.reader import InputError
from seller_app.domain.case import SHANGHAI, case_from_json
from tests.conftest import NOW

from .conftest import TAOBAO_HEADER, taobao_row, write_csv

LOSS = RowDefaults(incident="loss", weight_kg=Decimal("2"))


def entries(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    rows: list[list[str]],
    defaults: RowDefaults = LOSS,
    header: tuple[str, ...] = TAOBAO_HEADER,
    mapping: str | None = "taobao",
) -> list[ClaimRow | RefusedRow]:
    path = write_csv(tmp_path / "orders.csv", header, rows)
    return list(open_export(path, mappings, mapping).entries(defaults, NOW))


def test_good_row_becomes_a_valid_case(tmp_path: Path, mappings: dict[str, ImportMapping]) -> None:
    [entry] = entries(tmp_path, mappings, [taobao_row(1, 订单编号='="3912345678901200001"')])
    assert isinstance(entry, ClaimRow)
    assert entry.row == 2
    assert entry.key == "3912345678901200001_SF1234500000001"
    case = case_from_json(dict(entry.data), NOW)
    assert case.carrier == "sf"
    assert case.goods_value == Decimal("300.00")
    assert case.service_fee == Decimal("12")
    assert case.weight_kg == Decimal("2")
    assert case.buyer is not None and case.buyer.name == "张三"
    assert case.posted_at.isoformat() == "2026-11-11T18:20:00+08:00"
    assert case.claim_at is None  # made now, not sent: the seller files it (issue 13)


# One row per bad input: what is wrong, the column named, the code of the reason.
BAD_ROWS = [
    ({"物流单号": ""}, "物流单号", "empty_cell"),
    ({"物流单号": "SF-12"}, "物流单号", "bad_tracking_number"),
    ({"金额": "-5"}, "金额", "must_not_be_negative"),
    ({"金额": "0"}, "金额", "must_be_positive"),
    ({"金额": "三百"}, "金额", "not_a_number"),
    ({"物流公司": "火星快递"}, "物流公司", "unknown_courier"),
    ({"发货时间": "2027-01-05 10:00"}, "发货时间", "in_future"),
    ({"发货时间": "昨天"}, "发货时间", "bad_datetime"),
    ({"发货时间": ""}, "发货时间", "empty_cell"),
    ({"运费": ""}, "运费", "empty_cell"),
]


@pytest.mark.parametrize(("changes", "column", "code"), BAD_ROWS)
def test_bad_row_is_refused_with_row_number_and_reason(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    changes: dict[str, str],
    column: str,
    code: str,
) -> None:
    result = entries(tmp_path, mappings, [taobao_row(1), taobao_row(2, **changes), taobao_row(3)])
    assert [type(e) for e in result] == [ClaimRow, RefusedRow, ClaimRow]
    refused = result[1]
    assert isinstance(refused, RefusedRow)
    assert refused.row == 3
    assert [(p.row, p.column, p.code) for p in refused.problems] == [(3, column, code)]


def test_all_problems_of_a_row_are_listed(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    [refused] = entries(
        tmp_path, mappings, [taobao_row(1, 物流单号="", 金额="-1", 物流公司="火星")]
    )
    assert isinstance(refused, RefusedRow)
    assert {p.code for p in refused.problems} == {
        "empty_cell",
        "must_not_be_negative",
        "unknown_courier",
    }


def test_missing_column_without_default_names_the_option(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    [refused] = entries(tmp_path, mappings, [taobao_row(1)], RowDefaults(incident="loss"))
    assert isinstance(refused, RefusedRow)
    [problem] = refused.problems
    assert (problem.field, problem.column, problem.code, problem.params) == (
        "weight_kg",
        "",  # the file has no such column: named in words (重量), never by the field's key
        "no_column_no_default",
        {"option": "--weight"},
    )


def test_incident_column_beats_the_default_and_carries_its_detail(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    header = (*TAOBAO_HEADER, "问题类型", "损失金额")
    rows = [[*taobao_row(1), "少件", "100"], [*taobao_row(2), "", ""], [*taobao_row(3), "破损", ""]]
    short, default, damage = entries(tmp_path, mappings, rows, header=header)
    assert isinstance(short, ClaimRow) and isinstance(default, ClaimRow)
    assert short.data["incident"] == "mismatch"
    assert short.data["mismatch"] == {"kind": "short", "lost_value": "100"}
    assert default.data["incident"] == "loss"
    assert isinstance(damage, RefusedRow)  # damage without extent: asked for, not guessed
    assert [(p.field, p.code) for p in damage.problems] == [
        ("damage_extent", "no_column_no_default")
    ]


def test_same_parcel_twice_is_refused_naming_the_first_row(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    first, again = entries(tmp_path, mappings, [taobao_row(1), taobao_row(1)])
    assert isinstance(first, ClaimRow)
    assert isinstance(again, RefusedRow)
    assert again.problems[0].code == "duplicate_row"
    assert again.problems[0].params == {"first": 2}


PDD_HEADER = (
    "订单号",
    "商品",
    "商品数量(件)",
    "用户实付金额(元)",
    "快递公司",
    "快递单号",
    "发货时间",
    "收货人",
    "承诺发货时间",
    "商家备注",
)


def test_pinduoduo_header_variant_is_detected_and_mapped(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    row = [
        "261120-123456789012345",
        "保温杯",
        "2",
        "88",
        "中通快递",
        "73123456789012",
        "2026-11-12 09:00:00",
        "李四",
        "2026-11-13 09:00:00",
        "",
    ]
    path = write_csv(tmp_path / "pdd.csv", PDD_HEADER, [row], "utf-8-sig")
    export = open_export(path, mappings)
    assert export.mapping.id == "pinduoduo"
    assert export.plan.unknown == ()
    defaults = RowDefaults(incident="loss", service_fee=Decimal("6"), weight_kg=Decimal("1"))
    [entry] = export.entries(defaults, NOW)
    assert isinstance(entry, ClaimRow)
    assert entry.key == "261120-123456789012345_73123456789012"
    assert entry.data["carrier"] == "zto"
    assert entry.data["goods"] == {"description": "保温杯", "quantity": 2}


def test_unknown_headers_are_reported_never_used(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    path = write_csv(
        tmp_path / "o.csv", (*TAOBAO_HEADER, "客服备注", "神秘列"), [[*taobao_row(1), "x", "y"]]
    )
    assert open_export(path, mappings, "taobao").plan.unknown == ("客服备注", "神秘列")


def test_unknown_mapping_and_bad_mapping_file_are_input_errors(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    path = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(1)])
    with pytest.raises(InputError) as caught:
        open_export(path, mappings, "jingdong")
    assert caught.value.code == "unknown_mapping"
    bad = tmp_path / "mine.toml"
    bad.write_text(
        'id = "mine"\nname = {zh = "x", en = "x"}\n[columns]\nbogus = ["a"]\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_mapping(bad)
    assert caught.value.code == "bad_mapping"
    assert "bogus" in caught.value.params["detail"]


def test_every_shipped_mapping_loads(mappings: dict[str, ImportMapping]) -> None:
    assert {"taobao", "taobao_items", "pinduoduo", "douyin", "jd", "kuaishou"} <= set(mappings)
    for mapping in mappings.values():
        assert mapping.source, f"{mapping.id}: say where the layout was seen"
        assert "order_id" in mapping.columns
        if mapping.kind == "orders":
            assert {"tracking_numbers", "goods_value", "posted_at", "paid_at"} <= set(
                mapping.columns
            )
            assert mapping.values["carrier"]
        else:
            assert "goods_description" in mapping.columns


def test_a_spreadsheet_float_with_noise_is_the_amount_it_shows(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    from .conftest import write_xlsx

    noisy = [*taobao_row(1)[:3], 1299.4999999999998, *taobao_row(1)[4:]]
    path = write_xlsx(tmp_path / "o.xlsx", TAOBAO_HEADER, [noisy])
    [entry] = open_export(path, mappings).entries(LOSS, NOW)
    assert isinstance(entry, ClaimRow) and entry.data["goods_value"] == "1299.5"


def test_long_order_id_rounded_by_a_spreadsheet_is_refused(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    from .conftest import write_xlsx

    rounded = [3.912345678901234e18, *taobao_row(1)[1:]]  # what Excel keeps of a 19-digit id
    exact = [3912345678, *taobao_row(2)[1:]]
    path = write_xlsx(tmp_path / "o.xlsx", TAOBAO_HEADER, [rounded, exact])
    bad, good = open_export(path, mappings, "taobao").entries(LOSS, NOW)
    assert isinstance(bad, RefusedRow)
    assert [(p.column, p.code) for p in bad.problems] == [("订单编号", "number_rounded")]
    assert isinstance(good, ClaimRow) and good.order_id == "3912345678"


# How exports write the same value, one row each: the cell as found -> what the claim holds.
CELLS = [
    ("订单编号", '="3912345678901200001"', "order_id", "3912345678901200001"),
    ("订单编号", "'3912345678901200001", "order_id", "3912345678901200001"),
    ("订单编号", "\t3912345678901200001", "order_id", "3912345678901200001"),
    ("金额", "1,299.50", "goods_value", "1299.50"),
    ("金额", "￥1,299.50", "goods_value", "1299.50"),
    ("金额", "１２９９．５元", "goods_value", "1299.5"),
    ("金额", " 88 ", "goods_value", "88"),
    ("物流单号", "\tSF1234500000001", "tracking_numbers", ["SF1234500000001"]),
    ("物流单号", "SF1234500000001，SF1234500000099", "tracking_numbers",
     ["SF1234500000001", "SF1234500000099"]),
    ("物流单号", "ＳＦ１２３４５０００００００１", "tracking_numbers", ["SF1234500000001"]),
    ("物流单号", "No:SF1234500000001", "tracking_numbers", ["SF1234500000001"]),
    ("物流单号", "顺丰：SF1234500000001", "tracking_numbers", ["SF1234500000001"]),
    ("发货时间", "2026/11/11 18:20", "posted_at", "2026-11-11T18:20:00+08:00"),
    ("发货时间", "2026年11月11日 18:20:05", "posted_at", "2026-11-11T18:20:05+08:00"),
    ("发货时间", "2026-11-11T18:20:00", "posted_at", "2026-11-11T18:20:00+08:00"),
    ("发货时间", "2026.11.11", "posted_at", "2026-11-11T00:00:00+08:00"),
    ("发货时间", "2026-11-11 18:20:00.0", "posted_at", "2026-11-11T18:20:00+08:00"),
]  # fmt: skip


@pytest.mark.parametrize(("column", "cell", "key", "expected"), CELLS)
def test_cells_are_read_the_way_exports_write_them(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    column: str,
    cell: str,
    key: str,
    expected: object,
) -> None:
    [entry] = entries(tmp_path, mappings, [taobao_row(1, **{column: cell})])
    assert isinstance(entry, ClaimRow), entry
    assert entry.data[key] == expected


HEADERS = [
    ("物流单号 ", "tracking_numbers"),  # the classic report's trailing space
    (" 物流单号", "tracking_numbers"),
    ("金额（元）", "goods_value"),  # full-width brackets and a unit suffix
    ("金额(元)", "goods_value"),
    ("\ufeff订单编号", "order_id"),  # a byte-order mark stuck to the first header
    ("重量（KG）", "weight_kg"),
    ("收货人 姓名", "buyer_name"),
]


@pytest.mark.parametrize(("header", "field_name"), HEADERS)
def test_headers_match_however_the_export_spells_them(
    mappings: dict[str, ImportMapping], header: str, field_name: str
) -> None:
    plan = mappings["taobao"].plan(1, ["运费", "物流公司", header])
    assert plan.index_of[field_name] == 2
    assert plan.header_of[field_name] == header.replace("\ufeff", "").strip()  # as the file has it
    assert plan.unknown == ()


def test_without_a_posting_time_the_payment_time_stands_in_and_is_said(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    header = ("订单编号", "物流单号", "买家实际支付金额", "订单付款时间 ", "运费")
    rows = [
        ["1001", "SF1234500000001", "88", "2026-11-11 00:02:20", "12"],
        ["1002", "SF1234500000002", "88", "", "12"],
        ["1003", "SF1234500000003", "88", "2027-01-01 00:00:00", "12"],
    ]
    good, empty, future = entries(tmp_path, mappings, rows, header=header)
    assert isinstance(good, ClaimRow)
    assert good.data["posted_at"] == "2026-11-11T00:02:20+08:00"
    assert [(n.code, n.params) for n in good.notes] == [
        ("posted_from_paid", {"paid": "2026-11-11 00:02", "column": "订单付款时间"})
    ]
    assert isinstance(empty, RefusedRow)
    assert [(p.field, p.code) for p in empty.problems] == [("posted_at", "no_posted_no_paid")]
    assert isinstance(future, RefusedRow)
    assert [(p.column, p.code) for p in future.problems] == [("订单付款时间", "in_future")]
    given = RowDefaults(
        incident="loss", weight_kg=Decimal("2"), posted_at=datetime(2026, 11, 12, tzinfo=SHANGHAI)
    )
    [entry] = entries(tmp_path, mappings, rows[:1], given, header=header)
    assert isinstance(entry, ClaimRow) and not entry.notes
    assert entry.data["posted_at"] == "2026-11-12T00:00:00+08:00"


def test_a_posting_time_column_is_never_replaced_by_the_payment_time(
    tmp_path: Path, mappings: dict[str, ImportMapping]
) -> None:
    header = (*TAOBAO_HEADER, "订单付款时间")
    [entry] = entries(
        tmp_path, mappings, [[*taobao_row(1, 发货时间=""), "2026-11-11 00:00:00"]], header=header
    )
    assert isinstance(entry, RefusedRow)  # empty: not shipped yet, or a gap to fill in
    assert [(p.column, p.code) for p in entry.problems] == [("发货时间", "empty_cell")]


SHIPMENTS = [
    ("SF1234567890125-顺丰速运", "sf", ["SF1234567890125"]),
    ("中通快递:75312345678902", "zto", ["75312345678902"]),
    ("圆通速递 YT7412345678901", "yto", ["YT7412345678901"]),
    ("韵达快递（431234567890123）", "yunda", ["431234567890123"]),
]


@pytest.mark.parametrize(("cell", "carrier", "numbers"), SHIPMENTS)
def test_courier_and_number_in_one_cell_are_told_apart(
    tmp_path: Path, mappings: dict[str, ImportMapping], cell: str, carrier: str, numbers: list[str]
) -> None:
    header = ("主订单编号", "选购商品", "订单应付金额", "发货时间", "快递信息")
    row = ["6917926768823643751", "杯子", "59.00", "2026-11-11 18:00:00", cell]
    fee = RowDefaults(incident="loss", service_fee=Decimal("8"), weight_kg=Decimal("1"))
    [entry] = entries(tmp_path, mappings, [row], fee, header=header, mapping="douyin")
    assert isinstance(entry, ClaimRow), entry
    assert (entry.data["carrier"], entry.data["tracking_numbers"]) == (carrier, numbers)


def test_a_failure_reading_one_row_refuses_that_row_only(
    tmp_path: Path, mappings: dict[str, ImportMapping], monkeypatch: pytest.MonkeyPatch
) -> None:
    import seller_app.batch.source as source

    real = source.read_row

    def read_row(plan, row, *args, **kwargs):  # type: ignore[no-untyped-def]
        if row == 3:
            raise OverflowError("date value out of range")
        return real(plan, row, *args, **kwargs)

    monkeypatch.setattr(source, "read_row", read_row)
    result = entries(tmp_path, mappings, [taobao_row(1), taobao_row(2), taobao_row(3)])
    assert [type(e) for e in result] == [ClaimRow, RefusedRow, ClaimRow]
    assert result[1].problems[0].code == "failed"  # type: ignore[union-attr]
