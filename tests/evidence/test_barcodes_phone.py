"""Barcodes on phone-like photos: read where a label is, at any tilt up to 45°, and no barcode
work at all on a photo with nothing bar-like in it.

The photos come from `phone.py`: 12 MP (or smaller where size does not matter), sensor grain,
cardboard and wood texture, soft focus, uneven light, JPEG q92 -- what makes every look of
zxing expensive, and what flat synthetic scenes hide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp

from seller_app.domain.case import PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoInput, import_photos
from seller_app.evidence.barcodes import find_regions, read_photo

from .phone import Shot, phone_photo, save_phone_photo
from .synth import label_photo

SF = "SF1400012345678"


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Made once: a 12 MP label photo turned 40° with a QR code, held upright (stored sideways
    with EXIF orientation 6), strong grain; and a 12 MP damaged box with no label."""
    folder = tmp_path_factory.mktemp("phone")
    shots = {
        "label": Shot(seed=11, label=SF, angle=40.0, qr=True, portrait=True, grain=9.0),
        "box": Shot(seed=12, damaged=True),
    }
    return {name: save_phone_photo(shot, folder / f"{name}.jpg") for name, shot in shots.items()}


def test_a_tilted_noisy_label_of_unknown_kind_is_read(
    photos: dict[str, Path], tmp_path: Path
) -> None:
    label, box = import_photos(
        [PhotoInput(photos["label"]), PhotoInput(photos["box"])], tmp_path, processes=1
    )
    assert isinstance(label, EvidencePhoto) and isinstance(box, EvidencePhoto)
    assert (label.kind, label.barcodes) == (PhotoKind.WAYBILL_LABEL, (SF,))
    assert (label.width, label.height) == (3000, 4000)  # upright
    assert (box.kind, box.barcodes) == (PhotoKind.OTHER, ())


def test_a_photo_with_nothing_bar_like_costs_no_barcode_read(
    photos: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = zxingcpp.read_barcodes

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zxingcpp, "read_barcodes", counted)
    [box] = import_photos([PhotoInput(photos["box"])], tmp_path, processes=1, read_barcodes=True)
    assert isinstance(box, EvidencePhoto) and box.barcodes == ()
    assert calls == []
    [label] = import_photos([PhotoInput(photos["label"])], tmp_path, processes=1)
    assert isinstance(label, EvidencePhoto) and label.barcodes == (SF,)
    assert 0 < len(calls) <= 4  # the label's regions, each read once: no sweep of turned copies


@pytest.mark.parametrize("angle", [-45, -35, -20, 0, 10, 25, 40])
def test_labels_read_at_every_tilt_up_to_45_degrees(angle: int) -> None:
    """Between zxing's own tolerance (~30°) and the old 15° steps lay angles nothing read on a
    noisy photo; the first look measures the angle and turns the bars upright in one step."""
    shot = Shot(seed=100 + angle, label=SF, angle=float(angle), size=(1600, 1200), grain=6.0)
    assert read_photo(phone_photo(shot), label=False) == (SF,)


@pytest.mark.parametrize("angle", [0, 20, -30, 45, 70, 90])
def test_the_first_look_finds_the_bars_and_their_angle(angle: int) -> None:
    regions = find_regions(label_photo(SF, angle).convert("L"))
    assert regions and regions[0].strong
    # the gradient across bars turned `angle` degrees counter-clockwise points -angle (y down)
    difference = (regions[0].angle + angle) % 180
    assert min(difference, 180 - difference) < 10  # zxing itself tolerates far more


def test_a_small_distant_label_is_still_found() -> None:
    shot = Shot(seed=7, label=SF, angle=-25.0, label_width=0.22, size=(1600, 1200), grain=6.0)
    assert read_photo(phone_photo(shot), label=False) == (SF,)
