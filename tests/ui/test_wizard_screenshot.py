"""A tracking screenshot dropped on the shipment and signer pages (issue 20): read off the GUI
thread with the real OCR, the fields it read filled in and marked "从截图读取", a guard who
signed answers "not the buyer" with the question to ask, the screenshot kept as evidence."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton

from tests.evidence.screens import SF_GUARD, save

from .conftest import idle, type_text
from .test_wizard_documents import drop
from .test_wizard_walk import child, click, next_page, set_when


def test_a_tracking_screenshot_fills_both_pages(qtbot, window, tmp_path, ocr_engine: Any) -> None:  # type: ignore[no-untyped-def]
    shot = save(SF_GUARD, tmp_path)
    click(qtbot, window.new_button)
    wizard = window.wizard
    page = wizard.currentPage()
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    drop(page, [notes])
    status = child(page, QLabel, "screenshotStatus")
    assert "notes.txt" in status.text() and "不是照片" in status.text()

    drop(page, [shot])
    idle(qtbot)
    assert page.tracking.text() == "SF1234567890123"
    assert page.posted_at.moment_text() == "2026-11-11T18:20"
    for key in ("tracking_numbers", "posted_at"):
        assert page.note_label(key).isVisible()
        assert "从截图读取" in page.note_label(key).text()
    assert "寄出时间" in status.text()
    (evidence,) = wizard.draft.photos
    assert evidence["kind"] == "tracking_screenshot"
    # the seller changes the time: the mark goes, the value is theirs now
    set_when(page.posted_at, datetime(2026, 11, 11, 18, 0))
    qtbot.waitUntil(lambda: "从截图读取" not in page.note_label("posted_at").text())
    type_text(qtbot, child(page, QLineEdit, "serviceFee"), "12")
    type_text(qtbot, child(page, QLineEdit, "weight"), "2")
    next_page(qtbot, wizard)
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:damage"))
    click(qtbot, child(page, QRadioButton, "choice:full"))
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)
    assert [p["kind"] for p in wizard.draft.data["photos"]] == ["tracking_screenshot"]
    next_page(qtbot, wizard)

    page = wizard.currentPage()
    drop(page, [shot])
    idle(qtbot)
    assert child(page, QRadioButton, "who:unknown").isChecked()  # not the buyer, not yet known
    assert page.signer_name.text() == "门卫代收"
    assert page.known_time.isChecked() and page.signed_at.moment_text() == "2026-11-13T14:22"
    assert "从截图读取" in page.note_label("signer").text()
    assert "授权" in page.note_label("signer").text()
    advice = child(page, QLabel, "signerAdvice").text()
    assert "门卫代收" in advice and "授权" in advice
    assert len(wizard.draft.photos) == 1  # the same screenshot is not kept twice
    # asked: the buyer did not authorise the guard
    click(qtbot, child(page, QRadioButton, "who:unauthorized"))
    qtbot.waitUntil(lambda: not page.note_label("signer").isVisible())
    assert "门卫代收" not in child(page, QLabel, "signerAdvice").text()  # asked and answered
    next_page(qtbot, wizard)
    assert wizard.draft.data["signer"]["who"] == "unauthorized"
    assert wizard.draft.data["signer"]["signed_at"] == "2026-11-13T14:22"
    next_page(qtbot, wizard)
    idle(qtbot)
    status = child(wizard.currentPage(), QLabel, "outputStatus").text()
    assert "索赔单已生成" in status, status
    form = Path(wizard.draft.documents["claim_form"]).read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(form)).pages)
    assert "物流详情截图" in text  # the screenshot is listed among the evidence
