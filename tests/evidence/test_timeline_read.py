"""The screenshot reader end to end: rendered tracking pages of several couriers and layouts
(phone width, dark mode, JPEG, a time column, a web table, a proof of delivery) read with the
real OCR models, offline, every field checked. The model loads once per session (`ocr_engine`).
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from seller_app.domain.timeline import OcrLine, Timeline, parse_timeline
from seller_app.evidence.importer import default_carriers
from seller_app.evidence.model import PhotoError
from seller_app.evidence.timeline import (
    ScreenshotError,
    load_screenshot,
    read_lines,
    read_timeline,
    timeline_rules,
)
from tests.conftest import NOW
from tests.evidence.probe_pages import BUNDLED, REFERENCE, FontChoice, make_probe
from tests.evidence.probe_pages import save as save_probe
from tests.evidence.screens import FONT, SCREENS, SF_PROOF, Screen, save

FIELDS = ("tracking_numbers", "carrier", "posted_at", "signed_at", "signer", "left_at_station")
_PUNCT = str.maketrans("：（），；【】", ":(),;[]")


def same_text(read: str, drawn: str) -> bool:
    """OCR may turn full-width brackets half-width and drop spaces; the words must be there."""

    def norm(text: str) -> str:
        return re.sub(r"\s+", "", text).translate(_PUNCT)

    return difflib.SequenceMatcher(None, norm(read), norm(drawn)).ratio() >= 0.95


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("screens")
    return {screen.name: save(screen, folder) for screen in SCREENS}


@pytest.fixture(scope="module")
def lines_of(screenshots: dict[str, Path], ocr_engine: Any) -> dict[str, list[OcrLine]]:
    """Each screenshot read once (through the same loading `read_timeline` uses)."""
    return {name: read_lines([path], ocr_engine)[0] for name, path in screenshots.items()}


def timeline_of(*pages: list[OcrLine]) -> Timeline:
    return parse_timeline(pages, timeline_rules(), default_carriers(), NOW)


@pytest.mark.parametrize("screen", SCREENS, ids=[s.name for s in SCREENS])
def test_every_field_of_each_screenshot(screen: Screen, lines_of: dict[str, list[OcrLine]]) -> None:
    got = timeline_of(lines_of[screen.name]).to_json()
    assert {key: got[key] for key in FIELDS} == screen.expected
    drawn = sorted(screen.events, key=lambda e: e.at)
    assert [(e["at"], e["kind"]) for e in got["events"]] == [
        (e.at.isoformat(), e.kind) for e in drawn
    ]
    for read, event in zip(got["events"], drawn, strict=True):
        assert same_text(read["text"], event.text), (read["text"], event.text)


def test_read_timeline_from_files(screenshots: dict[str, Path], ocr_engine: Any) -> None:
    timeline = read_timeline([screenshots["sf_proof"]], reference=NOW, engine=ocr_engine)
    assert timeline.to_json() == {**SF_PROOF.expected, "events": []}


def test_the_engine_never_loads_opencv_or_the_rapidocr_pipeline(ocr_engine: Any) -> None:
    # the models come from the rapidocr wheel, found without importing it (it imports OpenCV)
    assert "cv2" not in sys.modules and "rapidocr" not in sys.modules


def test_a_page_and_its_proof_of_delivery_read_as_one(lines_of: dict[str, list[OcrLine]]) -> None:
    timeline = timeline_of(lines_of["sf_guard"], lines_of["sf_proof"])
    assert timeline.tracking_numbers == ("SF1234567890123", "SF9876543210987")
    assert timeline.signer == "门卫代收" and len(timeline.events) == 4


def test_a_long_scrolling_capture_is_read_in_tiles(ocr_engine: Any) -> None:
    """A 480 x 1680 px capture (3.5 widths tall) is read in overlapping tiles: each line once,
    none lost at a tile's edge."""
    font = ImageFont.truetype(str(FONT), 28)
    tall = Image.new("RGB", (480, 1680), "white")
    draw = ImageDraw.Draw(tall)
    for row in range(8):
        draw.text((24, 30 + row * 205), f"第{row + 1}条已到达", font=font, fill="black")
    texts = [line.text.replace(" ", "") for line in ocr_engine.read(tall)]
    assert texts == [f"第{row + 1}条已到达" for row in range(8)]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "file_missing"),
        (b"", "not_an_image"),
        (b"not an image at all", "not_an_image"),
        (b"GIF89a" + b"\0" * 20, "not_an_image"),
    ],
)
def test_unusable_files_are_named(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "shot.png"
    if content is not None:
        path.write_bytes(content)
    loaded = load_screenshot(path)
    assert isinstance(loaded, PhotoError) and loaded.code == code
    assert "shot.png" in loaded.message("zh") and "shot.png" in loaded.message("en")


def test_a_folder_or_an_oversized_file_is_refused(tmp_path: Path, monkeypatch: Any) -> None:
    folder = load_screenshot(tmp_path)
    assert isinstance(folder, PhotoError) and folder.code == "not_a_regular_file"
    big = tmp_path / "big.png"
    Image.new("RGB", (40, 40)).save(big)
    monkeypatch.setattr("seller_app.evidence.timeline.MAX_FILE_BYTES", 10)
    refused = load_screenshot(big)
    assert isinstance(refused, PhotoError) and refused.code == "file_too_large"


def test_every_bad_file_is_reported_before_any_ocr(tmp_path: Path) -> None:
    class NoEngine:
        def read(self, image: Image.Image) -> Any:
            raise AssertionError("OCR ran although a file was bad")

    good = tmp_path / "good.png"
    Image.new("RGB", (40, 40)).save(good)
    with pytest.raises(ScreenshotError) as raised:
        read_timeline(
            [good, tmp_path / "a.png", tmp_path / "b.jpg"],
            reference=NOW,
            engine=NoEngine(),  # type: ignore[arg-type]
        )
    assert [e.source.name for e in raised.value.errors] == ["a.png", "b.jpg"]


# --------------------------------------------------------------------------- pages drawn by
# tests/evidence/probe_pages.py (another drawing of other apps' pages; bench/timeline_probe.py
# reads hundreds of them, these two are read here with the real models)

PROBE_PAGES = (
    (20, 14),  # Cainiao, YTO, dark, JPEG q90, 1242 px, time under the text, signed by 门卫
    (20, 20),  # an SF proof of delivery, dark: 签收人 门卫 as a field
)


@pytest.mark.parametrize(("seed", "index"), PROBE_PAGES, ids=lambda v: str(v))
def test_probe_pages_read_with_the_real_models(
    seed: int, index: int, tmp_path: Path, ocr_engine: Any
) -> None:
    probe = make_probe(index, seed, (FontChoice("wqy-microhei", BUNDLED),))
    [lines] = read_lines([save_probe(probe, tmp_path)], ocr_engine)
    got = parse_timeline([lines], timeline_rules(), default_carriers(), REFERENCE).to_json()
    expected = probe.expected
    for key in ("tracking_numbers", "carrier", "posted_at", "signed_at", "signer"):
        assert got[key] == expected[key], key
    assert got["signer"] == "门卫" and got["left_at_station"] == expected["left_at_station"]
    assert [(e["at"], e["kind"]) for e in got["events"]] == [
        (e["at"], e["kind"]) for e in expected["events"]
    ]
    for read, drawn in zip(got["events"], expected["events"], strict=True):
        assert same_text(read["text"], drawn["text"])
