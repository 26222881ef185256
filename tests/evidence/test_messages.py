"""Every warning and error code the package can produce has zh and en texts that format."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import seller_app.evidence
from seller_app.domain.case import PhotoKind
from seller_app.domain.rules import Note
from seller_app.evidence import PhotoError
from seller_app.evidence.messages import codes, kind_label, render, text

SOURCE = "\n".join(
    path.read_text(encoding="utf-8")
    for path in Path(seller_app.evidence.__file__).parent.glob("*.py")
)
WARNINGS = set(re.findall(r'Note\(\s*"(\w+)"', SOURCE))
ERRORS = {
    code
    for line in SOURCE.splitlines()
    if "_RefusedError(" in line or "PhotoError(" in line or re.match(r"\s*code = ", line)
    for code in re.findall(r'"([a-z_]+)"', line)
}


def test_the_scan_finds_codes() -> None:
    assert {"blurry", "duplicate", "captured_late_fresh", "no_barcode_found"} <= WARNINGS
    assert {"not_an_image", "too_many_pixels", "unreadable_heic", "crashed"} <= ERRORS


@pytest.mark.parametrize("section", ["warnings", "errors"])
def test_every_code_has_both_languages(section: str) -> None:
    used = WARNINGS if section == "warnings" else ERRORS
    assert used <= set(codes(section)), used - set(codes(section))
    for code in codes(section):
        zh, en = text(section, code, "zh"), text(section, code, "en")
        assert zh and en and zh != en
        names_zh = {name for _, name, _, _ in string.Formatter().parse(zh) if name}
        names_en = {name for _, name, _, _ in string.Formatter().parse(en) if name}
        assert names_zh == names_en, code


def test_render_fills_the_parameters() -> None:
    note = Note("blurry", {"sharpness": 12, "threshold": 60})
    assert render(note, "zh") == "照片模糊（清晰度 12，低于 60），请对准后重拍"
    assert "sharpness 12, below 60" in render(note, "en")
    assert (
        PhotoError(Path("/x/IMG_1.HEIC"), "not_an_image").message("en")
        == "IMG_1.HEIC: not an image file"
    )


def test_every_kind_has_a_label() -> None:
    assert kind_label(PhotoKind.WAYBILL_LABEL) == "快递面单"
    for kind in PhotoKind:
        assert kind_label(kind, "zh") != kind_label(kind, "en")
