"""`seller-claims batch`: outputs, summary CSV, exit codes 0 / 3 / 2, progress lines off a TTY."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import keyring
import pytest
from icalendar import Calendar
from keyring.backends import fail

from seller_app.cli import main
from seller_app.credentials import PassphraseKeyStore
from seller_app.store import Store
from tests.batch.conftest import TAOBAO_HEADER, taobao_row, write_csv, write_xlsx
from tests.conftest import NOW
from tests.pdfs import pdf_text

PASSPHRASE = "店铺口令"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh case store per test, behind a passphrase (never the developer's keychain)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(path))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("seller_app.cli.common.now", lambda: NOW)  # the CLI's one clock read
    yield path
    keyring.set_keyring(previous)


def stored_cases(data_dir: Path) -> list[tuple[str, ...]]:
    with Store.open(data_dir, PassphraseKeyStore(data_dir, PASSPHRASE)) as store:
        return [summary.tracking_numbers for summary in store.list_cases()]


def summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_all_rows_done_exits_0_with_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(3)], "gbk")
    out = tmp_path / "out"
    code = batch(orders, out)
    captured = capsys.readouterr()
    assert code == 0, captured
    assert "taobao" in captured.out and "GBK" in captured.out
    lines = summary(out)
    assert [line["快递单号"] for line in lines] == [f"SF{1234500000000 + n}" for n in range(3)]
    assert {line["可索赔"] for line in lines} == {"是"}
    # SF numbers: SF's terms by default (12 + min(7 × 12, goods)); the claim column holds the
    # figure the form asks for.
    assert {line["条款金额"] for line in lines} == {"96.00"}
    assert all(Decimal(line["索赔金额"]) >= Decimal("96.00") for line in lines)
    assert lines[0]["依据条款"].startswith("顺丰运单条款第4条")  # clause labels, never internal ids
    assert len(list((out / "cases").glob("*.json"))) == 3
    # Not a terminal: plain progress lines on stderr, the last one complete.
    assert captured.err.strip().splitlines()[-1] == "已处理 3/3"


def test_refused_rows_are_listed_and_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        taobao_row(0),
        taobao_row(1, 物流单号=""),
        taobao_row(2, 金额="-5"),
        taobao_row(3, 物流公司="火星快递"),
        taobao_row(4, 发货时间="2027-03-01 10:00:00"),
    ]
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, rows, "utf-8-sig")
    out = tmp_path / "out"
    code = batch(orders, out, "--lang", "en")
    report = capsys.readouterr().out
    assert code == 3
    assert "row 3 物流单号: this cell is empty" in report
    assert "row 4 金额: must not be negative, got -5" in report
    assert 'row 5 物流公司: unknown courier "火星快递"' in report
    assert "row 6 发货时间: 2027-03-01 10:00 is in the future" in report
    lines = summary(out)
    assert [line["row"] for line in lines] == ["2", "3", "4", "5", "6"]
    assert lines[0]["problems"] == "" and lines[2]["problems"].startswith("金额")


def test_xlsx_export_runs_through_the_pool(tmp_path: Path) -> None:
    rows = [taobao_row(n, 金额=88) for n in range(4)]  # type: ignore[arg-type]
    orders = write_xlsx(tmp_path / "o.xlsx", TAOBAO_HEADER, rows)
    out = tmp_path / "out"
    code = main(
        [
            "batch",
            str(orders),
            "--out",
            str(out),
            "--incident",
            "loss",
            "--weight",
            "1",
            "--jobs",
            "2",
            "--form",
            "none",
        ]
    )
    assert code == 0
    assert len(summary(out)) == 4


FILLED = ("--incident", "loss", "--weight", "2")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv"], "文件不存在"),
        (["orders.csv", "--mapping", "jingdong"], "没有名为 jingdong 的映射"),
        (["nothing.csv"], "找不到表头"),
        (["orders.csv", "--service-fee", "abc"], "--service-fee 的值无效"),
        (["orders.csv", "--photos", "no-such-dir", *FILLED], "照片文件夹不存在"),
        (["orders.csv", "--out", "orders.csv", *FILLED], "--out 应是一个文件夹"),
        # Said once, not once per row: the export has no incident or weight column.
        (["orders.csv"], "问题类型（导出文件没有这一列）：--incident"),
        (["orders.csv"], "重量（导出文件没有这一列）：--weight 公斤"),
        (
            ["orders.csv", "--incident", "damage", "--weight", "1"],
            "损毁程度（导出文件没有这一列）：--extent",
        ),
        (["orders.csv", *FILLED, "--posted", "2099-01-01"], "--posted 的值无效：2099-01-01"),
        (["orders.csv", *FILLED, "--items", "nothing.csv"], "不像宝贝报表"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "orders.csv", TAOBAO_HEADER, [taobao_row(1)])
    write_csv(tmp_path / "nothing.csv", ("a", "b"), [("1", "2")])
    out = [] if "--out" in args else ["--out", str(tmp_path / "out")]
    code = main(["batch", *args, *out])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def batch(orders: Path, out: Path, *extra: str) -> int:
    return main(
        ["batch", str(orders), "--out", str(out), "--incident", "loss", "--weight", "2",
         "--jobs", "1", "--form", "none", *extra]
    )  # fmt: skip


def test_cases_are_stored_once_and_rerun_updates_them(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [taobao_row(n) for n in range(3)] + [taobao_row(9, 金额="-1")]
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, rows)
    out = tmp_path / "out"
    assert batch(orders, out) == 3
    first = stored_cases(data_dir)
    assert sorted(first) == [(f"SF{1234500000000 + n}",) for n in range(3)]
    assert [line["案件"] for line in summary(out)] == ["#1 新建", "#2 新建", "#3 新建", ""]
    assert batch(orders, out) == 3  # the same file again
    assert stored_cases(data_dir) == first
    assert [line["案件"] for line in summary(out)][:3] == ["#1 已更新", "#2 已更新", "#3 已更新"]


def test_a_case_already_filed_is_left_alone_on_rerun(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(1)])
    out = tmp_path / "out"
    assert batch(orders, out) == 0
    assert main(["cases", "status", "1", "filed"]) == 0
    assert batch(orders, out) == 0
    assert summary(out)[0]["案件"] == "#1 已在跟进中，未改动"
    assert len(stored_cases(data_dir)) == 1


def test_no_store_writes_files_only(tmp_path: Path, data_dir: Path) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(1)])
    assert batch(orders, tmp_path / "out", "--no-store") == 0
    assert not data_dir.exists()


def test_one_combined_calendar_with_every_case(tmp_path: Path) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(3)])
    out = tmp_path / "out"
    assert batch(orders, out, "--no-store") == 0
    calendar = Calendar.from_ical((out / "claims.ics").read_bytes())
    events = calendar.walk("VEVENT")
    trackings = {str(e["summary"]).split("单号 ")[1].rstrip("）") for e in events}
    assert trackings == {f"SF{1234500000000 + n}" for n in range(3)}
    assert len({str(e["uid"]) for e in events}) == len(events)
    # Made, not sent yet: one "file the claim" task per case (issue 13), none of the courier's.
    assert len(events) == 3
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert not list(out.glob("*.part"))
    # The summary names the next deadline: sending the claim, by the end of the one-year period.
    assert summary(out)[0]["下一个期限"] == "2027-11-11 23:59 向快递公司提交索赔"


def test_one_pdf_form_per_claim_and_photos_by_tracking_number(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("SF1234500000001.jpg", "破损_SF1234500000001_外箱.png", "SF12345000000011.jpg"):
        Image.new("RGB", (64, 48), "white").save(photos / name)
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(2)])
    out = tmp_path / "out"
    code = main(
        ["batch", str(orders), "--out", str(out), "--incident", "loss", "--weight", "2",
         "--jobs", "2", "--photos", str(photos)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr()
    lines = summary(out)
    assert [line["申告单"] for line in lines] == [
        f"39123456789012{n:05d}_SF{1234500000000 + n}.pdf" for n in range(2)
    ]
    text = pdf_text(out / "forms" / lines[1]["申告单"])
    assert "SF1234500000001" in text and "96.00" in text  # SF's terms beside the claim
    assert len(list((out / "photos").glob("*.jpg"))) == 2  # prepared copies
    with Store.open(data_dir, PassphraseKeyStore(data_dir, PASSPHRASE)) as store:
        by_tracking = {s.tracking_numbers[0]: s.id for s in store.list_cases()}
        stored = store.photos(by_tracking["SF1234500000001"])
        assert len(stored) == 2  # not ...00011.jpg
        assert all(photo.prepared_sha256 for photo in stored)
        case = store.get_case(by_tracking["SF1234500000001"]).case
        assert {Path(p.file).name for p in case.photos} == {
            "SF1234500000001.jpg",
            "破损_SF1234500000001_外箱.png",
        }
        assert store.photos(by_tracking["SF1234500000000"]) == []
        [document] = store.documents(by_tracking["SF1234500000001"])
        assert document.kind == "claim_form"


def test_a_form_that_cannot_be_drawn_is_listed_but_the_case_is_kept(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [taobao_row(1), taobao_row(2, 收货人姓名="\U00030000")]  # CJK Ext. G: not in the font
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, rows)
    code = main(
        ["batch", str(orders), "--out", str(tmp_path / "out"), "--incident", "loss",
         "--weight", "2", "--jobs", "1"]
    )  # fmt: skip
    report = capsys.readouterr().out
    assert code == 3
    assert "第 3 行 SF1234500000002：申告单未能生成" in report
    assert len(stored_cases(data_dir)) == 2


def test_unknown_form_layout_is_unusable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(1)])
    out = str(tmp_path / "o")
    assert main(["batch", str(orders), "--out", out, "--form", "nope", *FILLED]) == 2
    err = capsys.readouterr().err
    assert "没有名为 nope 的申告单版式，可用：generic, sf" in err and "available" not in err


def test_an_unreadable_photo_is_listed_and_the_claim_still_made(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "SF1234500000001.jpg").write_bytes(b"not a picture")
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(1)])
    code = main(
        ["batch", str(orders), "--out", str(tmp_path / "out"), "--incident", "loss",
         "--weight", "2", "--jobs", "1", "--photos", str(photos)]
    )  # fmt: skip
    report = capsys.readouterr().out
    assert code == 3
    assert "第 2 行 SF1234500000001：照片 SF1234500000001.jpg" in report
    assert len(stored_cases(data_dir)) == 1
    assert summary(tmp_path / "out")[0]["申告单"].endswith(".pdf")


def test_a_case_the_store_refuses_is_reported_and_the_run_goes_on(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from seller_app.batch.filing import CaseFiler

    real = CaseFiler.__call__

    def file(self, result):  # type: ignore[no-untyped-def]
        if result.tracking_number.endswith("1"):
            raise OSError(28, "No space left on device")
        return real(self, result)

    monkeypatch.setattr(CaseFiler, "__call__", file)
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(3)])
    out = tmp_path / "out"
    assert batch(orders, out) == 3
    report = capsys.readouterr().out
    assert "3912345678901200001_SF1234500000001 未能存入案件库：" in report
    lines = summary(out)
    assert [line["案件"] for line in lines] == ["#1 新建", "", "#2 新建"]
    assert lines[1]["问题"].startswith("未能存入案件库：")
    assert len(stored_cases(data_dir)) == 2


def test_english_messages_name_no_internal_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from seller_app.batch.mapping import FIELDS

    rows = [taobao_row(1, 金额="-5"), taobao_row(2, 发货时间="")]
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER[:-1], [r[:-1] for r in rows])
    code = main(["batch", str(orders), "--out", str(tmp_path / "o"), "--lang", "en", *FILLED])
    said = capsys.readouterr()
    assert code == 2  # no courier-fee column: asked before the run
    assert "courier fee (the export has no such column): --service-fee YUAN" in said.err
    assert not any(f" {name} " in f" {said.err} " for name in FIELDS)


def test_a_second_claim_for_a_stored_tracking_number_is_flagged(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another order shipped under a tracking number that already has a claim: stored, and the
    summary says which case claims it already (issue 13)."""
    out = tmp_path / "out"
    first = write_csv(tmp_path / "a.csv", TAOBAO_HEADER, [taobao_row(1)])
    assert batch(first, out) == 0
    again = write_csv(
        tmp_path / "b.csv", TAOBAO_HEADER, [taobao_row(1, 订单编号="3912345678901299999")]
    )
    assert batch(again, out) == 0
    (line,) = summary(out)
    assert line["案件"] == "#2 新建；注意：该单号已有案件 #1，请确认不是重复索赔"
    assert len(stored_cases(data_dir)) == 2
