"""Chinese by default; English from the .ts catalogue compiled with pyside6-lrelease."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from seller_app import paths
from seller_app.ui.i18n import (
    compile_translations,
    format_date,
    format_money,
    install_language,
    remove_language,
)
from tests.conftest import NOW


def test_the_english_catalogue_translates_every_string(tmp_path: Path) -> None:
    source = paths.resources_dir() / "translations"
    text = (source / "seller_app_en.ts").read_text(encoding="utf-8")
    assert text.count("<message") > 150
    assert 'type="unfinished"' not in text
    compiled = {qm.name: qm for qm in compile_translations(source, tmp_path)}
    assert set(compiled) == {"seller_app_en.qm", "qt_gaps_zh.qm"}
    assert compiled["seller_app_en.qm"].stat().st_size > 1000


def test_linux_file_dialogs_speak_chinese(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Qt 6's own catalogue lacks the file dialog's "&Look in:" and "Files of &type:"."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    app = QApplication.instance()
    translators = install_language(app, "zh", paths.resources_dir(), tmp_path / "qm")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "查找范围" in labels and "文件类型" in labels and "文件名称" in labels
        assert "Look in" not in labels and "Files of" not in labels
        dialog.deleteLater()
    finally:
        remove_language(app, translators)


def test_every_tr_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    """pyside6-lupdate over the UI sources finds no string the committed catalogue lacks."""
    import re
    import shutil
    import subprocess
    import sys

    import pytest

    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(tool).exists():
        pytest.skip("pyside6-lupdate is not installed")
    ui = Path(paths.__file__).parent / "ui"
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(ui.rglob("*.py"))]
    subprocess.run([tool, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = (paths.resources_dir() / "translations" / "seller_app_en.ts").read_text("utf-8")
    known = set(re.findall(r"<source>(.*?)</source>", committed, re.S))
    found = set(re.findall(r"<source>(.*?)</source>", fresh.read_text("utf-8"), re.S))
    assert not found - known, "run pyside6-lupdate and translate the new strings"


def test_english_ui(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    translators = install_language(app, "en", paths.resources_dir(), tmp_path / "qm")
    try:
        window = make_window("en")
        assert window.new_button.text() == "+ New claim"
        assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Tracking number"
        qtbot.mouseClick(window.new_button, Qt.MouseButton.LeftButton)
        page = window.wizard.currentPage()
        assert page.title() == "Shipment"
        assert page.region.itemText(1) == "Domestic"  # domain words come in the same language
    finally:
        remove_language(app, translators)


def test_dates_and_money_in_the_locale_format() -> None:
    assert format_money(Decimal("1518"), "zh") == "¥1,518.00"
    assert format_money("28.8", "en") == "¥28.80"
    assert format_money(None, "zh") == "—"
    assert format_date(NOW.date(), "zh") == "2026年11月21日"
    assert format_date(NOW.date(), "en") == "21 Nov 2026"
    assert format_date(NOW, "zh") == "2026年11月21日 10:00"
