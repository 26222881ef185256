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
    (qm,) = compile_translations(source, tmp_path)
    assert qm.name == "seller_app_en.qm" and qm.stat().st_size > 1000


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
