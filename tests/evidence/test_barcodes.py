"""Waybill barcodes: read at 0° and tilted, matched against the case and courier patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from seller_app.domain.case import PhotoKind
from seller_app.domain.catalog import Catalog
from seller_app.evidence import EvidencePhoto, PhotoInput, import_photos
from seller_app.evidence.barcodes import barcode_notes, match_numbers, read_texts, tracking_numbers
from tests.conftest import make_case

from .synth import barcode_label, label_photo, save, scene

SF = "SF1234567890123"


@pytest.mark.parametrize("angle", [40, 45, -40])
def test_zxing_alone_misses_a_steep_tilt(angle: int) -> None:
    """Why we turn the image: zxing-cpp 3.1 reads this label up to about 30° by itself but not
    at 35-50°, so the 40°/45° cases below exercise our rotations."""
    photo = label_photo(SF, angle).convert("L")
    assert not zxingcpp.read_barcodes(photo, formats=[zxingcpp.BarcodeFormat.Code128])


@pytest.mark.parametrize("angle", [0, 30, -30, 40, 45, -40, 90, 200])
def test_code128_is_read_at_any_angle(angle: int) -> None:
    assert read_texts(label_photo(SF, angle)) == (SF,)


def test_qr_code_with_a_url_gives_the_number_inside(catalog: Catalog) -> None:
    qr = zxingcpp.create_barcode(
        f"https://m.example.cn/track?no={SF}&c=sf", zxingcpp.BarcodeFormat.QRCode
    )
    view = memoryview(qr.to_image(scale=6, add_quiet_zones=True))
    image = scene((1200, 900))
    image.paste(
        Image.frombytes("L", (view.shape[1], view.shape[0]), bytes(view)).convert("RGB"), (300, 200)
    )
    texts = read_texts(image)
    assert texts and "track?no=" in texts[0]
    assert tracking_numbers(texts, catalog.carriers) == (SF,)


def test_photo_without_a_barcode_reads_nothing() -> None:
    assert read_texts(scene((1200, 900))) == ()


def test_label_photo_of_unknown_kind_becomes_a_waybill_label(tmp_path: Path) -> None:
    label = save(label_photo(SF, 30), tmp_path / "label.jpg", quality=90)
    box = save(scene((1600, 1200)), tmp_path / "box.jpg", quality=90)
    case = make_case(tracking_numbers=[SF], carrier="sf")
    first, second = import_photos(
        [PhotoInput(label), PhotoInput(box)], tmp_path / "out", case, processes=1
    )
    assert isinstance(first, EvidencePhoto) and isinstance(second, EvidencePhoto)
    assert (first.kind, first.barcodes) == (PhotoKind.WAYBILL_LABEL, (SF,))
    assert not [n for n in first.warnings if n.code.startswith("barcode")]
    assert (second.kind, second.barcodes) == (PhotoKind.OTHER, ())


def test_declared_label_without_a_readable_code_is_warned(tmp_path: Path) -> None:
    box = save(scene((1600, 1200)), tmp_path / "box.jpg")
    [photo] = import_photos([PhotoInput(box, PhotoKind.WAYBILL_LABEL)], tmp_path / "o", processes=1)
    assert isinstance(photo, EvidencePhoto)
    assert "no_barcode_found" in [n.code for n in photo.warnings]


def test_other_kinds_are_read_only_on_request(tmp_path: Path) -> None:
    label = save(label_photo(SF), tmp_path / "label.png")
    inputs = [PhotoInput(label, PhotoKind.OUTER_PACKAGE)]
    [plain] = import_photos(inputs, tmp_path / "a", processes=1)
    [asked] = import_photos(inputs, tmp_path / "b", processes=1, read_barcodes=True)
    assert isinstance(plain, EvidencePhoto) and isinstance(asked, EvidencePhoto)
    assert (plain.barcodes, asked.barcodes) == ((), (SF,))
    assert asked.kind is PhotoKind.OUTER_PACKAGE  # a declared kind is kept


# (number read, case numbers, case carrier, expected in_case, expected carriers head, warnings)
ROWS = [
    (SF, [SF], "sf", True, "sf", []),
    ("SF9999999999999", [SF], "sf", False, "sf", ["barcode_not_case_number"]),
    (
        "JT1234567890123",
        [SF],
        "sf",
        False,
        "jt",
        ["barcode_not_case_number", "barcode_other_carrier"],
    ),
    (
        "ABCDEFGH",
        [SF],
        None,
        False,
        None,
        ["barcode_not_case_number", "barcode_no_carrier_pattern"],
    ),
]


@pytest.mark.parametrize(("number", "numbers", "carrier", "in_case", "head", "warnings"), ROWS)
def test_numbers_are_matched_to_the_case_and_carriers(
    catalog: Catalog,
    number: str,
    numbers: list[str],
    carrier: str | None,
    in_case: bool,
    head: str | None,
    warnings: list[str],
) -> None:
    case = make_case(tracking_numbers=numbers, carrier=carrier)
    [match] = match_numbers([number], case, catalog.carriers)
    assert match.in_case is in_case
    assert (match.carriers[0] if match.carriers else None) == head
    assert [n.code for n in barcode_notes([match], case, is_label=True)] == warnings


def test_without_a_case_numbers_are_not_compared(catalog: Catalog) -> None:
    [match] = match_numbers([SF], None, catalog.carriers)
    assert match.in_case is None and match.carriers[0] == "sf"
    assert barcode_notes([match], None, is_label=True) == []


def test_thin_bars_on_a_big_label_photo_are_read_from_the_original(tmp_path: Path) -> None:
    """1-pixel bars in a 4000x3000 photo are lost at 1600 px; a declared label gets a second try
    at full size, other kinds are read from the prepared copy only."""
    photo = scene((4000, 3000), seed=3)
    photo.paste(barcode_label(SF, module=1), (1500, 1200))
    source = save(photo, tmp_path / "label.jpg", quality=92)
    [label] = import_photos(
        [PhotoInput(source, PhotoKind.WAYBILL_LABEL)], tmp_path / "a", processes=1
    )
    [other] = import_photos(
        [PhotoInput(source, PhotoKind.OUTER_PACKAGE)],
        tmp_path / "b",
        processes=1,
        read_barcodes=True,
    )
    assert isinstance(label, EvidencePhoto) and isinstance(other, EvidencePhoto)
    assert (label.barcodes, other.barcodes) == ((SF,), ())
