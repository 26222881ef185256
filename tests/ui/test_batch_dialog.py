"""The batch import dialog, driven through its widgets: preview with problems marked, import."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from seller_app.batch import RowResult
from seller_app.domain.catalog import Catalog
from seller_app.ui.batch_dialog import BatchImportDialog
from tests.batch.conftest import TAOBAO_HEADER, taobao_row, write_csv
from tests.conftest import NOW


@pytest.fixture
def orders(tmp_path: Path) -> Path:
    rows = [taobao_row(n) for n in range(6)]
    rows[2] = taobao_row(2, 金额="-5")
    rows[4] = taobao_row(4, 物流公司="火星快递")
    return write_csv(tmp_path / "orders.csv", TAOBAO_HEADER, rows, "gbk")


@pytest.fixture
def dialog(qtbot, tmp_path: Path, catalog: Catalog) -> BatchImportDialog:  # type: ignore[no-untyped-def]
    stored: list[RowResult] = []
    widget = BatchImportDialog(
        catalog, tmp_path / "out", lambda: NOW, on_case=stored.append, processes=1
    )
    widget.stored = stored  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose_file(qtbot, dialog: BatchImportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.file_edit, str(path))  # ASCII temp path: safe for keyClicks
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)


def load_as_losses(qtbot, dialog: BatchImportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Weight 2 kg and incident loss for every row, then the file: ready to import."""
    qtbot.keyClicks(dialog.weight_edit, "2")
    dialog.incident_box.setCurrentIndex(dialog.incident_box.findData("loss"))
    choose_file(qtbot, dialog, path)


def test_preview_marks_the_problem_rows(qtbot, dialog: BatchImportDialog, orders: Path) -> None:  # type: ignore[no-untyped-def]
    load_as_losses(qtbot, dialog, orders)
    assert dialog.table.rowCount() == 6
    assert dialog.problem_rows() == [4, 6]
    assert "不能为负数" in dialog.table.item(2, 0).toolTip()
    assert dialog.table.item(2, 1).text() == "金额：不能为负数，收到 -5"
    assert "火星快递" in dialog.table.item(4, 5).toolTip()
    assert dialog.table.item(0, 1).text() == ""
    assert "taobao" in dialog.status_label.text()
    assert dialog.import_button.isEnabled()


def test_what_every_row_lacks_is_asked_once_and_the_import_waits_for_it(  # type: ignore[no-untyped-def]
    qtbot, dialog: BatchImportDialog, orders: Path
) -> None:
    dialog.incident_box.setCurrentIndex(dialog.incident_box.findData("loss"))
    choose_file(qtbot, dialog, orders)
    status = dialog.status_label.text()
    assert "认出的列：订单编号←“订单编号”、收货人←“收货人姓名”" in status
    assert "运费（付给快递公司的）←“运费”" in status
    assert "缺少的信息：重量（导出文件没有这一列）：请在上方“重量（kg）”一栏填写" in status
    assert not dialog.import_button.isEnabled()
    assert dialog.problem_rows() == [4, 6]  # each row is marked for its own problems only
    shown = [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]
    assert not any("--" in text or "weight" in text for text in shown)
    qtbot.keyClicks(dialog.weight_edit, "2")
    qtbot.keyClick(dialog.weight_edit, Qt.Key.Key_Return)
    assert "每一单需要的信息都已齐全" in dialog.status_label.text()
    assert dialog.import_button.isEnabled()
    assert dialog.problem_rows() == [4, 6]


def test_classic_taobao_report_shows_the_stand_in_before_it_starts(  # type: ignore[no-untyped-def]
    qtbot, dialog: BatchImportDialog, tmp_path: Path
) -> None:
    from tests.batch.layouts import (
        TAOBAO_CLASSIC_HEADER,
        TAOBAO_ITEMS_HEADER,
        taobao_classic_lines,
        taobao_items_lines,
        write_raw_csv,
    )

    orders = write_raw_csv(tmp_path / "o.csv", TAOBAO_CLASSIC_HEADER, taobao_classic_lines(), "gbk")
    items = write_raw_csv(tmp_path / "i.csv", TAOBAO_ITEMS_HEADER, taobao_items_lines(), "gbk")
    qtbot.keyClicks(dialog.items_edit, str(items))
    qtbot.keyClicks(dialog.fee_edit, "10")
    load_as_losses(qtbot, dialog, orders)
    status = dialog.status_label.text()
    assert "发货时间：导出文件没有这一列，将按“订单付款时间”（付款时间）计" in status
    assert "宝贝报表：i.csv（淘宝 / 天猫宝贝报表），3 行，2 个订单" in status
    assert "未使用的列" not in status
    assert dialog.problem_rows() == []
    assert dialog.table.item(0, 2).text().startswith("发货时间按付款时间 2026-11-11 00:02")
    qtbot.keyClicks(dialog.posted_edit, "2026-11-12")
    qtbot.keyClick(dialog.posted_edit, Qt.Key.Key_Return)
    assert "发货时间：按给出的 2026-11-12 00:00 计" in dialog.status_label.text()
    assert dialog.table.item(0, 2).text() == ""
    with qtbot.waitSignal(dialog.casesImported, timeout=20000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(signal.args[0]) == 2


def test_a_posting_date_that_is_no_date_is_said(  # type: ignore[no-untyped-def]
    qtbot, dialog: BatchImportDialog, orders: Path
) -> None:
    qtbot.keyClicks(dialog.posted_edit, "2099-01-01")
    load_as_losses(qtbot, dialog, orders)
    assert "不是有效的发货日期" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled()


def test_import_makes_the_cases_and_reports_them(  # type: ignore[no-untyped-def]
    qtbot, dialog: BatchImportDialog, orders: Path, tmp_path: Path
) -> None:
    load_as_losses(qtbot, dialog, orders)
    with qtbot.waitSignal(dialog.casesImported, timeout=20000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    keys = signal.args[0]
    assert len(keys) == 4
    assert [r.key for r in dialog.stored] == keys  # type: ignore[attr-defined]
    assert sorted(p.stem for p in (tmp_path / "out" / "cases").glob("*.json")) == sorted(keys)
    with (tmp_path / "out" / "summary.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.reader(handle))) == 1 + 6
    # one "file the claim" task per case made (issue 13: nothing of the courier's before filing)
    assert (tmp_path / "out" / "claims.ics").read_bytes().count(b"BEGIN:VEVENT") == 4
    assert "4 单已生成，2 行被拒" in dialog.status_label.text()
    dialog.grab().save(str(tmp_path / "dialog.png"))


def test_unusable_file_says_why_and_cannot_import(  # type: ignore[no-untyped-def]
    qtbot, dialog: BatchImportDialog, tmp_path: Path
) -> None:
    choose_file(qtbot, dialog, tmp_path / "missing.csv")
    assert "文件不存在" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled()


def test_import_into_the_case_store(qtbot, tmp_path: Path, catalog: Catalog, orders: Path) -> None:  # type: ignore[no-untyped-def]
    from seller_app.batch.filing import CaseFiler
    from seller_app.credentials import MemoryKeyStore
    from seller_app.store import Store

    with Store.open(tmp_path / "data", MemoryKeyStore()) as store:
        widget = BatchImportDialog(
            catalog, tmp_path / "out", lambda: NOW, on_case=CaseFiler(store, NOW), processes=1
        )
        qtbot.addWidget(widget)
        load_as_losses(qtbot, widget, orders)
        for _ in range(2):  # importing the same file twice keeps one case per parcel
            with qtbot.waitSignal(widget.casesImported, timeout=20000):
                qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
        assert sorted(s.tracking_numbers[0] for s in store.list_cases()) == [
            f"SF{1234500000000 + n}" for n in (0, 1, 3, 5)
        ]


def test_cancel_in_the_progress_dialog_keeps_what_was_done(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, catalog: Catalog
) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    orders = write_csv(tmp_path / "many.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(400)])
    widget = BatchImportDialog(catalog, tmp_path / "out", lambda: NOW, processes=1)
    qtbot.addWidget(widget)
    widget.show()
    load_as_losses(qtbot, widget, orders)
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    progress = widget.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=20000)
    with qtbot.waitSignal(widget.casesImported, timeout=20000) as signal:
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    keys = signal.args[0]
    assert 0 < len(keys) < 400
    assert widget.report is not None and widget.report.cancelled
    assert sorted(p.stem for p in (tmp_path / "out" / "cases").glob("*.json")) == sorted(keys)
    assert len(list((tmp_path / "out" / "forms").glob("*.pdf"))) == len(keys)
    assert "已取消" in widget.status_label.text()


def test_closing_during_a_run_cancels_it_first(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, catalog: Catalog
) -> None:
    orders = write_csv(tmp_path / "many.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(400)])
    widget = BatchImportDialog(catalog, tmp_path / "out", lambda: NOW, processes=1)
    qtbot.addWidget(widget)
    widget.show()
    load_as_losses(qtbot, widget, orders)
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(widget.finished, timeout=20000):
        qtbot.keyClick(widget, Qt.Key.Key_Escape)
        assert widget.isVisible()  # still finishing the chunk in flight
    assert widget.report is not None and widget.report.cancelled
    assert not widget.isVisible()


def test_main_window_imports_into_its_store(  # type: ignore[no-untyped-def]
    qtbot, window, orders: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "docs"))
    window.batch_action.trigger()
    dialog = window.findChild(BatchImportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.out_dir.parent == tmp_path / "docs" / "理赔助手"  # for the seller, not the store
    dialog.processes = 1
    load_as_losses(qtbot, dialog, orders)
    with qtbot.waitSignal(dialog.casesImported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 4)
    assert (dialog.out_dir / "summary.csv").exists()


def test_a_case_the_store_refuses_is_reported_not_raised(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, catalog: Catalog, orders: Path
) -> None:
    def refuse(result: RowResult) -> None:
        if result.key.endswith("3"):
            raise OSError("disk full")

    widget = BatchImportDialog(catalog, tmp_path / "out", lambda: NOW, on_case=refuse, processes=1)
    qtbot.addWidget(widget)
    load_as_losses(qtbot, widget, orders)
    with qtbot.waitSignal(widget.casesImported, timeout=20000):
        qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    assert len(widget.not_stored) == 1
    assert "未能存入案件库：disk full" in widget.status_label.text()


def test_a_workbook_damaged_below_its_header_is_said_not_raised(  # type: ignore[no-untyped-def]
    qtbot, dialog: BatchImportDialog, tmp_path: Path
) -> None:
    import zipfile

    from tests.batch.conftest import write_xlsx

    path = write_xlsx(tmp_path / "o.xlsx", TAOBAO_HEADER, [taobao_row(1), taobao_row(2)])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # openpyxl writes CJK as character references when lxml is installed (pikepdf brings it)
    sheet = re.sub(r"&#(\d+);", lambda m: chr(int(m[1])) if int(m[1]) > 127 else m[0], sheet)
    row3 = sheet.index('<row r="3"')  # the header and row 2 read fine; row 3 does not
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:row3] + sheet[row3:].replace(">张三<", ">&x;<")
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    load_as_losses(qtbot, dialog, path)
    assert "第 3 行附近含有不允许的 XML 内容" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled()
